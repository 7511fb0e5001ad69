"""For the demo, the API shows exactly what the public pages show: the same promises, the same
commitment texts, activity titles and done/target figures (suppressed where the page
suppresses them)."""

import pytest

from demo.seed import load_demo
from organisations.models import Municipality
from promises.models import Promise
from public.pages import municipality_page, promise_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_once, db):
    # Loaded once for the module (tests/conftest.py); this finds it there and adds nothing.
    load_demo()


def _page_figures(view) -> list[tuple]:
    return [
        (cv.commitment.text, av.activity.title, av.done.as_dict(), av.target.as_dict())
        for g in view.groups
        for cv in g.commitments
        for av in cv.activities
    ]


def _api_figures(body: dict) -> list[tuple]:
    return [
        (c["text"], a["title"], a["done"], a["target"])
        for g in body["commitment_groups"]
        for c in g["commitments"]
        for a in c["activities"]
    ]


def test_every_public_promise_matches_its_page(client, demo):
    listed = client.get("/api/v1/promises?limit=200").json()
    public_ids = sorted(Promise.objects.public().values_list("id", flat=True))
    assert [p["id"] for p in listed["items"]] == public_ids and public_ids
    for pk in public_ids:
        view = promise_page(pk)["view"]
        body = client.get(f"/api/v1/promises/{pk}").json()
        assert _api_figures(body) == _page_figures(view)
        assert [g["heading"] for g in body["commitment_groups"]] == [g.heading for g in view.groups]
        assert [fu["id"] for fu in body["follow_ups"]] == [fu.pk for fu in view.follow_ups]
        assert [i["name"] for i in body["indicators"]] == [
            iv.indicator.name for iv in view.indicators
        ]
        assert (body["activity_count"], body["activities_done"]) == (
            view.activity_count,
            view.activities_done,
        )


def test_municipality_pages_and_api_list_the_same_current_promises(client, demo):
    for municipality in Municipality.objects.filter(
        organisations__promises__isnull=False
    ).distinct():
        page = municipality_page(municipality)
        body = client.get(f"/api/v1/municipalities/{municipality.code}").json()
        assert [p["id"] for p in body["current_promises"]] == sorted(
            v.promise.pk for v in page["current"]
        )
        assert sorted(c["role_title"] for c in body["contacts"]) == sorted(
            c.role_title for c in page["contacts"]
        )


def test_demo_has_suppressed_figures_and_the_api_marks_them(client, demo):
    states = {
        a["done"]["state"]
        for pk in Promise.objects.public().values_list("id", flat=True)
        for g in client.get(f"/api/v1/promises/{pk}").json()["commitment_groups"]
        for c in g["commitments"]
        for a in c["activities"]
    }
    assert "shown" in states
    pages_states = {
        av.done.state.value
        for pk in Promise.objects.public().values_list("id", flat=True)
        for g in promise_page(pk)["view"].groups
        for cv in g.commitments
        for av in cv.activities
    }
    assert states == pages_states
