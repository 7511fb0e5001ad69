"""How the result of an activity plan import is summed up, on the page and the command line."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.imports import Plan


def plan_summary(plan: Plan) -> str:
    counts = plan.counts()
    parts = []
    if n := counts.get("create"):
        parts.append(ngettext("%(n)s ny aktivitet", "%(n)s nya aktiviteter", n) % {"n": n})
    if n := counts.get("update"):
        parts.append(ngettext("%(n)s ändrad aktivitet", "%(n)s ändrade aktiviteter", n) % {"n": n})
    if n := counts.get("progress"):
        parts.append(ngettext("%(n)s ny lägesrapport", "%(n)s nya lägesrapporter", n) % {"n": n})
    return ", ".join(parts) if parts else _("inga ändringar")
