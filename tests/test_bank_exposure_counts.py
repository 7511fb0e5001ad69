"""The bank's "how many times" items count whole times: 2,5 is refused (see also
test_answer_pages), and a version a wave has asked is never changed in place."""

import importlib

import pytest
from django.apps import apps

from surveys.bank_data import QUESTION_BANK
from surveys.models import Item, WaveStatus
from tests import survey_factories as sf

pytestmark = pytest.mark.django_db

migration = importlib.import_module("surveys.migrations.0004_exposure_counts_are_whole_numbers")
COUNTS = [e["code"] for e in QUESTION_BANK if e["code"].endswith("_antal")]


def test_every_count_in_the_bank_takes_whole_numbers():
    assert sorted(COUNTS) == sorted(migration.CODES)
    for code in COUNTS:
        assert Item.objects.get(code=code).latest_version().constraints["integer"] is True


def test_a_version_already_asked_gets_a_new_version_instead(cast):
    item = Item.objects.get(code="utsatt_hot_antal")
    asked = item.latest_version()
    asked.constraints = {"min": 1, "max": 100}
    asked.save()
    survey = sf.survey(cast.tjorn, codes=["utsatt_hot"])
    sf.wave(survey, status=WaveStatus.CLOSED, question_versions={"utsatt_hot_antal": asked.pk})
    migration.whole_numbers(apps, None)
    asked.refresh_from_db()
    assert asked.constraints == {"min": 1, "max": 100}, "what was asked stays as it was"
    newest = item.latest_version()
    assert newest.number == asked.number + 1 and newest.constraints["integer"] is True
    assert newest.wording == asked.wording
    migration.whole_numbers(apps, None)
    assert item.versions.count() == newest.number, "run twice, changed once"
