from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from promises.models import Promise
from promises.spreadsheet.export import plan_activities, write_csv, write_xlsx

WRITERS = {".csv": write_csv, ".xlsx": write_xlsx}


class Command(BaseCommand):
    help = (
        "Skriver ett löftes aktivitetsplan till en fil, en rad per aktivitet: CSV eller XLSX "
        "efter filens ändelse."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("promise_id", type=int, help="Löftets id (siffran i adressen).")
        parser.add_argument("file", help="Filen att skriva, t.ex. plan.xlsx eller plan.csv.")

    def handle(self, *args: object, promise_id: int, file: str, **options: object) -> None:
        promise = Promise.objects.filter(pk=promise_id).first()
        if promise is None:
            raise CommandError(_("Det finns inget löfte med id %(id)s.") % {"id": promise_id})
        path = Path(file)
        writer = WRITERS.get(path.suffix.lower())
        if writer is None:
            raise CommandError(_("Filen ska sluta på .csv eller .xlsx."))
        try:
            path.write_bytes(writer(promise))
        except OSError as error:
            raise CommandError(
                _("Kan inte skriva %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
            ) from error
        count = plan_activities(promise).count()
        self.stdout.write(
            _("%(n)s aktiviteter i ”%(title)s” skrivna till %(path)s.")
            % {"n": count, "title": promise.title, "path": path}
        )
