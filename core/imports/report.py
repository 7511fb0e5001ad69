"""A plan as lines of text, for the command line (the staff pages show the same in HTML)."""

from django.utils.translation import gettext as _

from core.imports.plan import Change, Plan


def change_lines(change: Change) -> list[str]:
    where = _("Rad %(row)s: ") % {"row": change.row} if change.row is not None else ""
    lines = [f"{where}{change.description}"]
    for f in change.fields:
        lines.append(
            f"    {f.label}: {f.before} → {f.after}" if f.before else f"    {f.label}: {f.after}"
        )
    return lines


def plan_lines(plan: Plan) -> list[str]:
    return [line for change in plan.changes for line in change_lines(change)]


def error_lines(plan: Plan) -> list[str]:
    lines = [str(issue) for issue in plan.errors]
    if plan.errors.truncated:
        lines.append(
            _("Läsningen avbröts efter %(n)s fel. Rätta dem och försök igen.")
            % {"n": len(plan.errors)}
        )
    return lines


def note_lines(plan: Plan) -> list[str]:
    return [str(issue) for issue in plan.notes]
