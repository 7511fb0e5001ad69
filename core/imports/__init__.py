"""The one import machinery of the platform (DESIGN.md, "Shared building blocks").

An importer is a small subclass of `Importer`:

    class PopulationImporter(Importer):
        kind = "population"
        suffixes = (".csv",)

        def changes(self, source, plan):
            sheet = read_csv(source)
            columns = ColumnMap(sheet, COLUMNS, plan.errors)
            if not columns.ok:
                return
            for row in sheet.rows:
                values = columns.parse(row, plan.errors)
                if values is not None:
                    yield Change("create", "...", row=row.number, payload=values)

        def apply_change(self, change):
            Population.objects.create(**change.payload)

`importer.plan(file)` reads and validates everything into a `Plan` (changes for the preview,
every error with sheet, row and column, notes); `importer.run(file)` plans and applies in one
transaction, all or nothing, and records the file's SHA-256 so that the same file is never
imported twice into the same target. Files are `ImportFile`s, size-checked before parsing.
"""

from core.imports.cells import (
    Cell,
    Choice,
    Date,
    Integer,
    Lookup,
    Text,
    WithMarkers,
    YesNo,
    cell_text,
    is_empty,
    normalise_key,
)
from core.imports.columns import Column, ColumnMap, column_letter
from core.imports.files import ImportFile, require_suffix
from core.imports.issues import CellError, FileRefused, ImportIssue, IssueList, TooManyIssues
from core.imports.plan import Change, FieldChange, Importer, Plan, ProgressCallback
from core.imports.readers import (
    JsonRecord,
    Sheet,
    SourceRow,
    Workbook,
    read_csv,
    read_json,
    read_table,
)

__all__ = [
    "Cell",
    "CellError",
    "Change",
    "Choice",
    "Column",
    "ColumnMap",
    "Date",
    "FieldChange",
    "FileRefused",
    "ImportFile",
    "ImportIssue",
    "Importer",
    "Integer",
    "IssueList",
    "JsonRecord",
    "Lookup",
    "Plan",
    "ProgressCallback",
    "Sheet",
    "SourceRow",
    "Text",
    "TooManyIssues",
    "WithMarkers",
    "Workbook",
    "YesNo",
    "cell_text",
    "column_letter",
    "is_empty",
    "normalise_key",
    "read_csv",
    "read_json",
    "read_table",
    "require_suffix",
]
