from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from organisations.auditlog import acting_via
from surveys.imports.answers import AnswersImporter
from surveys.imports.commands import progress, read_file, report, wave_or_error


class Command(BaseCommand):
    help = (
        "Läser in svar från ett annat system (CSV eller XLSX, en rad per svarande, kolumnerna "
        "namngivna efter frågornas nycklar, valfri kolumn omrade) i en öppen omgång. Varje rad "
        "kontrolleras som i webbenkäten. Allt eller inget: vid minsta fel sparas ingenting och "
        "kommandot avslutas med felkod."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("wave_id", type=int, help="Omgångens id (siffran i adressen).")
        parser.add_argument("file", help="Filen att läsa in (.csv eller .xlsx).")
        parser.add_argument(
            "--representative",
            action="store_true",
            help=(
                "Svaren kommer från ett slumpmässigt urval och viktas som ett. Utan flaggan "
                "märks de ”ej representativt”."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Kontrollera bara filen; ingenting sparas."
        )

    def handle(self, *args: object, **options: object) -> None:
        wave = wave_or_error(options["wave_id"])
        source = read_file(str(options["file"]))
        importer = AnswersImporter(wave=wave, representative=bool(options["representative"]))
        with acting_via(_("kommandoraden: %(file)s") % {"file": source.name}):
            plan = importer.run(
                source, dry_run=bool(options["dry_run"]), on_progress=progress(self)
            )
        report(self, plan, verbose=False)
        kind = _("representativa") if options["representative"] else _("ej representativa")
        if options["dry_run"]:
            message = _(
                "Provkörning: %(n)s svar (%(kind)s) skulle sparas i %(wave)s. Ingenting sparades."
            )
        else:
            message = _("Klart: %(n)s svar (%(kind)s) sparade i %(wave)s.")
        self.stdout.write(message % {"n": len(plan.changes), "kind": kind, "wave": wave.name})
