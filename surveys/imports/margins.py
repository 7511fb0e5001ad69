"""Population margins for a wave from a file: SCB's statistical database export (region, kön,
ålder, år and a number column, or the years as columns), or the simple shape
variabel;kategori;antal. The figures become one-dimensional margins (area, sex, age band 16–84)
that replace the wave's margins, all or nothing; margins that miss a category found among the
wave's respondents are refused with the category named."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from core.imports import (
    CellError,
    Change,
    FieldChange,
    Importer,
    ImportFile,
    Integer,
    Plan,
    cell_text,
    is_empty,
    normalise_key,
    read_table,
)
from core.imports.plan import ProgressCallback
from core.imports.readers import Sheet, SourceRow
from organisations.auditlog import acting_via
from organisations.models import Area
from surveys.imports import population
from surveys.imports.population import MUNICIPALITY, TOTAL, Place
from surveys.imports.respondents import respondent_categories
from surveys.models import Wave
from surveys.models.waves import MarginVariable
from surveys.results.margins import save_margins

ROLES = {
    "region": ("region", "område", "omrade", "kommun", "deso", "regso"),
    "sex": ("kön", "kon", "sex"),
    "age": ("ålder", "alder", "age", "åldersklass", "ålder (år)"),
    "year": ("år", "ar", "year", "tid"),
    "value": ("antal", "folkmängd", "värde", "value", "population", "invånare", "befolkning"),
    "variable": ("variabel", "variable"),
    "category": ("kategori", "category"),
}
BY_HEADER = {alias: role for role, aliases in ROLES.items() for alias in aliases}
YEAR_HEADER = re.compile(r"(?:^|\s)((?:19|20)\d{2})$")
VARIABLES = {
    "område": MarginVariable.AREA,
    "omrade": MarginVariable.AREA,
    "area": MarginVariable.AREA,
    "kön": MarginVariable.SEX,
    "kon": MarginVariable.SEX,
    "ålder": MarginVariable.AGE,
    "alder": MarginVariable.AGE,
    "åldersgrupp": MarginVariable.AGE,
}
HEADERS = {"region": "region", "sex": "kön", "age": "ålder", "year": "år", "value": "antal"}
COUNT = Integer(required=True, max_value=20_000_000)


def _role(header: str) -> str | None:
    key = normalise_key(header)
    if key in BY_HEADER:
        return BY_HEADER[key]
    return "year_column" if YEAR_HEADER.search(key) else None


def is_header(cells: tuple[str, ...]) -> bool:
    return sum(1 for c in cells if c and _role(c)) >= 2


@dataclass
class Entry:
    row: int
    target: str  # MUNICIPALITY or an area code
    sex: str | None
    age: tuple[int, int] | str | None
    year: int | None
    count: int


class MarginsImporter(Importer):
    kind = "survey_margins"

    def __init__(self, *, wave: Wave, user: AbstractBaseUser | None = None) -> None:
        super().__init__(target=wave, user=user)
        self.wave = wave
        self.tables: dict[str, dict[str, int]] = {}

    # Planning

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        sheet = read_table(source, header_where=is_header)
        self.plan_ = plan
        self.sheet_name = sheet.name
        municipality = self.wave.survey.municipality
        self.municipality = Place(municipality.code, municipality.name)
        self.areas = [Place(a.code, a.name) for a in Area.objects.of_municipality(municipality.pk)]
        roles = self.roles(sheet)
        if plan.errors:
            return
        read = self.simple if "variable" in roles or "category" in roles else self.scb
        tables = read(sheet, roles)
        if tables is None or plan.errors:
            return
        self.check_sums(tables)
        self.check_coverage(tables)
        if plan.errors:
            return
        self.tables = tables
        yield from self.describe(tables)

    def error(self, message: str, row: int | None = None, column: str = "") -> None:
        self.plan_.errors.add(message, row=row, column=column, sheet=self.sheet_name)

    def note(self, message: str, row: int | None = None, column: str = "") -> None:
        self.plan_.notes.add(message, row=row, column=column, sheet=self.sheet_name)

    def roles(self, sheet: Sheet) -> dict[str, int | list[tuple[int, int]]]:
        roles: dict = {}
        for index, header in enumerate(sheet.header):
            if not header:
                continue
            role = _role(header)
            if role is None:
                self.error(
                    _(
                        "Okänd kolumn. Filen ska ha kolumnerna region, kön, ålder, år och antal "
                        "(som SCB:s statistikdatabas), åren som kolumner, eller variabel, "
                        "kategori och antal."
                    ),
                    sheet.header_row,
                    header,
                )
            elif role == "year_column":
                roles.setdefault("year_columns", []).append(
                    (index, int(YEAR_HEADER.search(normalise_key(header))[1]))
                )
            elif role in roles:
                self.error(_("Kolumnen finns två gånger i rubrikraden."), sheet.header_row, header)
            else:
                roles[role] = index
        self.headers = dict(enumerate(sheet.header))
        simple = "variable" in roles or "category" in roles
        needed = ("variable", "category", "value") if simple else ()
        for role in needed:
            if role not in roles:
                self.error(_("Kolumnen saknas i rubrikraden."), sheet.header_row, ROLES[role][0])
        if not simple and "value" not in roles and "year_columns" not in roles:
            self.error(
                _("Filen har ingen kolumn med antal: en kolumn antal, eller ett år per kolumn."),
                sheet.header_row,
            )
        if not simple and "value" in roles and "year_columns" in roles:
            self.error(
                _("Filen har både en kolumn antal och år som kolumner; ta bort det ena."),
                sheet.header_row,
            )
        return roles

    def cell(self, row: SourceRow, index: int) -> object:
        return row.values[index] if index < len(row.values) else None

    def header(self, index: int) -> str:
        return self.headers.get(index, "")

    # variabel;kategori;antal

    def simple(self, sheet: Sheet, roles: dict) -> dict[str, dict[str, int]] | None:
        tables: dict[str, dict[str, int]] = {}
        seen: dict[tuple[str, str], int] = {}
        for row in sheet.rows:
            try:
                variable = self.variable(cell_text(self.cell(row, roles["variable"])))
            except CellError as error:
                self.error(str(error), row.number, self.header(roles["variable"]))
                continue
            written = cell_text(self.cell(row, roles["category"]))
            try:
                category = self.category(variable, written)
            except CellError as error:
                self.error(str(error), row.number, self.header(roles["category"]))
                continue
            try:
                count = COUNT(self.cell(row, roles["value"]))
            except CellError as error:
                self.error(str(error), row.number, self.header(roles["value"]))
                continue
            if (variable, category) in seen:
                self.error(
                    _("%(variable)s ”%(category)s” står redan på rad %(row)s.")
                    % {
                        "variable": MarginVariable(variable).label,
                        "category": written,
                        "row": seen[(variable, category)],
                    },
                    row.number,
                    self.header(roles["category"]),
                )
                continue
            seen[(variable, category)] = row.number
            tables.setdefault(variable, {})[category] = count
        return tables

    def variable(self, text: str) -> str:
        found = VARIABLES.get(normalise_key(text))
        if found is None:
            raise CellError(
                _("Okänd variabel ”%(value)s”. Skriv område, kön eller ålder.") % {"value": text}
            )
        return found

    def category(self, variable: str, text: str) -> str:
        if variable == MarginVariable.AREA:
            target = population.region_target(text, self.municipality, self.areas)
            if target == MUNICIPALITY:
                raise CellError(_("Ange ett område, inte hela kommunen."))
            return target
        if variable == MarginVariable.SEX:
            sex = population.sex_category(text)
            if sex == TOTAL:
                raise CellError(_("Ange män eller kvinnor, inte totalt."))
            return sex
        return population.band_category(text)

    # SCB's shape

    def scb(self, sheet: Sheet, roles: dict) -> dict[str, dict[str, int]] | None:
        entries = list(self.entries(sheet, roles))
        if self.plan_.errors:
            return None
        if not entries:
            self.error(_("Filen har inga rader med antal."))
            return None
        return self.aggregate(self.of_one_year(entries), roles)

    def entries(self, sheet: Sheet, roles: dict) -> Iterator[Entry]:
        values = [(roles["value"], None)] if "value" in roles else roles["year_columns"]
        stubs = {r: roles[r] for r in ("region", "sex", "age", "year") if r in roles}
        for row in sheet.rows:
            if self.is_footnote(row):
                self.note(
                    _("Raden läses inte: den ser ut som en fotnot (”%(text)s”).")
                    % {"text": cell_text(row.values[0])[:80]},
                    row.number,
                )
                continue
            parsed = self.stub_values(row, stubs)
            for index, year in values:
                try:
                    count = COUNT(self.cell(row, index))
                except CellError as error:
                    self.error(str(error), row.number, self.header(index))
                    continue
                if parsed is not None:
                    yield Entry(row.number, *parsed[:3], year or parsed[3], count)

    def is_footnote(self, row: SourceRow) -> bool:
        filled = [i for i, v in enumerate(row.values) if not is_empty(v)]
        return filled == [0] and len(self.headers) > 1

    def stub_values(self, row: SourceRow, stubs: dict[str, int]) -> tuple | None:
        problems = len(self.plan_.errors)
        parsers = {
            "region": lambda t: population.region_target(t, self.municipality, self.areas),
            "sex": population.sex_category,
            "age": population.age_class,
            "year": lambda t: Integer(min_value=1900, max_value=2100, required=True)(t),
        }
        found: dict[str, object] = {}
        for role, index in stubs.items():
            text = cell_text(self.cell(row, index))
            try:
                if not text:
                    raise CellError(_("Fältet får inte vara tomt."))
                found[role] = parsers[role](text)
            except CellError as error:
                self.error(str(error), row.number, self.header(index))
        if len(self.plan_.errors) > problems:
            return None
        return (
            found.get("region", MUNICIPALITY),
            found.get("sex"),
            found.get("age"),
            found.get("year"),
        )

    def of_one_year(self, entries: list[Entry]) -> list[Entry]:
        years = sorted({e.year for e in entries if e.year is not None})
        if not years:
            return entries
        earlier = [y for y in years if y <= self.wave.year]
        year = self.wave.year if self.wave.year in years else (earlier[-1] if earlier else years[0])
        if len(years) > 1 or year != self.wave.year:
            self.note(
                _(
                    "Talen för %(year)s används (filen har %(years)s; omgången gäller "
                    "%(wave)s). SCB:s folkmängd avser den 31 december."
                )
                % {"year": year, "years": ", ".join(map(str, years)), "wave": self.wave.year}
            )
        return [e for e in entries if e.year == year]

    def aggregate(self, entries: list[Entry], roles: dict) -> dict[str, dict[str, int]] | None:
        entries = self.without_totals(entries, roles)
        if entries is None:
            return None
        if "age" not in roles:
            self.note(_("Filen har ingen kolumn ålder; talen antas gälla invånare 16–84 år."))
        # Sex and age come from the rows of the whole municipality when there are any, else
        # from the areas' rows added up.
        whole = any(e.target == MUNICIPALITY for e in entries)
        sums: dict[str, dict[str, float]] = {}
        partial: set[tuple[int, int]] = set()
        for entry in entries:
            share = 1.0
            if isinstance(entry.age, tuple):
                share = population.share_in_range(entry.age)
                if 0 < share < 1:
                    partial.add(entry.age)
            if share == 0:
                continue
            people = entry.count * share
            if entry.target != MUNICIPALITY:
                _add(sums, MarginVariable.AREA, entry.target, people)
            if entry.target == MUNICIPALITY or not whole:
                if entry.sex in population.SEXES:
                    _add(sums, MarginVariable.SEX, entry.sex, people)
                if isinstance(entry.age, tuple):
                    try:
                        _add(sums, MarginVariable.AGE, population.age_band(entry.age), people)
                    except CellError as error:
                        self.error(str(error), entry.row, self.header(roles["age"]))
        for lo, hi in sorted(partial):
            self.note(
                _(
                    "Åldersklassen %(lo)s–%(hi)s år räknas till %(share)s, den del som är 16–84 år "
                    "(lika många i varje ettårsklass antas). Ta ut ettårsklasser för exakta tal."
                )
                % {"lo": lo, "hi": hi, "share": _fraction(population.share_in_range((lo, hi)))}
            )
        if self.plan_.errors:
            return None
        return {v: population.rounded(t, round(sum(t.values()))) for v, t in sums.items()}

    def without_totals(self, entries: list[Entry], roles: dict) -> list[Entry] | None:
        """Total rows ("totalt") are left out when the parts are there; a file with only the
        total of all ages cannot be limited to 16–84 and is refused."""
        kept = entries
        if any(e.sex in population.SEXES for e in kept) and any(e.sex == TOTAL for e in kept):
            kept = [e for e in kept if e.sex != TOTAL]
            self.note(
                _("Raderna med kön ”totalt” läses inte: männen och kvinnorna räknas var för sig.")
            )
        has_ages = any(isinstance(e.age, tuple) for e in kept)
        totals = [e for e in kept if e.age == TOTAL]
        if totals and has_ages:
            kept = [e for e in kept if e.age != TOTAL]
            self.note(_("Raderna med ålder ”totalt” läses inte: åldrarna räknas var för sig."))
        elif totals:
            self.error(
                _(
                    "Åldern ”totalt” räcker inte: marginalerna gäller invånare 16–84 år. Ta med "
                    "åldrarna (ettårsklasser eller femårsklasser) i uttaget från SCB."
                ),
                totals[0].row,
                self.header(roles["age"]),
            )
            return None
        return kept

    # Checks

    def check_sums(self, tables: dict[str, dict[str, int]]) -> None:
        totals = {v: sum(t.values()) for v, t in tables.items()}
        if len(set(totals.values())) > 1:
            listing = ", ".join(
                f"{MarginVariable(v).label.lower()} {total:,}".replace(",", "\u00a0")
                for v, total in totals.items()
            )
            self.error(
                _(
                    "Summorna skiljer sig åt (%(listing)s). Alla ska vara samma befolkning, "
                    "invånarna 16–84 år: täcker områdena hela kommunen, och gäller alla tal "
                    "samma år?"
                )
                % {"listing": listing}
            )

    def check_coverage(self, tables: dict[str, dict[str, int]]) -> None:
        """Every category that occurs among the wave's respondents must be in its margin."""
        found = respondent_categories(self.wave)
        labels = {
            MarginVariable.AREA: {a.code: a.name for a in self.areas},
            MarginVariable.SEX: population.SEXES,
            MarginVariable.AGE: population.BAND_LABELS,
        }
        for variable, table in tables.items():
            for category in sorted(found.get(variable, set()) - set(table)):
                name = labels[variable].get(category, category)
                self.error(
                    _(
                        "%(variable)s = ”%(category)s”: finns bland omgångens svarande men "
                        "saknas i filen. Ta med den i uttaget, annars kan svaren inte viktas."
                    )
                    % {"variable": MarginVariable(variable).label, "category": name},
                    column=str(MarginVariable(variable).label),
                )
        for variable in MarginVariable.values:
            if variable not in tables:
                self.note(
                    _("Filen ger ingen marginal för %(variable)s; svaren viktas inte efter den.")
                    % {"variable": MarginVariable(variable).label.lower()}
                )

    def describe(self, tables: dict[str, dict[str, int]]) -> Iterator[Change]:
        current = {(m.variable, m.category): m.population for m in self.wave.margins.all()}
        labels = {a.code: a.name for a in self.areas} | population.SEXES | population.BAND_LABELS
        for variable in MarginVariable.values:
            for category, people in tables.get(variable, {}).items():
                before = current.get((variable, category))
                description = f"{MarginVariable(variable).label}: {labels.get(category, category)}"
                field = FieldChange(_("Antal invånare 16–84 år"), _num(before), _num(people))
                action = "margin" if before is None else "margin_changed"
                yield Change(action, description, fields=[field], payload=(variable, category))
        for (variable, category), people in current.items():
            if category not in tables.get(variable, {}):
                description = f"{MarginVariable(variable).label}: {labels.get(category, category)}"
                field = FieldChange(_("Antal invånare 16–84 år"), _num(people), _("tas bort"))
                yield Change("margin_removed", description, fields=[field])

    # Applying

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        # The one writer of margins (the hand-entry form uses it too): replaces them, audits,
        # and weights a closed wave again.
        with acting_via(self.source_name or "fil"):
            save_margins(wave=self.wave, tables=self.tables, user=self.user)
        if on_progress is not None:
            on_progress(len(changes), len(changes))


def _add(sums: dict, variable: str, category: str, people: float) -> None:
    table = sums.setdefault(variable, {})
    table[category] = table.get(category, 0.0) + people


def _num(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", "\u00a0")


def _fraction(share: float) -> str:
    for denominator in range(2, 11):
        numerator = round(share * denominator)
        if abs(numerator / denominator - share) < 1e-9:
            return f"{numerator}/{denominator}"
    return f"{share:.2f}".replace(".", ",")
