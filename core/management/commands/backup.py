"""`manage.py backup FILE`: the database and the uploaded files in one archive (core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Säkerhetskopierar databasen och uppladdade filer till FILE (.tar.gz)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path)

    def handle(self, *args: object, file: Path, **options: object) -> None:
        try:
            manifest = backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"Säkerhetskopia skriven till {file}: {len(manifest['tables'])} tabeller, "
            f"{rows} rader ({manifest['vendor']})."
        )
