"""Exports of a wave: the aggregated results (every published figure, suppressed as on the
pages, for all respondents and per area, sex and age band) as CSV or XLSX, and the microdata
for admins (one row per response, no free text, no places, nothing that identifies anyone).
"""

import csv
import io
import secrets
from collections.abc import Iterator

import numpy as np
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.privacy import FigureState
from surveys.models import ItemKind, Margin, Wave
from surveys.results.data import MEAN_KINDS, load_wave
from surveys.results.report import DIMENSIONS, survey_rules
from surveys.results.tables import Breakdown, indicator_result, problem_index, question_result
from surveys.results.weighting import weights_for_results

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def result_columns() -> list[str]:
    return [
        _("typ"),
        _("kod"),
        _("text"),
        _("version"),
        _("redovisning"),
        _("grupp"),
        _("svar"),
        _("värde"),
        _("enhet"),
        _("ki_nedre"),
        _("ki_övre"),
        _("svarande"),
        _("status"),
    ]


def _rows(kind: str, code: str, text: str, version: object, breakdown: Breakdown) -> Iterator[list]:
    variable = breakdown.dimension.name if breakdown.dimension else _("Samtliga")
    unit = "%" if breakdown.measure == "share" else ""
    for row in breakdown.rows:
        if breakdown.dimension is not None and row.is_total:
            continue  # the total row is exported once, under "Samtliga"
        base = row.base.value if row.base.shown else None
        for column, cell in zip(breakdown.columns, row.cells, strict=True):
            shown = cell.figure.state is FigureState.SHOWN
            yield [
                kind,
                code,
                text,
                version,
                variable,
                row.label,
                column,
                round(cell.figure.value, 2) if shown else None,
                unit,
                round(cell.low, 2) if shown and cell.low is not None else None,
                round(cell.high, 2) if shown and cell.high is not None else None,
                base,
                cell.figure.state.value,
            ]


def result_rows(wave: Wave) -> Iterator[list]:
    """Every published figure of the wave, one per row (long format)."""
    data = load_wave(wave)
    sample = data.subset(data.representative)
    weights = weights_for_results(wave, sample, list(Margin.objects.filter(wave=wave))).weights
    rules, _defaults = survey_rules(wave.survey, {q.key for q in sample.questions})
    for key in (None, *DIMENSIONS):
        dimension = sample.dimensions[key] if key else None
        for rule in rules:
            result = indicator_result(rule, sample, weights, dimension)
            yield from _rows(_("indikator"), rule.code, result.name, "", result.breakdown)
        problems = problem_index(sample, weights, dimension, wave.survey.problem_index_weights)
        if problems is not None:
            for q, breakdown in problems.items:
                yield from _rows(
                    _("problemindex"), q.key, q.short_text, q.version.number, breakdown
                )
            yield from _rows(
                _("problemindex"), "", _("Sammanvägt problemindex"), "", problems.combined
            )
        for q in sample.questions:
            result = question_result(q, sample, weights, dimension)
            if result.breakdown is not None:
                yield from _rows(_("fråga"), q.key, q.text(), q.version.number, result.breakdown)


def results_csv(wave: Wave) -> str:
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 only with the byte order mark
    writer = csv.writer(out)
    writer.writerow(result_columns())
    for row in result_rows(wave):
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return out.getvalue()


def results_xlsx(wave: Wave) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Resultat"))
    sheet.append(result_columns())
    for row in result_rows(wave):
        sheet.append([_safe(v) for v in row])
    notes = book.create_sheet(_("Om tabellen"))
    for line in export_notes(wave):
        notes.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_notes(wave: Wave) -> list[str]:
    return [
        wave.name,
        _(
            "Andelar i procent (värde) med 95-procentigt konfidensintervall (ki_nedre, ki_övre), "
            "viktade efter befolkningen när marginaler finns. Svarande = antal i basen."
        ),
        _(
            "status: shown = visas; suppressed = visas inte av integritetsskäl (för få svarande, "
            "eller dold så att ett annat dolt värde inte kan räknas fram); missing = saknas."
        ),
    ]


def microdata(wave: Wave) -> tuple[list[str], list[list]]:
    """One row per response in random order: area, weight and the answers to closed
    questions. Left out: free text and map points (may name or point out someone), the
    date, language and mode of answering, and the database id."""
    data = load_wave(wave)
    columns = [_("rad"), _("representativ"), _("omrade"), _("vikt")]
    blocks = []
    for q in data.questions:
        codes = data.answers[q.key]
        if q.kind in (ItemKind.SINGLE, ItemKind.AREA):
            values = np.array([*q.values, ""], dtype=object)
            columns.append(q.key)
            blocks.append(values[codes].reshape(-1, 1))
        elif q.kind == ItemKind.MULTIPLE:
            columns += [f"{q.key}__{v}" for v in q.values]
            answered = codes.any(axis=1)
            blocks.append(np.where(answered[:, None], codes.astype(int), None).astype(object))
        elif q.kind in MEAN_KINDS:
            columns.append(q.key)
            blocks.append(np.where(np.isnan(codes), None, codes).astype(object).reshape(-1, 1))
    area_codes = np.array([*data.dimensions["omrade"].values, ""], dtype=object)
    fixed = np.column_stack(
        [
            np.where(data.representative, 1, 0).astype(object),
            area_codes[data.dimensions["omrade"].codes],
            np.where(np.isnan(data.stored_weights), None, data.stored_weights).astype(object),
        ]
    )
    table = np.hstack([fixed, *blocks]) if blocks else fixed
    order = np.argsort([secrets.randbits(32) for _i in range(data.size)], kind="stable")
    rows = [[i + 1, *table[j].tolist()] for i, j in enumerate(order)]
    return columns, rows


def microdata_csv(wave: Wave) -> str:
    columns, rows = microdata(wave)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return out.getvalue()
