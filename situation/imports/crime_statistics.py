"""Brå's reported-crime tables (anmälda brott) from CSV or XLSX.

One row per municipality, period and crime category, with the number of reported crimes
(`antal`) and/or the rate per 100,000 inhabitants; or Brå's wide shape with one column per
period. The category is one of Brå's hierarchy (samtliga brott → brottsbalken chapters → special
laws), named by its code, its name or its path ("Samtliga brott > Skadegörelsebrott").

Brå's markers are kept as they are – `..` missing, `XX` suppressed (too few), `.` not
computable – distinct from zero, and nothing is ever computed from other cells: a total that is
not in the file is not stored, and a suppressed cell stays suppressed.

Idempotent: the same figure for the same municipality, period, category and measure adds
nothing; a changed figure replaces the stored one (Brå's preliminary statistics are corrected
by the final ones), and the replacement is written to the audit log with the old and the new
figure. A file never deletes a figure.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    CellError,
    Change,
    FieldChange,
    Importer,
    ImportFile,
    Plan,
    cell_text,
    normalise_key,
    read_table,
)
from core.imports.plan import ProgressCallback
from core.imports.readers import Sheet, SourceRow
from core.models import ImportRecord
from organisations import auditlog
from organisations.models import Municipality
from situation.imports.audit import audit_import, municipality_parties
from situation.imports.cells import (
    NOT_A_MUNICIPALITY,
    Figure,
    FigureCell,
    Municipalities,
    Period,
    looks_like_period,
    parse_period,
)
from situation.models import CrimeCategory, CrimeStatistic

Marker = CrimeStatistic.Marker
Measure = CrimeStatistic.Measure

ROLES = {
    "municipality": (
        "kommunkod",
        "region",
        "kod",
        "kommun (kod)",
        "brottsplatskommun",
        "brottsplats kommun",
        "municipality",
        "municipality code",
    ),
    # The name beside the code ("Kommun" in Brå's tables); alone, the column names the
    # municipality itself.
    "municipality_name": ("kommun", "kommunnamn", "kommunens namn", "namn"),
    "period": ("period", "tid", "år", "ar", "månad", "kvartal", "year", "month", "quarter"),
    "category": (
        "brottskategori",
        "brott",
        "brottstyp",
        "kategori",
        "brottsrubricering",
        "brottskod",
        "category",
        "crime category",
    ),
    "count": ("antal", "antal anmälda brott", "anmälda brott", "anmälda brott, antal", "count"),
    "rate": (
        "per 100 000 invånare",
        "per 100 000 inv",
        "per 100 000 inv.",
        "anmälda brott per 100 000 invånare",
        "antal per 100 000 invånare",
        "per 100000 invånare",
        "per 100k",
    ),
}
BY_HEADER = {normalise_key(alias): role for role, aliases in ROLES.items() for alias in aliases}
MARKERS = {"..": Marker.MISSING, "XX": Marker.SUPPRESSED, ".": Marker.NOT_COMPUTABLE}
MARKER_HELP = gettext_lazy(
    "Skriv antalet, eller någon av Brås markeringar: .. (uppgift saknas), XX (för få, skyddat) "
    "eller . (kan inte beräknas)."
)
MEASURE_ROLES = {"count": Measure.COUNT, "rate": Measure.PER_100K}
SOURCE = gettext_lazy("Brå, anmälda brott")


def _role(header: str) -> str | None:
    key = normalise_key(header)
    if key in BY_HEADER:
        return BY_HEADER[key]
    return "period_column" if looks_like_period(header) else None


def is_header(cells: tuple[str, ...]) -> bool:
    return sum(1 for c in cells if c and _role(c)) >= 2


class Categories:
    """Brå's categories by code, by name (when only one category has it) and by path."""

    def __init__(self) -> None:
        categories = list(CrimeCategory.objects.all())
        by_pk = {c.pk: c for c in categories}
        self.by_key: dict[str, CrimeCategory] = {}
        names: dict[str, list[CrimeCategory]] = {}
        for category in categories:
            path, node = [], category
            while node is not None and len(path) < 20:
                path.append(node.name)
                node = by_pk.get(node.parent_id)
            path.reverse()
            # The whole path and its tails: "Samtliga brott > Brott mot övriga författningar >
            # Trafikbrott", "Brott mot övriga författningar > Trafikbrott", "Trafikbrott".
            for start in range(len(path)):
                tail = normalise_key(" > ".join(path[start:]))
                names.setdefault(tail, []).append(category)
        self.ambiguous = {name for name, found in names.items() if len(found) > 1}
        for name, found in names.items():
            if len(found) == 1:
                self.by_key[name] = found[0]
        for category in categories:
            self.by_key[normalise_key(category.code)] = category
        self.examples = [c.name for c in categories[:6]]

    def __call__(self, raw: object) -> CrimeCategory:
        text = cell_text(raw)
        key = normalise_key(re.sub(r"\s*[>/›]\s*", " > ", text))
        if not key:
            raise CellError(_("Fältet får inte vara tomt. Skriv brottskategorin."))
        if key in self.by_key:
            return self.by_key[key]
        if key in self.ambiguous:
            raise CellError(
                _(
                    "Kategorin ”%(value)s” finns på flera ställen i Brås hierarki. Skriv dess kod "
                    "eller vägen dit, t.ex. ”Samtliga brott > Brott mot övriga författningar > "
                    "Narkotikabrott”."
                )
                % {"value": text}
            )
        raise CellError(
            _(
                "Okänd brottskategori ”%(value)s”. Skriv en av Brås kategorier med kod eller "
                "namn, t.ex. %(examples)s."
            )
            % {"value": text, "examples": ", ".join(self.examples)}
        )


