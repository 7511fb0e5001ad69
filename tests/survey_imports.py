"""Shared setup for the survey import tests: Tjörn's survey with two areas and an open wave."""

import csv
import io
from dataclasses import dataclass

from organisations.models import Area
from surveys.models import Survey, Wave
from surveys.services import open_wave
from tests.survey_factories import area, survey, wave

CODES = [
    "otrygg_kvall",
    "otrygg_kvall_orsak",
    "oro_samhalle",
    "avstatt",
    "otrygg_plats",
    "omrade",
    "kon",
    "alder",
]


@dataclass
class SurveyWorld:
    survey: Survey
    wave: Wave
    centrum: Area
    skarhamn: Area


def survey_world(cast, *, opened: bool = True) -> SurveyWorld:
    centrum, skarhamn = area("centrum", "Centrum"), area("skarhamn", "Skärhamn")
    s = survey(cast.tjorn, CODES)
    w = wave(s)
    if opened:
        w = open_wave(wave=w, user=cast.alice, parties=[cast.tjorn.pk])
    return SurveyWorld(s, w, centrum, skarhamn)


def csv_bytes(rows: list[list[object]], delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()
