"""Columns found by their header: matched without regard to case or spacing, with a clear
error for a column that is missing, unknown or given twice."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.imports.cells import Text, is_empty, normalise_key
from core.imports.issues import CellError, IssueList
from core.imports.readers import Sheet, SourceRow


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    parse: Callable[[object], object] = field(default_factory=Text)
    required: bool = True  # the file must have the column (its cells may still be empty)
    help: str = ""
    aliases: tuple[str, ...] = ()


class ColumnMap:
    """Which column of a sheet holds each known column; `ok` is false when the header is wrong
    (the problems are in `errors`)."""

    def __init__(
        self,
        sheet: Sheet,
        columns: Sequence[Column],
        errors: IssueList,
        *,
        allow_unknown: bool = False,
    ) -> None:
        self.sheet = sheet
        self.columns = {c.key: c for c in columns}
        self.positions: dict[str, int] = {}
        known = {normalise_key(name): c for c in columns for name in (c.header, *c.aliases)}
        problems = len(errors)
        where = {"row": sheet.header_row, "sheet": sheet.name}
        for index, header in enumerate(sheet.header):
            column = known.get(normalise_key(header))
            if column is None:
                if header and not allow_unknown:
                    errors.add(
                        _("Okänd kolumn. Kontrollera stavningen i rubrikraden."),
                        column=header,
                        **where,
                    )
            elif column.key in self.positions:
                errors.add(_("Kolumnen finns två gånger i rubrikraden."), column=header, **where)
            else:
                self.positions[column.key] = index
        for column in columns:
            if column.required and column.key not in self.positions:
                errors.add(_("Kolumnen saknas i rubrikraden."), column=column.header, **where)
        self.ok = len(errors) == problems
        self.unnamed = {i for i, header in enumerate(sheet.header) if not header}

    def has(self, key: str) -> bool:
        return key in self.positions

    def raw(self, row: SourceRow, key: str) -> object:
        index = self.positions.get(key)
        return row.values[index] if index is not None and index < len(row.values) else None

    def parse(self, row: SourceRow, errors: IssueList) -> dict[str, object] | None:
        """The row's values by column key (present columns only), or None when a cell is wrong
        (each wrong cell is in `errors`)."""
        values: dict[str, object] = {}
        ok = True
        for index, value in enumerate(row.values):
            if (index in self.unnamed or index >= len(self.sheet.header)) and not is_empty(value):
                errors.add(
                    _("Cellen står i en kolumn utan rubrik och skulle inte läsas in."),
                    row=row.number,
                    column=column_letter(index),
                    sheet=row.sheet,
                )
                ok = False
        for key in self.positions:
            column = self.columns[key]
            try:
                values[key] = column.parse(self.raw(row, key))
            except CellError as error:
                errors.add(str(error), row=row.number, column=column.header, sheet=row.sheet)
                ok = False
        return values if ok else None


def column_letter(index: int) -> str:
    """A spreadsheet's name for the column at `index` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