@dataclass(frozen=True)
class Key:
    municipality_id: int
    category_id: int
    period: str
    measure: str


@dataclass
class Cell:
    """One figure of the file, to store."""

    row: int
    municipality: Municipality
    category: CrimeCategory
    period: Period
    measure: str
    figure: Figure

    @property
    def key(self) -> Key:
        return Key(self.municipality.pk, self.category.pk, self.period.key, self.measure)


def figure_text(value: object, marker: str) -> str:
    if marker:
        return f"{marker} ({Marker(marker).label})"
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u00a0").replace(".", ",")
    return text


class CrimeStatisticsImporter(Importer):
    kind = "crime_statistics"

    def __init__(self, *, user: AbstractBaseUser | None = None, source_label: str = "") -> None:
        super().__init__(user=user)
        self.source_label = source_label
        self.created: list[Cell] = []
        self.updated: list[tuple[Cell, CrimeStatistic]] = []
        self.unchanged = 0
        self.skipped_rows = 0

    # Planning

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        self.created, self.updated, self.unchanged, self.skipped_rows = [], [], 0, 0
        sheet = read_table(source, header_where=is_header)
        self.plan_, self.sheet_name = plan, sheet.name
        roles = self.roles(sheet)
        if plan.errors:
            return
        self.municipalities = Municipalities()
        self.categories = Categories()
        counts = FigureCell(MARKERS, whole=True, marker_help=str(MARKER_HELP))
        rates = FigureCell(MARKERS, whole=False, marker_help=str(MARKER_HELP))
        self.parsers = {Measure.COUNT: counts, Measure.PER_100K: rates}
        cells = list(self.cells(sheet, roles))
        if plan.errors:
            return
        if not cells:
            self.error(_("Filen har inga rader med anmälda brott."))
            return
        if self.skipped_rows:
            self.note(
                _(
                    "%(n)s rader gäller riket eller ett län och läses inte: plattformen lagrar "
                    "kommunernas siffror, och räknar aldrig fram en summa."
                )
                % {"n": self.skipped_rows}
            )
        yield from self.compare(cells)

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
                        "Okänd kolumn. Filen ska ha kolumnerna kommunkod, period, brottskategori "
                        "och antal (och/eller per 100 000 invånare), eller en kolumn per period."
                    ),
                    sheet.header_row,
                    header,
                )
            elif role == "period_column":
                roles.setdefault("period_columns", []).append((index, parse_period(header)))
            elif role in roles:
                self.error(_("Kolumnen finns två gånger i rubrikraden."), sheet.header_row, header)
            else:
                roles[role] = index
        if "municipality" not in roles and "municipality_name" in roles:
            roles["municipality"] = roles.pop("municipality_name")
        for role in ("municipality", "category"):
            if role not in roles:
                self.error(_("Kolumnen saknas i rubrikraden."), sheet.header_row, ROLES[role][0])
        wide = "period_columns" in roles
        if wide and ("period" in roles or "count" in roles or "rate" in roles):
            self.error(
                _(
                    "Filen har både perioder som kolumner och en kolumn period eller antal; "
                    "välj det ena."
                ),
                sheet.header_row,
            )
        elif not wide:
            if "period" not in roles:
                self.error(_("Kolumnen saknas i rubrikraden."), sheet.header_row, "period")
            if "count" not in roles and "rate" not in roles:
                self.error(
                    _("Filen har ingen kolumn antal (eller per 100 000 invånare)."),
                    sheet.header_row,
                    "antal",
                )
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

    def cells(self, sheet: Sheet, roles: dict) -> Iterator[Cell]:
        if "period_columns" in roles:
            values = [(i, p, Measure.COUNT) for i, p in roles["period_columns"]]
        else:
            values = [(roles[r], None, m) for r, m in MEASURE_ROLES.items() if r in roles]
        named = ("municipality", "municipality_name", "period", "category")
        known = {roles[r] for r in named if r in roles}
        known |= {index for index, _period, _measure in values}
        seen: dict[Key, int] = {}
        for row in sheet.rows:
            stray = [i for i, v in enumerate(row.values) if i not in known and cell_text(v) != ""]
            for index in stray:
                self.error(
                    _("Cellen står i en kolumn utan rubrik och skulle inte läsas in."),
                    row.number,
                    self.header(index) or f"#{index + 1}",
                )
            municipality = self.parse(row, roles["municipality"], self.municipalities)
            if municipality is NOT_A_MUNICIPALITY:
                self.skipped_rows += 1
                continue
            if municipality is not None and "municipality_name" in roles:
                municipality = self.check_name(row, roles["municipality_name"], municipality)
            category = self.parse(row, roles["category"], self.categories)
            period = self.parse(row, roles["period"], parse_period) if "period" in roles else None
            for index, column_period, measure in values:
                figure = self.parse(row, index, self.parsers[measure])
                when = column_period or period
                if None in (municipality, category, when, figure) or stray:
                    continue
                found = Cell(row.number, municipality, category, when, measure, figure)
                if found.key in seen:
                    self.error(
                        _("Samma kommun, period och kategori står redan på rad %(row)s.")
                        % {"row": seen[found.key]},
                        row.number,
                        self.header(index),
                    )
                    continue
                seen[found.key] = row.number
                yield found

    def check_name(
        self, row: SourceRow, index: int, municipality: Municipality
    ) -> Municipality | None:
        """The name beside the code must be the code's municipality (or empty)."""
        written = cell_text(self.cell(row, index))
        if not written or self.municipalities.by_name.get(normalise_key(written)) == municipality:
            return municipality
        self.error(
            _("Kommunkoden %(code)s är %(name)s, inte %(written)s. Kontrollera raden.")
            % {"code": municipality.code, "name": municipality.name, "written": written},
            row.number,
            self.header(index),
        )
        return None

    def compare(self, cells: list[Cell]) -> Iterator[Change]:
        stored = {
            Key(s.municipality_id, s.category_id, s.period, s.measure): s
            for s in CrimeStatistic.objects.filter(
                municipality_id__in={c.municipality.pk for c in cells},
                category_id__in={c.category.pk for c in cells},
                period__in={c.period.key for c in cells},
            ).select_related("municipality", "category")
        }
        for cell in cells:
            existing = stored.get(cell.key)
            if existing is None:
                self.created.append(cell)
                yield self.change("create", cell, "", None)
            elif existing.value != cell.figure.value or existing.marker != cell.figure.marker:
                self.updated.append((cell, existing))
                yield self.change(
                    "update", cell, figure_text(existing.value, existing.marker), existing
                )
            else:
                self.unchanged += 1
        if self.unchanged:
            self.note(
                _("%(n)s siffror finns redan med samma värde och lämnas som de är.")
                % {"n": self.unchanged}
            )

    def change(self, action: str, cell: Cell, before: str, existing: object) -> Change:
        description = (
            f"{cell.municipality.code} {cell.municipality.name}, {cell.period.key}, "
            f"{cell.category.name}"
        )
        label = Measure(cell.measure).label
        after = figure_text(cell.figure.value, cell.figure.marker)
        return Change(
            action,
            description,
            row=cell.row,
            sheet=self.sheet_name,
            fields=[FieldChange(str(label), before, after)],
        )

    # Applying

    def source_text(self) -> str:
        text = self.source_label or f"{SOURCE}: {self.source_name}"
        return text[:200]

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        now, source = timezone.now(), self.source_text()
        total, done = len(changes), 0
        batch = 2000
        for start in range(0, len(self.created), batch):
            part = self.created[start : start + batch]
            CrimeStatistic.objects.bulk_create([self.new(c, now, source) for c in part])
            done += len(part)
            if on_progress is not None:
                on_progress(done, total)
        parties = municipality_parties({c.municipality.pk for c, _s in self.updated})
        for cell, existing in self.updated:
            auditlog.audited_update(
                existing,
                user=self.user,
                action="crime_statistic.corrected",
                parties=parties.get(cell.municipality.pk, []),
                value=cell.figure.value,
                marker=cell.figure.marker,
                source=source,
                imported_at=now,
            )
            done += 1
            if on_progress is not None and (done % 200 == 0 or done == total):
                on_progress(done, total)

    @staticmethod
    def new(cell: Cell, now: object, source: str) -> CrimeStatistic:
        return CrimeStatistic(
            municipality=cell.municipality,
            year=cell.period.year,
            quarter=cell.period.quarter,
            month=cell.period.month,
            period=cell.period.key,
            category=cell.category,
            measure=cell.measure,
            value=cell.figure.value,
            marker=cell.figure.marker,
            source=source,
            imported_at=now,
        )

    def apply(self, plan: Plan, *, on_progress: ProgressCallback | None = None) -> ImportRecord:
        """Apply, and name the import itself in the audit log (who, which file, how much)."""
        with transaction.atomic():
            record = super().apply(plan, on_progress=on_progress)
            ids = {c.municipality.pk for c in self.created}
            ids |= {c.municipality.pk for c, _s in self.updated}
            audit_import(self, record, plan, ids, "crime_statistics.imported")
        return record
