"""What the import commands share: finding the wave, reading the file, printing the plan, the
exit status."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.imports import FileRefused, ImportFile, Plan, ProgressCallback
from core.imports.report import error_lines, note_lines, plan_lines
from surveys.models import Wave


def wave_or_error(wave_id: int) -> Wave:
    """The wave the command reads into, or CommandError naming the id."""
    wave = Wave.objects.select_related("survey__municipality").filter(pk=wave_id).first()
    if wave is None:
        raise CommandError(_("Det finns ingen omgång med id %(id)s.") % {"id": wave_id})
    return wave


def read_file(path: str) -> ImportFile:
    try:
        return ImportFile.from_path(path)
    except FileRefused as refused:
        raise CommandError(str(refused)) from refused


def report(command: BaseCommand, plan: Plan, *, verbose: bool = True) -> None:
    """Print the plan and its notes; raise CommandError (non-zero exit) listing every error."""
    if verbose:
        for line in plan_lines(plan):
            command.stdout.write(line)
    for line in note_lines(plan):
        command.stdout.write(_("Obs! %(note)s") % {"note": line})
    if plan.errors:
        for line in error_lines(plan):
            command.stderr.write(line)
        raise CommandError(_("%(n)s fel i filen. Ingenting sparades.") % {"n": len(plan.errors)})
    if plan.previous is not None:
        when = date_format(localtime(plan.previous.imported_at), "j F Y H.i")
        raise CommandError(
            _("Filen är redan inläst (%(when)s, av %(who)s). Ingenting sparades.")
            % {"when": when, "who": plan.previous.actor_label}
        )


def progress(command: BaseCommand) -> ProgressCallback:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            line = _("Sparar %(done)s av %(total)s …") % {"done": done, "total": total}
            command.stderr.write("\r" + line, ending="\n" if done == total else "")

    return show
