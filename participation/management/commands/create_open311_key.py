"""`manage.py create_open311_key NAME --organisation KOMMUNKOD`: prints a new Open311 API key
for the municipality's organisation (only its hash is stored)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from organisations.auditlog import acting_via
from organisations.models import Organisation
from participation.open311.keys import issue_key


class Command(BaseCommand):
    help = "Skapa en Open311-nyckel för en kommuns organisation och skriv ut den (visas en gång)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="Vad nyckeln används till, t.ex. ”Felanmälningsappen”.")
        parser.add_argument(
            "--organisation", required=True, metavar="KOMMUNKOD", help="Kommunkod, t.ex. 1419."
        )

    def handle(self, *args: object, name: str, organisation: str, **options: object) -> None:
        name = name.strip()
        if not name or len(name) > 80:
            raise CommandError("Ange ett namn på 1–80 tecken för nyckeln.")
        found = Organisation.objects.filter(
            kind=Organisation.Kind.MUNICIPALITY, municipality__code=organisation.strip()
        ).first()
        if found is None:
            raise CommandError(
                f"Det finns ingen kommunorganisation med kommunkod {organisation}. "
                "Lägg upp den i plattformsadministrationen först."
            )
        with acting_via("manage.py create_open311_key"):
            key, secret = issue_key(name=name, organisation=found, actor=None)
        self.stderr.write(
            f"Open311-nyckel ”{key.name}” för {found.name} (börjar med {key.prefix}). "
            "Kopiera den nu: den visas inte igen."
        )
        self.stdout.write(secret)
