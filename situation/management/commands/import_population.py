from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from organisations.auditlog import acting_via
from situation.imports.commands import finish
from situation.imports.population import PopulationImporter
from surveys.imports.commands import progress, read_file, report


class Command(BaseCommand):
    help = (
        "Läser in folkmängden per kommun och år från SCB:s statistikdatabas (CSV eller XLSX: "
        "region och ett år per kolumn, eller region, år och folkmängd). Samma fil två gånger "
        "lägger inte till något; en ändrad siffra ersätter den sparade. Allt eller inget, "
        "felkod vid minsta fel."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Filen att läsa in (.csv eller .xlsx).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Visa bara ändringarna; ingenting sparas."
        )
        parser.add_argument("--source", default="", help="Källan som sparas med siffrorna.")
        parser.add_argument(
            "--quiet", action="store_true", help="Skriv inte ut varje ändring, bara summan."
        )

    def handle(self, *args: object, **options: object) -> None:
        source = read_file(str(options["file"]))
        importer = PopulationImporter(source_label=str(options["source"]))
        with acting_via(_("kommandoraden: %(file)s") % {"file": source.name}):
            plan = importer.run(
                source, dry_run=bool(options["dry_run"]), on_progress=progress(self)
            )
        report(self, plan, verbose=not options["quiet"])
        finish(self, plan, importer, dry_run=bool(options["dry_run"]))
