"""Waves whose dates lie around today, so that they can be opened whenever the tests run."""

import datetime

from django.utils import timezone

from surveys.models import Survey, Wave
from tests.survey_factories import wave


def current_wave(s: Survey, **fields: object) -> Wave:
    today = timezone.localdate()
    defaults = {
        "year": today.year,
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=45),
    }
    return wave(s, **{**defaults, **fields})


def wave_data(**overrides: object) -> dict:
    today = timezone.localdate()
    data = {
        "name": f"Trygghetsmätning {today.year}",
        "year": today.year,
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=45)).isoformat(),
        "uses_sample": "on",
        "uses_paper": "on",
        "trim_ratio": "5",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
