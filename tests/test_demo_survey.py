"""Svenljunga's safety survey in the demo: two closed waves of generated answers labelled as
example data, weighted, measuring the promise's indicator; loading again adds nothing."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo.survey_demo import load_survey_demo
from promises.models import Measurement
from surveys.models import Response, Survey, SurveyIndicator, Wave

# The demo is loaded once for the module (tests/conftest.py); each test's `load_demo` adds
# nothing to it, and what a test changes is rolled back after it.
pytestmark = pytest.mark.usefixtures("demo_once")


def test_demo_survey_loads_once_and_measures_the_promise(db, client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    survey = Survey.objects.get()
    assert "exempeldata" in survey.title["sv"]
    waves = list(Wave.objects.order_by("year"))
    assert [w.year for w in waves] == [2024, 2025]
    assert all(w.status == Wave.Status.CLOSED and "exempeldata" in w.name for w in waves)
    assert not Response.objects.filter(weight__isnull=True).exists()
    automatic = Measurement.objects.exclude(source_key="")
    assert sorted(automatic.values_list("date__year", flat=True)) == [2024, 2025]
    assert all(m.low < m.value < m.high for m in automatic)
    body = client.get(reverse("public:safety_survey", args=["svenljunga"])).content.decode()
    assert "exempeldata" in body and "mellan" in body
    promise = automatic.first().indicator.promise
    body = client.get(reverse("public:promise", args=[promise.pk])).content.decode()
    assert "mellan" in body and "procent" in body


def test_survey_is_added_to_an_older_demo(db):
    call_command("load_demo", verbosity=0)
    SurveyIndicator.objects.all().delete()
    Survey.objects.all().delete()
    assert load_survey_demo() is True
    assert Wave.objects.count() == 2
