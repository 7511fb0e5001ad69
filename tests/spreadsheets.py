"""Helpers for the activity plan spreadsheet tests: export a plan, change cells, import."""

import csv
import io

import openpyxl

from core.imports import ImportFile
from promises.spreadsheet.export import write_csv, write_xlsx
from promises.spreadsheet.importer import ActivityPlanImporter


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def csv_bytes(rows: list[list[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()


def exported_rows(promise) -> list[list[str]]:
    return csv_rows(write_csv(promise))


def row_dicts(promise) -> tuple[list[str], list[dict[str, str]]]:
    header, *rows = exported_rows(promise)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def csv_from_dicts(header: list[str], rows: list[dict[str, object]]) -> bytes:
    return csv_bytes([header] + [[row.get(h, "") for h in header] for row in rows])


def xlsx_sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))["Aktivitetsplan"]


def plan_file(content: bytes, name: str = "plan.csv") -> ImportFile:
    return ImportFile.from_bytes(name, content)


def import_plan(promise, content, *, user=None, name="plan.csv", dry_run=False):
    importer = ActivityPlanImporter(promise=promise, user=user, via="test")
    return importer.run(plan_file(content, name), dry_run=dry_run)


__all__ = ["write_csv", "write_xlsx"]
