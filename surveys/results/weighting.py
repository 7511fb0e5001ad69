"""Weights for a wave: raking the representative respondents to the population margins (area,
sex, age band) with trimming, and storing them when the wave closes.

Unweighted is never silent: when there are no margins, or they cannot be reproduced, the
result says "oviktat" with the reason (the RakingError names the cell).
"""

from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from surveys.analysis import CodedMargin, RakingError, kish_design_effect, trim_and_rake_coded
from surveys.models import Margin, Response, Wave
from surveys.models.waves import MarginVariable
from surveys.results.data import MARGIN_DIMENSIONS, WaveData


@dataclass(frozen=True)
class Weights:
    """Weights for the respondents of a WaveData (ones when unweighted)."""

    weights: np.ndarray
    weighted: bool
    problem: str = ""
    design_effect: float = 1.0
    trimmed: int = 0
    variables: tuple[str, ...] = ()


def margin_tables(margins: list[Margin]) -> dict[str, dict[str, int]]:
    """{variable: {category: population}} in the order of MarginVariable."""
    tables: dict[str, dict[str, int]] = {}
    for variable in MarginVariable.values:
        table = {m.category: m.population for m in margins if m.variable == variable}
        if table:
            tables[variable] = table
    return tables


def unweighted(data: WaveData, problem: str) -> Weights:
    return Weights(np.ones(data.size), False, problem)


def compute_weights(data: WaveData, margins: list[Margin], trim_ratio: float) -> Weights:
    """Rake `data` (the representative respondents) to the margins, trimming weights above
    `trim_ratio` × the mean."""
    tables = margin_tables(margins)
    if not tables:
        return unweighted(data, _("Inga populationsmarginaler är angivna för omgången."))
    if data.size == 0:
        return unweighted(data, _("Inga svar att vikta."))
    try:
        coded = [_coded(data, variable, table) for variable, table in tables.items()]
        result = trim_and_rake_coded(coded, ratio=trim_ratio)
    except RakingError as error:
        return unweighted(data, str(error))
    return Weights(
        result.weights,
        True,
        design_effect=result.design_effect,
        trimmed=result.trimmed,
        variables=tuple(MarginVariable(v).label for v in tables),
    )


def _coded(data: WaveData, variable: str, table: dict[str, int]) -> CodedMargin:
    """A margin with the respondents' categories. A respondent without the variable (no area,
    sex "annat / vill inte svara", no age) is unknown there and imputed fractionally; one whose
    category is missing from the margin is an error that names the category."""
    dimension = data.dimensions[MARGIN_DIMENSIONS[variable]]
    name = str(MarginVariable(variable).label)
    categories = list(table)
    position = {c: i for i, c in enumerate(categories)}
    lookup = np.full(len(dimension.values) + 1, len(categories), dtype=np.intp)
    for i, value in enumerate(dimension.values):
        lookup[i] = position.get(value, -1)
    codes = lookup[dimension.codes]  # -1 (no group) indexes the last slot: unknown
    outside = codes < 0
    if outside.any():
        label = dimension.labels[int(dimension.codes[np.argmax(outside)])]
        raise RakingError(
            _(
                "%(name)s=%(label)s: kategorin finns bland de svarande men saknas i "
                "populationsmarginalen för %(name)s."
            )
            % {"name": name, "label": label}
        )
    labels = dict(zip(dimension.values, dimension.labels, strict=True))
    return CodedMargin(
        name,
        [labels.get(c, c) for c in categories],
        np.array([table[c] for c in categories], dtype=float),
        codes,
        allow_unknown=True,
    )


def weights_for_results(wave: Wave, data: WaveData, margins: list[Margin]) -> Weights:
    """The weights the results use: a closed wave's stored weights (computed when it closed, or
    when its margins changed since), else computed now from the margins. `data` holds the
    representative respondents."""
    if wave.status == Wave.Status.CLOSED and data.size and not np.isnan(data.stored_weights).any():
        stored = data.stored_weights
        return Weights(
            stored,
            True,
            design_effect=kish_design_effect(stored),
            variables=tuple(MarginVariable(v).label for v in margin_tables(margins)),
        )
    return compute_weights(data, margins, wave.trim_ratio)


@transaction.atomic
def store_weights(wave: Wave, data: WaveData, weights: Weights) -> None:
    """Write each response's weight (None when unweighted, and for answers via the open link,
    which are never weighted as a sample). One UPDATE per distinct weight: weights are equal
    within a cell of the margins, so that is a handful, not one per response. `data` holds the
    representative respondents the weights belong to."""
    Response.objects.filter(wave=wave).update(weight=None)
    if not weights.weighted:
        return
    values, groups = np.unique(weights.weights, return_inverse=True)
    for index, value in enumerate(values):
        chosen = data.ids[groups == index].tolist()
        for start in range(0, len(chosen), 900):
            Response.objects.filter(pk__in=chosen[start : start + 900]).update(weight=float(value))
