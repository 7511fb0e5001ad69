"""The EST demo: reporters who can log in, a year of observations in Tjörn, the same every
time, added once; the weekly picture and the analysis have something to show."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo import est_seed
from situation.models import EstObservation, WeeklyCompilation

# The demo is loaded once for the module (tests/conftest.py); each test's `load_demo` adds
# nothing to it, and what a test changes is rolled back after it.
pytestmark = pytest.mark.usefixtures("demo_once")


def test_the_est_demo_loads_once_with_reporters_who_log_in(db, client):
    call_command("load_demo", verbosity=0)
    count = EstObservation.objects.count()
    assert 300 <= count <= 500
    assert WeeklyCompilation.objects.count() == 4
    call_command("load_demo", verbosity=0)
    assert EstObservation.objects.count() == count
    for username, *_rest in est_seed.REPORTERS:
        assert client.login(username=username, password="demo-lofte-2026")
        assert client.get(reverse("est_staff:observation_create")).status_code == 200
    texts = set(EstObservation.objects.values_list("description", flat=True))
    assert all(text.startswith("Exempel: ") for text in texts)
    days = EstObservation.objects.values_list("observed_on", flat=True)
    assert max(days) <= timezone.localdate()
    assert (max(days) - min(days)).days > 300


def test_the_demo_draws_the_same_observations_every_time(db):
    call_command("load_demo", verbosity=0)
    first = list(
        EstObservation.objects.order_by("id").values_list(
            "category__code", "time_of_day", "latitude"
        )
    )
    EstObservation.objects.all().delete()
    WeeklyCompilation.objects.all().delete()
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username__startswith="est-").delete()
    call_command("load_demo", verbosity=0)
    again = list(
        EstObservation.objects.order_by("id").values_list(
            "category__code", "time_of_day", "latitude"
        )
    )
    assert again == first


def test_the_coordinator_sees_hot_spots_in_the_demo_year(db, client):
    call_command("load_demo", verbosity=0)
    client.login(username="samordnare", password="demo-lofte-2026")
    year = timezone.localdate().year
    page = client.get(reverse("est_staff:analysis", args=[str(year)]) + "?kommun=1419")
    assert page.status_code == 200
    hot = page.context["hot"]
    assert hot is not None and any(c.confidence == 99 for c in hot.cells)
    week = client.get(reverse("est_staff:current_week") + "?kommun=1419", follow=True)
    assert week.status_code == 200 and week.context["form"] is not None
