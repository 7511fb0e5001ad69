"""The survey sheet's rows as sections and questions: types read, groups closed, unsupported
types and columns refused by row. No database here."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.imports import IssueList
from surveys.imports.xlsform.sheets import Row

KINDS = {
    "integer": "number",
    "int": "number",
    "decimal": "number",
    "text": "text",
    "string": "text",
    "geopoint": "point",
    "note": "note",
}
SELECTS = {
    "select_one": "single",
    "select1": "single",
    "select_multiple": "multiple",
    "select_all_that_apply": "multiple",
}
# Filled in by the device, not asked: left out (the platform keeps no device data or times).
METADATA = {
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
    "background-geopoint",
}
PRIVATE_METADATA = METADATA - {"today"}
UNSUPPORTED = {
    "calculate": "beräkningar",
    "hidden": "dolda fält",
    "date": "datum",
    "time": "klockslag",
    "datetime": "datum med klockslag",
    "image": "bilder",
    "audio": "ljud",
    "video": "filmer",
    "file": "filer",
    "background-audio": "ljudinspelning",
    "barcode": "streckkoder",
    "range": "intervall (range)",
    "rank": "rangordning",
    "geotrace": "linjer på kartan",
    "geoshape": "ytor på kartan",
    "acknowledge": "bekräftelser",
    "trigger": "bekräftelser",
    "xml-external": "externa data",
    "csv-external": "externa data",
    "select_one_from_file": "svarslistor i egna filer",
    "select_multiple_from_file": "svarslistor i egna filer",
    "select_one_external": "svarslistor i egna filer",
}
GROUP_APPEARANCES = {"field-list", "table-list"}
NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


@dataclass
class FormQuestion:
    row: int
    name: str
    xls_type: str
    kind: str
    integer: bool = False
    list_name: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    appearance: str = ""


@dataclass
class FormSection:
    row: int | None  # the begin_group row; None for questions outside any group
    name: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    appearance: str = ""
    relevant: str = ""
    questions: list[FormQuestion] = field(default_factory=list)

    @property
    def may_be_matrix(self) -> bool:
        return self.row is not None and self.appearance in GROUP_APPEARANCES


def normal_type(text: str) -> tuple[str, str]:
    """('select_one', 'list') for "select one  list", ('begin_group', '') for "begin group"."""
    words = text.split()
    if not words:
        return "", ""
    lowered = [w.lower() for w in words]
    for length in (4, 3, 2, 1):
        joined = "_".join(lowered[:length])
        if joined in ("begin_group", "end_group", "begin_repeat", "end_repeat", *SELECTS) or (
            joined in UNSUPPORTED
        ):
            return joined, " ".join(words[length:])
    return lowered[0], " ".join(words[1:])


def truthy(text: str) -> bool | None:
    """XLSForm's yes: yes, true, true(), 1; None for anything but yes or no (an expression)."""
    key = text.strip().lower().replace(" ", "")
    if key in ("yes", "true", "true()", "1", "ja"):
        return True
    if key in ("", "no", "false", "false()", "0", "nej"):
        return False
    return None


