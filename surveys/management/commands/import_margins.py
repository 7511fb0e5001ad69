from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from organisations.auditlog import acting_via
from surveys.imports.commands import read_file, report, wave_or_error
from surveys.imports.margins import MarginsImporter


class Command(BaseCommand):
    help = (
        "Läser in populationsmarginaler för en omgång från SCB:s statistikdatabas (region, kön, "
        "ålder, år och antal, eller åren som kolumner) eller i formen variabel;kategori;antal. "
        "Ersätter omgångens marginaler; allt eller inget, felkod vid minsta fel."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("wave_id", type=int, help="Omgångens id (siffran i adressen).")
        parser.add_argument("file", help="Filen att läsa in (.csv eller .xlsx).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa bara marginalerna; ingenting sparas."
        )

    def handle(self, *args: object, **options: object) -> None:
        wave = wave_or_error(options["wave_id"])
        source = read_file(str(options["file"]))
        importer = MarginsImporter(wave=wave)
        with acting_via(_("kommandoraden: %(file)s") % {"file": source.name}):
            plan = importer.run(source, dry_run=bool(options["dry_run"]))
        report(self, plan)
        if options["dry_run"]:
            self.stdout.write(_("Provkörning: ingenting sparades."))
        else:
            self.stdout.write(
                _("Klart: omgångens marginaler är ersatta (%(n)s kategorier).")
                % {"n": sum(len(t) for t in importer.tables.values())}
            )
