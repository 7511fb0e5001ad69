"""Population per municipality and year (folkmängd 31 december) from SCB's statistical
database, for rates per 1,000 inhabitants.

SCB's CSV export has a title line, the stub column `region` ("1419 Tjörn") and either one column
per year ("2024" or "Folkmängd 2024") or the columns `år` and a value column (`Folkmängd`,
`antal`). A municipality's total is read as it is: a file that breaks the population down by
sex or age is refused with a message to take out the total instead (a total added up from a
partial selection of ages would be wrong without anyone seeing it). Rows for the whole country
and the counties are left out with a note; `..` (no figure) stores nothing for that year.

Idempotent: the same figure adds nothing; a changed figure for a municipality and year replaces
the stored one and is written to the audit log with the old and the new figure.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    CellError,
    Change,
    FieldChange,
    Importer,
    ImportFile,
    Integer,
    Plan,
    cell_text,
    normalise_key,
    read_table,
)
from core.imports.plan import ProgressCallback
from core.imports.readers import Sheet, SourceRow
from core.models import ImportRecord
from organisations import auditlog
from organisations.models import Municipality, Population
from situation.imports.audit import audit_import, municipality_parties
from situation.imports.cells import FIRST_YEAR, LAST_YEAR, NOT_A_MUNICIPALITY, Municipalities

ROLES = {
    "region": ("region", "kommun", "kommunkod", "municipality"),
    "year": ("år", "ar", "tid", "year"),
    "value": (
        "folkmängd",
        "folkmängden",
        "antal",
        "invånare",
        "befolkning",
        "population",
        "värde",
        "folkmängd 31 december",
    ),
    "breakdown": ("kön", "kon", "ålder", "alder", "civilstånd", "civilstand", "sex", "age"),
}
BY_HEADER = {normalise_key(a): role for role, aliases in ROLES.items() for a in aliases}
YEAR_HEADER = re.compile(r"(?:^|\s)((?:19|20)\d{2})$")
TOTAL_WORDS = {
    "totalt",
    "total",
    "samtliga",
    "båda könen",
    "män och kvinnor",
    "totalt, samtliga män och kvinnor",
    "totalt ålder",
    "alla åldrar",
    "samtliga åldrar",
    "samtliga civilstånd",
    "totalt civilstånd",
}
MISSING = ".."
COUNT = Integer(required=True, max_value=20_000_000)
SOURCE = gettext_lazy("SCB, folkmängd 31 december")


def _role(header: str) -> str | None:
    key = normalise_key(header)
    if key in BY_HEADER:
        return BY_HEADER[key]
    return "year_column" if YEAR_HEADER.search(key) else None


def is_header(cells: tuple[str, ...]) -> bool:
    return sum(1 for c in cells if c and _role(c)) >= 2


@dataclass
class Figure:
    row: int
    municipality: Municipality
    year: int
    count: int


class PopulationImporter(Importer):
    kind = "population"

    def __init__(self, *, user: AbstractBaseUser | None = None, source_label: str = "") -> None:
        super().__init__(user=user)
        self.source_label = source_label
        self.created: list[Figure] = []
        self.updated: list[tuple[Figure, Population]] = []
        self.unchanged = 0

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        self.created, self.updated, self.unchanged = [], [], 0
        sheet = read_table(source, header_where=is_header)
        self.plan_, self.sheet_name = plan, sheet.name
        roles = self.roles(sheet)
        if plan.errors:
            return
        self.municipalities = Municipalities()
        figures = list(self.figures(sheet, roles))
        if plan.errors:
            return
        if not figures:
            self.error(_("Filen har inga rader med folkmängd för en kommun."))
            return
        yield from self.compare(figures)

    def error(self, message: str, row: int | None = None, column: str = "") -> None:
        self.plan_.errors.add(message, row=row, column=column, sheet=self.sheet_name)

    def note(self, message: str, row: int | None = None, column: str = "") -> None:
        self.plan_.notes.add(message, row=row, column=column, sheet=self.sheet_name)

    def roles(self, sheet: Sheet) -> dict:
        roles: dict = {}
        self.headers = dict(enumerate(sheet.header))
        for index, header in enumerate(sheet.header):
            if not header:
                continue
            role = _role(header)
            if role is None:
                self.error(
                    _(
                        "Okänd kolumn. Filen ska ha kolumnen region och ett år per kolumn (som "
                        "SCB:s statistikdatabas), eller kolumnerna region, år och folkmängd."
                    ),
                    sheet.header_row,
                    header,
                )
            elif role == "year_column":
                year = int(YEAR_HEADER.search(normalise_key(header))[1])
                roles.setdefault("year_columns", []).append((index, year))
            elif role == "breakdown":
                roles.setdefault("breakdowns", []).append(index)
            elif role in roles:
                self.error(_("Kolumnen finns två gånger i rubrikraden."), sheet.header_row, header)
            else:
                roles[role] = index
        if "region" not in roles:
            self.error(_("Kolumnen saknas i rubrikraden."), sheet.header_row, "region")
        wide = "year_columns" in roles
        if wide and ("year" in roles or "value" in roles):
            self.error(
                _("Filen har både år som kolumner och en kolumn år eller folkmängd; välj det ena."),
                sheet.header_row,
            )
        elif not wide:
            for role, name in (("year", "år"), ("value", "folkmängd")):
                if role not in roles:
                    self.error(_("Kolumnen saknas i rubrikraden."), sheet.header_row, name)
        return roles

    def header(self, index: int) -> str:
        return self.headers.get(index, "")

    def cell(self, row: SourceRow, index: int) -> object:
        return row.values[index] if index < len(row.values) else None

    def parse(self, row: SourceRow, index: int, parser: object) -> object:
        try:
            return parser(self.cell(row, index))
        except CellError as error:
            self.error(str(error), row.number, self.header(index))
            return None

    def figures(self, sheet: Sheet, roles: dict) -> Iterator[Figure]:
        values = roles["year_columns"] if "year_columns" in roles else [(roles["value"], None)]
        year_cell = Integer(min_value=FIRST_YEAR, max_value=LAST_YEAR, required=True)
        known = {roles[r] for r in ("region", "year") if r in roles}
        known |= {i for i, _y in values} | set(roles.get("breakdowns", []))
        seen: dict[tuple[int, int], int] = {}
        left_out = 0
        for row in sheet.rows:
            if self.is_footnote(row):
                self.note(
                    _("Raden läses inte: den ser ut som en fotnot (”%(text)s”).")
                    % {"text": cell_text(row.values[0])[:80]},
                    row.number,
                )
                continue
            stray = [i for i, v in enumerate(row.values) if i not in known and cell_text(v)]
            for index in stray:
                self.error(
                    _("Cellen står i en kolumn utan rubrik och skulle inte läsas in."),
                    row.number,
                    self.header(index) or f"#{index + 1}",
                )
            broken_down = self.breakdown(row, roles.get("breakdowns", []))
            municipality = self.parse(row, roles["region"], self.municipalities)
            if municipality is NOT_A_MUNICIPALITY:
                left_out += 1
                continue
            year = self.parse(row, roles["year"], year_cell) if "year" in roles else None
            for index, column_year in values:
                raw = self.cell(row, index)
                if normalise_key(cell_text(raw)) == MISSING:
                    continue
                count = self.parse(row, index, COUNT)
                when = column_year or year
                if None in (municipality, when, count) or stray or broken_down:
                    continue
                key = (municipality.pk, when)
                if key in seen:
                    self.error(
                        _("%(municipality)s %(year)s står redan på rad %(row)s.")
                        % {"municipality": municipality.name, "year": when, "row": seen[key]},
                        row.number,
                        self.header(index),
                    )
                    continue
                seen[key] = row.number
                yield Figure(row.number, municipality, when, count)
        if left_out:
            self.note(_("%(n)s rader gäller riket eller ett län och läses inte.") % {"n": left_out})

    def is_footnote(self, row: SourceRow) -> bool:
        filled = [i for i, v in enumerate(row.values) if cell_text(v)]
        return (
            filled == [0]
            and len(self.headers) > 1
            and not re.match(r"^\d", cell_text(row.values[0]))
        )

    def breakdown(self, row: SourceRow, indexes: list[int]) -> bool:
        """True (with an error) when the row is a part of the population, not its total."""
        for index in indexes:
            text = cell_text(self.cell(row, index))
            key = normalise_key(text)
            if key in TOTAL_WORDS or key.startswith("totalt"):
                continue
            self.error(
                _(
                    "Raden gäller en del av befolkningen (”%(value)s”), inte hela. Ta ut "
                    "folkmängden totalt från SCB (utan uppdelning på kön, ålder eller "
                    "civilstånd)."
                )
                % {"value": text},
                row.number,
                self.header(index),
            )
            return True
        return False

    def compare(self, figures: list[Figure]) -> Iterator[Change]:
        stored = {
            (p.municipality_id, p.year): p
            for p in Population.objects.filter(
                municipality_id__in={f.municipality.pk for f in figures},
                year__in={f.year for f in figures},
            ).select_related("municipality")
        }
        label = _("Folkmängd 31 december")
        for figure in figures:
            existing = stored.get((figure.municipality.pk, figure.year))
            description = f"{figure.municipality.code} {figure.municipality.name}, {figure.year}"
            after = _num(figure.count)
            if existing is None:
                self.created.append(figure)
                yield Change(
                    "create",
                    description,
                    row=figure.row,
                    sheet=self.sheet_name,
                    fields=[FieldChange(str(label), "", after)],
                )
            elif existing.count != figure.count:
                self.updated.append((figure, existing))
                yield Change(
                    "update",
                    description,
                    row=figure.row,
                    sheet=self.sheet_name,
                    fields=[FieldChange(str(label), _num(existing.count), after)],
                )
            else:
                self.unchanged += 1
        if self.unchanged:
            self.note(
                _("%(n)s siffror finns redan med samma värde och lämnas som de är.")
                % {"n": self.unchanged}
            )

    def source_text(self) -> str:
        return (self.source_label or f"{SOURCE}: {self.source_name}")[:200]

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        source = self.source_text()
        Population.objects.bulk_create(
            [
                Population(municipality=f.municipality, year=f.year, count=f.count, source=source)
                for f in self.created
            ],
            batch_size=1000,
        )
        done, total = len(self.created), len(changes)
        if on_progress is not None and done:
            on_progress(done, total)
        parties = municipality_parties({f.municipality.pk for f, _p in self.updated})
        for figure, existing in self.updated:
            auditlog.audited_update(
                existing,
                user=self.user,
                action="population.corrected",
                parties=parties.get(figure.municipality.pk, []),
                count=figure.count,
                source=source,
            )
            done += 1
            if on_progress is not None:
                on_progress(done, total)

    def apply(self, plan: Plan, *, on_progress: ProgressCallback | None = None) -> ImportRecord:
        with transaction.atomic():
            record = super().apply(plan, on_progress=on_progress)
            ids = {f.municipality.pk for f in self.created} | {
                f.municipality.pk for f, _p in self.updated
            }
            audit_import(self, record, plan, ids, "population.imported")
        return record


def _num(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")
