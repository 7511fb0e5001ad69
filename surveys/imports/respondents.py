"""What the margins importer reads from a wave and tells it: the respondents' categories, and
the results' hook that weights a closed wave again."""

from surveys.imports import population
from surveys.models import Response, Wave
from surveys.models.waves import MarginVariable


def respondent_categories(wave: Wave) -> dict[str, set[str]]:
    """The categories of the representative respondents: their area, and their substantive
    answers about sex and age (the bank's kon and alder questions)."""
    responses = Response.objects.filter(wave=wave, is_representative=True)
    areas = set(responses.exclude(area=None).values_list("area__code", flat=True).distinct())
    areas |= {
        v
        for v in responses.values_list("answers__omrade", flat=True).distinct()
        if isinstance(v, str)
    }
    sexes = {
        v
        for v in responses.values_list("answers__kon", flat=True).distinct()
        if v in population.SEXES
    }
    ages = {
        v
        for v in responses.values_list("answers__alder", flat=True).distinct()
        if v in population.BAND_LABELS
    }
    return {MarginVariable.AREA: areas, MarginVariable.SEX: sexes, MarginVariable.AGE: ages}
