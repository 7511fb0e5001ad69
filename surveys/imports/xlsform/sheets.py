"""An XLSForm's three sheets read into rows: each row's cells by column role, its labels and
hints by language code. Problems are added to the plan's errors with sheet, row and column."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.imports import IssueList, Sheet, Workbook, cell_text, normalise_key
from surveys.imports.xlsform.languages import SWEDISH, Language, language

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
SURVEY_COLUMNS = {
    "type": ("type",),
    "name": ("name",),
    "required": ("required", "bind::required"),
    "relevant": ("relevant", "bind::relevant"),
    "constraint": ("constraint", "bind::constraint"),
    "appearance": ("appearance", "control::appearance"),
}
CHOICE_COLUMNS = {"list_name": ("list_name", "list name"), "name": ("name", "value")}
SETTINGS_COLUMNS = {"default_language": ("default_language",)}
TEXT_COLUMNS = ("label", "hint")  # with ::language
# Columns whose content the platform cannot carry: a row that fills one is refused.
UNSUPPORTED_COLUMNS = (
    "calculation",
    "choice_filter",
    "default",
    "read_only",
    "repeat_count",
    "trigger",
    "parameters",
    "image",
    "audio",
    "video",
    "big-image",
    "media",
)
# Columns that only tune messages or layout the platform writes itself: read past, with a note.
IGNORED_COLUMNS = (
    "constraint_message",
    "required_message",
    "guidance_hint",
    "jr:constraintmsg",
    "jr:requiredmsg",
    "note",
    "notes",
    "comment",
    "comments",
    "instance_name",
    "form_id",
    "id_string",
    "version",
    "style",
    "public_key",
    "submission_url",
    "allow_choice_duplicates",
    "namespaces",
    "auto_send",
    "auto_delete",
    "clean_text_values",
)
SPLIT = re.compile(r"\s*::\s*")


@dataclass
class Row:
    number: int
    sheet: str
    cells: dict[str, str] = field(default_factory=dict)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # label/hint → {code: text}
    filled_unsupported: list[str] = field(default_factory=list)  # headers


@dataclass
class Columns:
    roles: dict[str, int] = field(default_factory=dict)
    bare: bool = False  # a label or hint column without a language
    texts: dict[tuple[str, str], int] = field(default_factory=dict)  # (label, code) → index
    headers: dict[int, str] = field(default_factory=dict)
    unsupported: dict[int, str] = field(default_factory=dict)

    def text_header(self, base: str, code: str) -> str:
        index = self.texts.get((base, code))
        return self.headers[index] if index is not None else base


class FormLanguages:
    """The languages named by the form's columns, in the order met (Swedish first)."""

    def __init__(self, default: str) -> None:
        self.by_code: dict[str, Language] = {}
        self.default = default  # the settings' default_language as written, or ""

    def resolve(self, written: str) -> Language | None:
        """The language of a column suffix; a bare column (no suffix) is in the default
        language, which is Swedish unless settings say otherwise."""
        found = language(written or self.default or SWEDISH)
        if found is not None and found.code not in self.by_code:
            self.by_code[found.code] = found
        return found

    def ordered(self) -> list[Language]:
        codes = sorted(self.by_code, key=lambda c: c != SWEDISH)
        return [self.by_code[c] for c in codes]


def _roles(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalise_key(alias): role for role, aliases in table.items() for alias in aliases}


def read_columns(
    sheet: Sheet,
    table: dict[str, tuple[str, ...]],
    languages: FormLanguages,
    errors: IssueList,
    notes: IssueList,
    text_columns: Iterable[str] = TEXT_COLUMNS,
) -> Columns:
    roles, columns = _roles(table), Columns()
    ignored: list[str] = []
    for index, header in enumerate(sheet.header):
        if not header:
            continue
        columns.headers[index] = header
        key = normalise_key(header)
        base, _sep, suffix = _base_and_suffix(header)
        where = {"row": sheet.header_row, "column": header, "sheet": sheet.name}
        if key in roles:
            if roles[key] in columns.roles:
                errors.add(_("Kolumnen finns två gånger i rubrikraden."), **where)
            columns.roles[roles[key]] = index
        elif base in text_columns:
            found = languages.resolve(suffix)
            if found is None:
                errors.add(
                    _(
                        "Språket ”%(language)s” känns inte igen. Skriv språket som ”Namn (kod)”, "
                        "t.ex. ”Swedish (sv)”, ”English (en)” eller ”Somali (so)”."
                    )
                    % {"language": suffix},
                    **where,
                )
            elif (base, found.code) in columns.texts:
                errors.add(
                    _("Det finns redan en kolumn %(kind)s för språket %(code)s.")
                    % {"kind": base, "code": found.code},
                    **where,
                )
            else:
                columns.texts[(base, found.code)] = index
                columns.bare = columns.bare or not suffix
        elif base in UNSUPPORTED_COLUMNS:
            columns.unsupported[index] = header
        else:
            ignored.append(header)
    if ignored:
        notes.add(
            _("Kolumnerna %(names)s används inte av plattformen och läses inte in.")
            % {"names": ", ".join(f"”{h}”" for h in ignored)},
            row=sheet.header_row,
            sheet=sheet.name,
        )
    return columns


def _base_and_suffix(header: str) -> tuple[str, str, str]:
    parts = SPLIT.split(header.strip(), maxsplit=1)
    base = normalise_key(parts[0])
    return base, "", parts[1].strip() if len(parts) > 1 else ""


def read_rows(sheet: Sheet, columns: Columns) -> Iterable[Row]:
    for source in sheet.rows:
        row = Row(number=source.number, sheet=sheet.name)
        values = source.values
        for role, index in columns.roles.items():
            row.cells[role] = cell_text(values[index]) if index < len(values) else ""
        for (base, code), index in columns.texts.items():
            text = cell_text(values[index]) if index < len(values) else ""
            if text:
                row.texts.setdefault(base, {})[code] = text
        for index, header in columns.unsupported.items():
            if index < len(values) and cell_text(values[index]):
                row.filled_unsupported.append(header)
        yield row


@dataclass
class FormSheets:
    survey: Sheet
    choices: Sheet | None
    settings: Sheet | None


def open_sheets(book: Workbook) -> FormSheets:
    """The three sheets (found whatever their case); `survey` must be there."""
    survey = book.find(SURVEY)
    if survey is None:
        book.sheets(SURVEY)  # raises FileRefused naming the sheets that are there
    choices, settings = book.find(CHOICES), book.find(SETTINGS)
    return FormSheets(
        survey=book.sheet(survey),
        choices=book.sheet(choices) if choices else None,
        settings=book.sheet(settings) if settings else None,
    )


def settings_values(sheet: Sheet | None) -> tuple[dict[str, str], dict[str, str], int | None]:
    """The settings row: plain values by lower-case header, the per-language form titles by
    the language as written, and the row number."""
    if sheet is None:
        return {}, {}, None
    row = next(iter(sheet.rows), None)
    if row is None:
        return {}, {}, None
    plain, titles = {}, {}
    for index, header in enumerate(sheet.header):
        value = cell_text(row.values[index]) if index < len(row.values) else ""
        base, _sep, suffix = _base_and_suffix(header)
        if base == "form_title":
            titles[suffix] = value
        elif header:
            plain[normalise_key(header)] = value
    return plain, titles, row.number
