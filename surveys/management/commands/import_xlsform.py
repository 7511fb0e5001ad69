from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from organisations.auditlog import acting_via
from organisations.models import Organisation
from surveys.imports.commands import read_file, report
from surveys.imports.xlsform.importer import XLSFormImporter


class Command(BaseCommand):
    help = (
        "Läser in en enkät skriven i XLSForm (ODK/KoboToolbox: bladen survey, choices och "
        "settings) som en ny trygghetsundersökning för en kommun. Allt eller inget: vid minsta "
        "fel skapas ingenting, felen skrivs ut rad för rad och kommandot avslutas med felkod."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="XLSForm-filen (.xlsx).")
        parser.add_argument(
            "--organisation",
            required=True,
            metavar="KOMMUNKOD",
            help="Kommunkoden (t.ex. 1419) för kommunen vars organisation äger undersökningen.",
        )

    def handle(self, *args: object, **options: object) -> None:
        organisation = self._organisation(str(options["organisation"]))
        source = read_file(str(options["file"]))
        importer = XLSFormImporter(organisation=organisation)
        with acting_via(_("kommandoraden: %(file)s") % {"file": source.name}):
            plan = importer.run(source)
        report(self, plan)
        if importer.survey is None:
            raise CommandError(_("Formuläret har inga frågor. Ingenting sparades."))
        self.stdout.write(
            _("Klart: undersökningen ”%(title)s” (id %(id)s) är skapad för %(org)s.")
            % {"title": importer.survey, "id": importer.survey.pk, "org": organisation.name}
        )

    def _organisation(self, code: str) -> Organisation:
        organisation = (
            Organisation.objects.municipalities()
            .filter(municipality__code=code)
            .select_related("municipality")
            .first()
        )
        if organisation is None:
            raise CommandError(
                _(
                    "Det finns ingen kommunorganisation med kommunkoden %(code)s. Ange kommunens "
                    "fyrsiffriga kod (t.ex. 1419 för Tjörn); plattformsadministratören lägger "
                    "till kommunen under Organisationer."
                )
                % {"code": code}
            )
        return organisation
