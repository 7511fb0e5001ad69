"""The public API: endpoints, filters, pagination, conditional GET, CORS, error shape, nothing
non-public, and a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from promises.models import Promise
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    world.promise.refresh_from_db()
    return world


def assert_error(response, status: int, code: str, field: str | None = None):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"status", "code", "message", "fields"}
    assert (error["status"], error["code"]) == (status, code)
    assert error["message"]
    if field:
        assert field in [e["name"] for e in error["fields"]]


def test_municipalities_filters_and_envelope(client, published):
    body = client.get("/api/v1/municipalities?lan=14&has_promise=true").json()
    assert set(body) == {"count", "limit", "offset", "next", "previous", "items"}
    codes = {m["kommunkod"] for m in body["items"]}
    assert codes == {"1419", "1421"}  # Härryda's promise is a draft
    one = client.get("/api/v1/municipalities?kommunkod=1401").json()
    assert [m["has_promise"] for m in one["items"]] == [False]
    assert client.get("/api/v1/municipalities?lan=14&has_promise=false").json()["count"] > 40


def test_municipality_detail(client, cast, published):
    f.contact(cast.tjorn, role_title="Trygghetssamordnare", email="trygg@tjorn.se")
    body = client.get("/api/v1/municipalities/1419").json()
    assert body["name"] == "Tjörn" and body["lan"]["code"] == "14"
    assert [a["name"] for a in body["police_areas"]] == ["Södra Fyrbodal"]
    assert [p["id"] for p in body["current_promises"]] == [published.promise.pk]
    assert "trygg@tjorn.se" in [c["email"] for c in body["contacts"]]
    assert_error(client.get("/api/v1/municipalities/9999"), 404, "not_found")


def test_promise_filters(client, cast, published):
    other = f.promise([cast.police, cast.orust], status="concluded", title="Orust 2020")
    other.period_start, other.period_end = datetime.date(2019, 1, 1), datetime.date(2020, 12, 31)
    other.save()
    area = published.promise.focus_areas.model.objects.first()
    published.promise.focus_areas.add(area)

    def ids(query: str) -> list[int]:
        return [p["id"] for p in client.get(f"/api/v1/promises?{query}").json()["items"]]

    assert ids("") == [published.promise.pk, other.pk]
    assert ids("kommunkod=1419") == [published.promise.pk]
    assert ids("kommunkod=1421") == [published.promise.pk, other.pk]
    assert ids("kommunkod=1401") == []  # a draft never shows
    assert ids("lan=14&status=concluded") == [other.pk]
    assert ids("year=2020") == [other.pk]
    assert ids("year=2025") == [published.promise.pk]
    assert ids(f"focus_area={area.pk}") == [published.promise.pk]


@pytest.mark.parametrize(
    "query,field",
    [
        ("kommunkod=14", "kommunkod"),
        ("lan=x", "lan"),
        ("status=draft", "status"),
        ("year=abc", "year"),
        ("limit=500", "limit"),
        ("offset=-1", "offset"),
        ("focus_area=0", "focus_area"),
    ],
)
def test_bad_filter_is_422_naming_the_field(client, query, field):
    assert_error(client.get(f"/api/v1/promises?{query}"), 422, "invalid", field)


def test_errors_have_one_shape(client, db):
    assert_error(client.get("/api/v1/promises/999999"), 404, "not_found")
    assert_error(client.get("/api/v1/no-such-thing"), 404, "not_found")
    assert_error(client.post("/api/v1/promises"), 405, "method_not_allowed")
    assert_error(client.get("/api/v1/progress-updates?since=yesterday"), 422, "invalid", "since")
    assert_error(client.get("/api/v1/staff/promises/1"), 401, "unauthorized")


def test_pagination_is_stable_and_linked(client, cast):
    made = [f.promise([cast.police, cast.tjorn], status="published") for _ in range(5)]
    first = client.get("/api/v1/promises?limit=2").json()
    assert first["count"] == 5 and first["previous"] is None
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    assert third["next"] is None and second["previous"].endswith("limit=2&offset=0")
    seen = [p["id"] for page in (first, second, third) for p in page["items"]]
    assert seen == sorted(p.pk for p in made)


def test_etag_and_last_modified_answer_304(client, published):
    url = f"/api/v1/promises/{published.promise.pk}"
    response = client.get(url)
    assert response.status_code == 200 and response["ETag"] and response["Last-Modified"]
    assert "max-age" in response["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    f.progress(published.police_activity, 3, created_at=timezone.now())
    changed = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != response["ETag"]
    listing = client.get("/api/v1/promises")
    assert client.get("/api/v1/promises", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304


def test_cors_open_for_get_and_preflight_but_not_for_staff(client, published):
    assert client.get("/api/v1/promises")["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/promises", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", HTTP_ORIGIN="https://x.se"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/staff/promises/1")
    assert client.options("/api/v1/staff/promises/1").status_code != 204


def test_nothing_unpublished_internal_or_non_public(client, cast, published):
    w = published
    f.progress(w.police_activity, 2, text="INTERN RAPPORT", is_public=False)
    f.progress(w.police_activity, 2, text="OGRANSKAD RAPPORT", approved_at=None)
    f.progress(w.police_activity, 2, text="PUBLIK RAPPORT")
    f.progress(w.other_activity, 2, text="UTKASTETS RAPPORT")  # Härryda's promise is a draft
    w.follow_up.summary = "OPUBLICERAD UPPFÖLJNING"
    w.follow_up.save()
    f.indicator(w.promise, name="HEMLIG INDIKATOR", is_public=False)
    f.agreement([cast.police, cast.tjorn], title="HEMLIG ÖVERENSKOMMELSE", is_public=False)
    w.other_promise.title = "UTKASTET"
    w.other_promise.save()
    cast.alice.email = "alice@tjorn.se"
    cast.alice.save()
    texts = "".join(
        client.get(url).content.decode()
        for url in [
            "/api/v1/promises",
            f"/api/v1/promises/{w.promise.pk}",
            "/api/v1/progress-updates",
            "/api/v1/agreements",
            "/api/v1/municipalities/1419",
            "/api/v1/municipalities/1401",
        ]
    )
    assert "PUBLIK RAPPORT" in texts and w.promise.title in texts
    for secret in [
        "INTERN RAPPORT",
        "OGRANSKAD RAPPORT",
        "UTKASTETS RAPPORT",
        "OPUBLICERAD UPPFÖLJNING",
        "HEMLIG INDIKATOR",
        "HEMLIG ÖVERENSKOMMELSE",
        "UTKASTET",
        "alice",
    ]:
        assert secret not in texts
    assert client.get(f"/api/v1/promises/{w.other_promise.pk}").status_code == 404


def test_people_counts_are_suppressed(client, published):
    w = published
    w.tjorn_activity.counts_people = True
    w.tjorn_activity.save()
    f.progress(w.tjorn_activity, 3, text="Tre föräldrar kom.")
    f.progress(w.police_activity, 3)
    f.indicator(w.promise, name="Personer", counts_people=True, baseline=2, baseline_year=2024)
    body = client.get(f"/api/v1/promises/{w.promise.pk}").json()
    activities = {
        a["title"]: a
        for g in body["commitment_groups"]
        for c in g["commitments"]
        for a in c["activities"]
    }
    assert activities["Föräldraträffar"]["done"] == {"state": "suppressed", "value": None}
    assert activities["Riktade insatser"]["done"] == {"state": "shown", "value": 3}
    people = next(i for i in body["indicators"] if i["name"] == "Personer")
    assert people["baseline"] == {"state": "suppressed", "value": None}
    updates = client.get(f"/api/v1/progress-updates?promise={w.promise.pk}").json()["items"]
    quantity = {u["text"]: u["quantity"] for u in updates}
    assert quantity["Tre föräldrar kom."] == {"state": "suppressed", "value": None}


def test_revision_and_agreements(client, cast, published):
    from promises.services.editing import add_revision

    add_revision(published.promise, user=cast.alice, note="Första versionen")
    body = client.get(f"/api/v1/promises/{published.promise.pk}").json()
    assert [(r["number"], r["change_note"]) for r in body["revisions"]] == [(1, "Första versionen")]
    revision = client.get(body["revisions"][0]["api_url"]).json()
    assert revision["text"]["title"] == published.promise.title
    assert_error(
        client.get(f"/api/v1/promises/{published.promise.pk}/revisions/9"), 404, "not_found"
    )
    agreements = client.get("/api/v1/agreements?kommunkod=1419").json()["items"]
    assert [a["title"] for a in agreements] == [published.agreement.title]
    assert agreements[0]["groups"][0]["members"] == ["Kommundirektör"]
    assert client.get("/api/v1/agreements?kommunkod=1421").json()["count"] == 0


def test_progress_update_filters(client, published):
    w = published
    f.progress(w.police_activity, 1, text="Tidig", date=datetime.date(2025, 2, 1))
    f.progress(w.police_activity, 1, text="Sen", date=datetime.date(2025, 6, 1))

    def texts(query: str) -> list[str]:
        return [u["text"] for u in client.get(f"/api/v1/progress-updates?{query}").json()["items"]]

    assert texts("since=2025-05-01") == ["Sen"]
    assert texts("kommunkod=1419") == ["Tidig", "Sen"]
    assert texts("kommunkod=1401") == []
    assert texts(f"promise={w.promise.pk}&limit=1") == ["Tidig"]


def _build(cast, n: int) -> Promise:
    p = f.promise([cast.police, cast.tjorn], status="published")
    commitments = [f.commitment(p, given_by=g) for g in ("police", "municipalities", "together")]
    for i in range(n):
        a = f.activity(commitments[i % 3], cast.police, title=f"A{i}", counts_people=i % 2 == 0)
        f.progress(a, 1)
    fu = f.follow_up(p, is_published=True)
    for c in commitments:
        fu.verdicts.create(commitment=c, verdict="genomford", reason="Klart.")
    ind = f.indicator(p, baseline=3, baseline_year=2024)
    ind.measurements.create(date=datetime.date(2025, 1, 1), value=2)
    return p


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/promises/{pk}",
        "/api/v1/promises",
        "/api/v1/progress-updates",
        "/api/v1/municipalities/1419",
        "/api/v1/agreements",
    ],
)
def test_query_count_does_not_grow_with_the_data(client, cast, url):
    small, large = _build(cast, 5), _build(cast, 50)
    counts = []
    for p in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url.format(pk=p.pk)).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