class StructureReader:
    def __init__(self, errors: IssueList, notes: IssueList) -> None:
        self.errors, self.notes = errors, notes
        self.sections: list[FormSection] = []
        self.group: FormSection | None = None
        self.loose: FormSection | None = None
        self.names: dict[str, int] = {}

    def error(self, row: Row, column: str, message: str) -> None:
        self.errors.add(message, row=row.number, column=column, sheet=row.sheet)

    def read(self, rows: Iterable[Row]) -> list[FormSection]:
        for row in rows:
            self.row(row)
        if self.group is not None:
            self.errors.add(
                _("Gruppen ”%(name)s” avslutas aldrig: lägg till en rad med typen end_group.")
                % {"name": self.group.name},
                row=self.group.row,
                column="type",
                sheet="survey",
            )
        return [s for s in self.sections if s.questions]

    def row(self, row: Row) -> None:
        written = row.cells.get("type", "")
        kind, rest = normal_type(written)
        for header in row.filled_unsupported:
            self.error(
                row,
                header,
                _("Kolumnen ”%(column)s” kan inte läsas in: plattformen har inget motsvarande.")
                % {"column": header},
            )
        if not kind:
            if row.cells.get("name") or row.texts:
                self.error(row, "type", _("Raden saknar typ."))
            return
        if kind == "begin_group":
            return self.begin_group(row)
        if kind == "end_group":
            return self.end_group(row)
        if kind in ("begin_repeat", "end_repeat"):
            return self.error(
                row,
                "type",
                _(
                    "Upprepade grupper (begin_repeat) stöds inte: en enkät har ett svar per "
                    "person. Gör om gruppen till vanliga frågor, eller ställ frågorna ett bestämt "
                    "antal gånger med egna namn."
                ),
            )
        if kind in METADATA:
            return self.metadata(row, kind)
        if kind in UNSUPPORTED:
            return self.error(
                row,
                "type",
                _(
                    "Typen ”%(type)s” stöds inte (%(what)s). Det som går att läsa in är "
                    "select_one, select_multiple, integer, decimal, text, geopoint, note och "
                    "grupper."
                )
                % {"type": written, "what": UNSUPPORTED[kind]},
            )
        self.question(row, kind, rest, written)

    def metadata(self, row: Row, kind: str) -> None:
        reason = (
            _("plattformen sparar inga uppgifter om enheten och ingen tid finare än dagen")
            if kind in PRIVATE_METADATA
            else _("dagen sparas ändå med varje svar")
        )
        self.notes.add(
            _("Metadatafältet ”%(type)s” läses inte in: %(reason)s.")
            % {"type": kind, "reason": reason},
            row=row.number,
            column="type",
            sheet=row.sheet,
        )

    def begin_group(self, row: Row) -> None:
        if self.group is not None:
            return self.error(
                row,
                "type",
                _(
                    "Grupper i grupper stöds inte (gruppen ”%(outer)s” på rad %(row)s är inte "
                    "avslutad). Avsluta den yttre gruppen med end_group först."
                )
                % {"outer": self.group.name, "row": self.group.row},
            )
        self.group = FormSection(
            row=row.number,
            name=row.cells.get("name", ""),
            labels=row.texts.get("label", {}),
            appearance=row.cells.get("appearance", "").strip().lower(),
            relevant=row.cells.get("relevant", "").strip(),
        )
        self.sections.append(self.group)
        self.loose = None

    def end_group(self, row: Row) -> None:
        if self.group is None:
            return self.error(
                row, "type", _("Raden avslutar en grupp, men ingen grupp är påbörjad.")
            )
        self.group = None

    def question(self, row: Row, kind: str, rest: str, written: str) -> None:
        if kind in SELECTS:
            list_name = rest.split()[0] if rest.split() else ""
            if not list_name:
                return self.error(
                    row, "type", _("Ange svarslistans namn efter typen, t.ex. ”select_one ja_nej”.")
                )
            if len(rest.split()) > 1:
                return self.error(
                    row,
                    "type",
                    _(
                        "”%(extra)s” efter svarslistans namn stöds inte (or_other ger ett fritt "
                        "”Annat”-svar). Lägg till en egen textfråga för ”Annat” i stället."
                    )
                    % {"extra": " ".join(rest.split()[1:])},
                )
            platform_kind, integer = SELECTS[kind], False
        elif kind in KINDS:
            platform_kind, integer, list_name = KINDS[kind], kind in ("integer", "int"), ""
        else:
            return self.error(
                row,
                "type",
                _(
                    "Okänd typ ”%(type)s”. Det som går att läsa in är select_one, "
                    "select_multiple, integer, decimal, text, geopoint, note och grupper."
                )
                % {"type": written},
            )
        question = self.named_question(row, platform_kind, kind, integer, list_name)
        if question is not None:
            self.current_section().questions.append(question)

    def named_question(
        self, row: Row, platform_kind: str, kind: str, integer: bool, list_name: str
    ) -> FormQuestion | None:
        name = row.cells.get("name", "").strip()
        if not name:
            return self.error(row, "name", _("Frågan saknar namn."))
        if not NAME.match(name):
            suggestion = re.sub(r"[^a-z0-9_]", "_", name.lower()).strip("_") or "fraga"
            if not suggestion[0].isalpha():
                suggestion = f"q_{suggestion}"
            return self.error(
                row,
                "name",
                _(
                    "Namnet ”%(name)s” går inte att använda: det får bara innehålla små "
                    "bokstäver a–z, siffror och understreck, börja med en bokstav och vara högst "
                    "60 tecken. Skriv till exempel ”%(suggestion)s” (och ändra hänvisningarna i "
                    "relevant)."
                )
                % {"name": name, "suggestion": suggestion[:60]},
            )
        if name in self.names:
            return self.error(
                row,
                "name",
                _(
                    "Namnet ”%(name)s” finns redan på rad %(row)s. Varje fråga behöver ett eget namn."
                )
                % {"name": name, "row": self.names[name]},
            )
        self.names[name] = row.number
        required = truthy(row.cells.get("required", ""))
        if required is None:
            self.error(
                row,
                "required",
                _(
                    "Skriv yes eller no. Villkorligt obligatoriska frågor (ett uttryck) stöds "
                    "inte: använd relevant för att visa frågan bara när den behövs."
                ),
            )
        return FormQuestion(
            row=row.number,
            name=name,
            xls_type=kind,
            kind=platform_kind,
            integer=integer,
            list_name=list_name,
            labels=row.texts.get("label", {}),
            hints=row.texts.get("hint", {}),
            required=bool(required) and platform_kind != "note",
            relevant=row.cells.get("relevant", "").strip(),
            constraint=row.cells.get("constraint", "").strip(),
            appearance=row.cells.get("appearance", "").strip().lower(),
        )

    def current_section(self) -> FormSection:
        if self.group is not None:
            return self.group
        if self.loose is None:
            self.loose = FormSection(row=None)
            self.sections.append(self.loose)
        return self.loose
