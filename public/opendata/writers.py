"""Streamed CSV and JSON: rows are written into a small buffer that is handed on whenever it
fills, so memory stays flat however many rows there are.

CSV is UTF-8 with a header row, quoted as RFC 4180 (the csv module's default dialect, CRLF line
ends). Text cells pass through core.formulas.neutralise_formula (the one rule for every file
the platform writes), so a spreadsheet shows a cell starting with =, +, -, @, a tab or a carriage
return as text instead of running it as a formula (CSV/formula injection). Numbers and dates are
never changed. JSON carries the values as they are.
"""

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils import timezone

from core.formulas import neutralise_formula
from public.opendata.scopes import Scope
from public.opendata.tables import TABLES, Table

FLUSH_AT = 32 * 1024
LIST_SEPARATOR = "; "
LICENSE_URL = "http://creativecommons.org/publicdomain/zero/1.0/"


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return neutralise_formula(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, str):
        return neutralise_formula(value)
    if isinstance(value, datetime.date):  # datetime too
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def json_value(value: object) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode()
    buffer.seek(0)
    buffer.truncate(0)
    return data


def csv_stream(table: Table, scope: Scope) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for row in table.rows(scope):
        writer.writerow([csv_cell(v) for v in row])
        if buffer.tell() >= FLUSH_AT:
            yield _drain(buffer)
    yield _drain(buffer)


def _batched(pieces: Iterable[str]) -> Iterator[bytes]:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= FLUSH_AT:
            yield "".join(batch).encode()
            batch, size = [], 0
    if batch:
        yield "".join(batch).encode()


def _json_array(table: Table, scope: Scope) -> Iterator[str]:
    names = table.column_names
    yield "["
    separator = "\n"
    for row in table.rows(scope):
        record = dict(zip(names, (json_value(v) for v in row), strict=True))
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n"
    yield "\n]"


def json_stream(table: Table, scope: Scope) -> Iterator[bytes]:
    """One table as a JSON array of objects, one object per row."""
    return _batched(_json_array(table, scope))


def _json_object(scope: Scope) -> Iterator[str]:
    head = {
        "scope": {"id": scope.slug, "name": str(scope.label)},
        "license": LICENSE_URL,
        "generated_at": timezone.now().isoformat(),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {'
    for i, table in enumerate(TABLES):
        yield ("" if i == 0 else ",") + f"\n{json.dumps(table.name)}: "
        yield from _json_array(table, scope)
    yield "\n}}\n"


def scope_json_stream(scope: Scope) -> Iterator[bytes]:
    """Every table of a scope in one JSON object: {"scope", "license", "generated_at",
    "tables": {"promises": [...], ...}}."""
    return _batched(_json_object(scope))
