import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.imports import FileRefused, ImportFile
from core.imports.report import error_lines, note_lines, plan_lines
from promises.access import get_promise_for_user
from promises.models import Promise
from promises.spreadsheet.importer import ActivityPlanImporter
from promises.spreadsheet.report import plan_summary


class Command(BaseCommand):
    help = (
        "Läser in en ändrad aktivitetsplan (CSV eller XLSX) i ett löfte: nya rader blir nya "
        "aktiviteter, ändrade rader ändrar dem och kolumnerna för ny lägesrapport lägger till "
        "lägesrapporter. Skriver ut varje ändring. Allt eller inget: vid minsta fel ändras "
        "ingenting och kommandot avslutas med felkod."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("promise_id", type=int, help="Löftets id (siffran i adressen).")
        parser.add_argument("file", help="Filen att läsa in (.csv eller .xlsx).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Visa bara vad som skulle ändras; ingenting sparas.",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=(
                "Användaren vars rättigheter gäller och som står i händelseloggen. Utan den "
                "gäller kommandoraden med alla rättigheter."
            ),
        )

    def handle(self, *args: object, **options: object) -> None:
        user = self._user(options["user"])
        promise = self._promise(options["promise_id"], user)
        try:
            source = ImportFile.from_path(options["file"])
        except FileRefused as refused:
            raise CommandError(str(refused)) from refused
        importer = ActivityPlanImporter(
            promise=promise, user=user, via=f"kommandoraden: {source.name}"
        )
        plan = importer.run(source, dry_run=options["dry_run"], on_progress=self._progress)
        for line in plan_lines(plan):
            self.stdout.write(line)
        for line in note_lines(plan):
            self.stdout.write(_("Obs! %(note)s") % {"note": line})
        if plan.errors:
            for line in error_lines(plan):
                self.stderr.write(line)
            raise CommandError(
                _("%(n)s fel i filen. Ingenting ändrades.") % {"n": len(plan.errors)}
            )
        self.stdout.write(self._outcome(plan, options["dry_run"]))

    def _outcome(self, plan: object, dry_run: bool) -> str:
        if plan.previous is not None:
            when = date_format(localtime(plan.previous.imported_at), "j F Y H.i")
            return _("Filen är redan inläst (%(when)s, av %(who)s). Ingenting ändrades.") % {
                "when": when,
                "who": plan.previous.actor_label,
            }
        if not plan.changes:
            return _("Filen innehåller inga ändringar. Ingenting ändrades.")
        if dry_run:
            return _("Provkörning: %(summary)s skulle sparas. Ingenting ändrades.") % {
                "summary": plan_summary(plan)
            }
        return _("Klart: %(summary)s sparade.") % {"summary": plan_summary(plan)}

    def _progress(self, done: int, total: int) -> None:
        if sys.stderr.isatty():
            line = _("Sparar %(done)s av %(total)s …") % {"done": done, "total": total}
            self.stderr.write("\r" + line, ending="\n" if done == total else "")

    def _user(self, username: str | None) -> object:
        if username is None:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("Det finns ingen aktiv användare %(name)s.") % {"name": username})
        return user

    def _promise(self, promise_id: int, user: object) -> Promise:
        if user is None:
            promise = Promise.objects.filter(pk=promise_id).first()
            if promise is None:
                raise CommandError(_("Det finns inget löfte med id %(id)s.") % {"id": promise_id})
            return promise
        try:
            return get_promise_for_user(user, promise_id)
        except (Http404, PermissionDenied) as error:
            raise CommandError(
                _("Användaren %(name)s kan inte se något löfte med id %(id)s.")
                % {"name": user.get_username(), "id": promise_id}
            ) from error
