"""Factories for survey results: a Tjörn survey of the bank's core questions with areas, waves
full of generated answers, and population margins."""

import numpy as np

from demo.survey_answers import generated_answers
from surveys.models import Margin, Response, Survey, Wave
from tests import survey_factories as sf

CODES = [
    "otrygg_kvall",
    "otrygg_kvall_orsak",
    "oro_samhalle",
    "oro_inbrott",
    "avstatt",
    "fortroende_polis",
    "problem_nedskrapning",
    "problem_fortkorning",
    "trygghet_index",
    "forslag",
    "kon",
    "alder",
]
AREAS = [("skarhamn", "Skärhamn"), ("kladesholmen", "Klädesholmen"), ("ronnang", "Rönnäng")]


def results_survey(organisation, codes: list[str] = CODES) -> tuple[Survey, list]:
    areas = [sf.area(code, name) for code, name in AREAS]
    return sf.survey(organisation, codes), areas


def closed_wave(s: Survey, year: int, **fields: object) -> Wave:
    """A closed wave that asked the survey's current questions (frozen as opening does)."""
    w = sf.wave(
        s,
        name=f"Trygghetsmätning {year}",
        year=year,
        opens_on=sf.D(year, 9, 1),
        closes_on=sf.D(year, 10, 31),
        **fields,
    )
    w.question_versions = dict(s.questions.values_list("key", "item_version_id"))
    w.status = Wave.Status.CLOSED
    w.save()
    return w


def fill(w: Wave, areas: list, per_area: list[int], seed: int = 1, unsafe: float = 0.18) -> None:
    """Generated responses, `per_area[i]` in areas[i]; only keys the survey asks are kept."""
    keys = set(w.survey.questions.values_list("key", flat=True))
    rng = np.random.default_rng(seed)
    responses = []
    for area, count in zip(areas, per_area, strict=True):
        for _ in range(count):
            answers = {k: v for k, v in generated_answers(rng, unsafe=unsafe).items() if k in keys}
            responses.append(
                Response(
                    wave=w,
                    mode=Response.Mode.SAMPLE,
                    area=area,
                    submitted_on=w.closes_on,
                    answers=answers,
                )
            )
    Response.objects.bulk_create(responses)


def margins(w: Wave, areas: list, populations: list[int]) -> None:
    total = sum(populations)
    rows = [
        Margin(wave=w, variable="area", category=a.code, population=p)
        for a, p in zip(areas, populations, strict=True)
    ]
    women = total // 2
    rows += [
        Margin(wave=w, variable="kon", category="kvinna", population=women),
        Margin(wave=w, variable="kon", category="man", population=total - women),
    ]
    shares = [0.22, 0.23, 0.32]
    ages = [round(total * s) for s in shares]
    ages.append(total - sum(ages))
    rows += [
        Margin(wave=w, variable="alder", category=c, population=p)
        for c, p in zip(["16-29", "30-44", "45-64", "65-84"], ages, strict=True)
    ]
    Margin.objects.bulk_create(rows)


class TwoWaves:
    """Tjörn's survey with a 2024 and a 2025 wave, closed and weighted; the areas with 300, 90
    and 25 respondents (the last too few to show)."""

    def __init__(self, organisation, per_area: tuple[int, int, int] = (300, 90, 25)) -> None:
        from surveys.results import on_wave_closed

        self.survey, self.areas = results_survey(organisation)
        self.earlier = closed_wave(self.survey, 2024)
        self.later = closed_wave(self.survey, 2025)
        fill(self.earlier, self.areas, list(per_area), seed=1, unsafe=0.3)
        fill(self.later, self.areas, list(per_area), seed=2, unsafe=0.12)
        for wave in (self.earlier, self.later):
            margins(wave, self.areas, [3000, 900, 600])
            on_wave_closed(wave)
