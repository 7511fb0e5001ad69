"""The last lines of the statistics import commands: what was stored, changed and left."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core.imports import Plan


def finish(command: BaseCommand, plan: Plan, importer: object, *, dry_run: bool) -> None:
    counts = {
        "created": len(importer.created),
        "updated": len(importer.updated),
        "unchanged": importer.unchanged,
    }
    if dry_run:
        command.stdout.write(
            _(
                "Provkörning: %(created)s nya, %(updated)s ändrade och %(unchanged)s oförändrade "
                "siffror. Ingenting sparades."
            )
            % counts
        )
    elif not plan.changes:
        command.stdout.write(
            _("Inget nytt: alla %(unchanged)s siffror i filen fanns redan.") % counts
        )
    else:
        command.stdout.write(
            _(
                "Klart: %(created)s nya och %(updated)s ändrade siffror sparade, "
                "%(unchanged)s oförändrade."
            )
            % counts
        )
