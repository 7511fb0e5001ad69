"""`manage.py restore FILE`: replace the database and uploaded files with a backup's.

The archive is checked before anything is touched (core/backup.py); then every table's count
and checksum are compared with the backup's manifest.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, check_restorable, read_manifest, restore


class Command(BaseCommand):
    help = "Återställer databasen och uppladdade filer från en säkerhetskopia (ersätter allt)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Fråga inte; ersätt all data utan bekräftelse."
        )

    def handle(self, *args: object, file: Path, yes: bool = False, **options: object) -> None:
        try:
            manifest = read_manifest(file)
            check_restorable(manifest)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not yes and options.get("interactive", True):
            answer = input(
                f"All data ersätts med säkerhetskopian från {manifest['created_at']}. "
                "Skriv ja för att fortsätta: "
            )
            if answer.strip().lower() != "ja":
                raise CommandError("Avbrutet; inget ändrades.")
        try:
            tables = restore(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(t.rows for t in tables.values())
        self.stdout.write(
            f"Återställt från {file}: {len(tables)} tabeller, {rows} rader; antal och "
            "kontrollsummor stämmer med säkerhetskopian."
        )
