from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.imports import FileRefused, ImportFile
from core.imports.progress import progress_bar
from core.imports.report import error_lines
from organisations.auditlog import acting_via
from situation.imports.police_events import PoliceEventImporter, event_counts


class Command(BaseCommand):
    help = (
        "Läser in polisens händelser i API:ets eget JSON-format (.json, eller komprimerad "
        ".json.gz). Händelser som redan finns (samma id) lämnas som de är. Allt eller inget: "
        "vid minsta fel sparas ingenting och kommandot avslutas med felkod."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Filen att läsa in (.json eller .json.gz).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Kontrollera bara filen; ingenting sparas."
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            source = ImportFile.from_path(str(options["file"]))
        except FileRefused as refused:
            raise CommandError(str(refused)) from refused
        importer = PoliceEventImporter(on_read=progress_bar(self.stderr, _("Läser")))
        with acting_via(_("kommandoraden: %(file)s") % {"file": source.name}):
            plan = importer.run(
                source,
                dry_run=bool(options["dry_run"]),
                on_progress=progress_bar(self.stderr, _("Sparar")),
            )
        if plan.errors:
            for line in error_lines(plan):
                self.stderr.write(line)
            raise CommandError(
                _("%(n)s fel i filen. Ingenting sparades.") % {"n": len(plan.errors)}
            )
        if plan.previous is not None:
            when = date_format(localtime(plan.previous.imported_at), "j F Y H.i")
            self.stdout.write(_("Filen är redan inläst (%(when)s).") % {"when": when})
        counts = event_counts(plan)
        if options["dry_run"]:
            self.stdout.write(_("Provkörning: ingenting sparades."))
        self.stdout.write(_("Inlästa händelser: %(n)s") % {"n": counts.imported})
        self.stdout.write(_("Fanns redan: %(n)s") % {"n": counts.existing})
        self.stdout.write(
            _("Sammanfattningar (räknas inte som händelser): %(n)s") % {"n": counts.summaries}
        )
        self.stdout.write(_("Kunde inte placeras i en kommun: %(n)s") % {"n": counts.unplaced})
