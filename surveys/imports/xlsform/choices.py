"""The choices sheet: answer lists by name, each option with its labels by language."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.imports import IssueList
from surveys.imports.xlsform.sheets import Columns, Row

MISSING_VALUES = {"vet_ej"}  # the bank's "Vet ej": shown, but not counted in shares


@dataclass
class FormChoice:
    row: int
    value: str
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class ChoiceList:
    name: str
    choices: list[FormChoice] = field(default_factory=list)
    checked: bool = False  # its labels have been checked (once, by the first question using it)

    def values(self) -> list[str]:
        return [c.value for c in self.choices]

    def options(self) -> list[dict]:
        options = []
        for choice in self.choices:
            option = {"value": choice.value, "label": dict(choice.labels)}
            if choice.value in MISSING_VALUES:
                option["missing"] = True
            options.append(option)
        return options


def read_choices(rows: list[Row], errors: IssueList) -> dict[str, ChoiceList]:
    lists: dict[str, ChoiceList] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        list_name, value = row.cells.get("list_name", ""), row.cells.get("name", "")
        where = {"row": row.number, "sheet": row.sheet}
        if not list_name:
            errors.add(_("Svarsalternativet saknar list_name."), column="list_name", **where)
            continue
        if not value:
            errors.add(_("Svarsalternativet saknar name (värdet)."), column="name", **where)
            continue
        problem = _value_problem(value)
        if problem:
            errors.add(problem, column="name", **where)
            continue
        if (list_name, value) in seen:
            errors.add(
                _("Värdet ”%(value)s” finns redan i listan ”%(list)s” på rad %(row)s.")
                % {"value": value, "list": list_name, "row": seen[(list_name, value)]},
                column="name",
                **where,
            )
            continue
        seen[(list_name, value)] = row.number
        choices = lists.setdefault(list_name, ChoiceList(list_name))
        choices.choices.append(FormChoice(row.number, value, row.texts.get("label", {})))
    return lists


def _value_problem(value: str) -> str:
    if len(value) > 60:
        return _("Värdet är för långt: högst 60 tecken.")
    if any(ch.isspace() for ch in value) or ";" in value:
        return _(
            "Värdet ”%(value)s” får inte innehålla mellanslag eller semikolon (flera val "
            "skrivs med mellanslag i XLSForm och med semikolon i svarsfiler). Skriv t.ex. "
            "”%(suggestion)s”."
        ) % {"value": value, "suggestion": "_".join(value.replace(";", " ").split())}
    return ""


def check_labels(
    choices: ChoiceList, columns: Columns | None, errors: IssueList, sheet: str
) -> None:
    """Every option needs its Swedish text (the other languages fall back to it)."""
    if choices.checked:
        return
    choices.checked = True
    column = columns.text_header("label", "sv") if columns else "label"
    for choice in choices.choices:
        if not choice.labels.get("sv"):
            errors.add(
                _("Svarsalternativet ”%(value)s” saknar text på svenska.")
                % {"value": choice.value},
                row=choice.row,
                column=column,
                sheet=sheet,
            )
