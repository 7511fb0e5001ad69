"""Staff pages of the lägesbild: create, texts, focus areas carried into a promise, publish
(which freezes the figures), PDF link, delete; and who may do what."""

import datetime

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from promises.models import Promise
from situation.models import SituationReport
from tests import situation_factories as sf
from tests import voices_factories as vf

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def report(cast):
    r = sf.situation_report(
        cast.tjorn,
        [sf.municipality("1419")],
        title="Lägesbild Tjörn 2025",
        period_start=D(2025, 1, 1),
        period_end=D(2025, 12, 31),
    )
    for i in range(4):
        sf.police_event(i + 1, occurred_on=D(2025, 3, 1))
    return r


def url(name: str, *args) -> str:
    return reverse(f"situation_report:{name}", args=args)


def test_create_refuses_a_period_that_ends_before_it_starts(client, cast):
    client.force_login(cast.alice)
    data = {
        "title": "Lägesbild",
        "organisation": cast.tjorn.pk,
        "municipalities": [sf.municipality("1419").pk],
        "period_start": "2025-12-31",
        "period_end": "2025-01-01",
    }
    response = client.post(url("create"), data)
    assert response.status_code == 400
    assert "Perioden slutar innan den börjar" in response.content.decode()
    assert not SituationReport.objects.exists()
    data["period_start"], data["period_end"] = "2025-01-01", "2025-12-31"
    response = client.post(url("create"), data)
    report = SituationReport.objects.get()
    assert response.url == url("detail", report.pk)
    assert AuditEntry.objects.filter(action="situation_report.created").count() == 1


def test_a_period_with_no_data_says_so_and_draws_no_chart(client, cast):
    client.force_login(cast.alice)
    empty = sf.situation_report(cast.tjorn, [sf.municipality("1419")])
    page = client.get(url("detail", empty.pk)).content.decode()
    assert "Det finns inga uppgifter inlästa för perioden" in page
    assert "<svg" not in page
    assert "Publicera lägesbilden" not in page
    response = client.post(url("publish", empty.pk), follow=True)
    assert "inga uppgifter för perioden att publicera" in response.content.decode()
    empty.refresh_from_db()
    assert not empty.is_published


def test_detail_shows_the_three_parts_with_charts_and_tables(client, cast, report):
    client.force_login(cast.alice)
    page = client.get(url("detail", report.pk)).content.decode()
    parts = [page.index(f'id="{k}"') for k in ("kartlaggning", "annan-information", "analys")]
    assert parts == sorted(parts)
    assert page.count('class="chart-svg"') >= 2
    assert page.count("<table>") >= page.count('class="chart-svg"')
    assert "Polisens händelsenotiser" in page
    assert "Källor som har lämnats utanför" in page


def test_coordinator_writes_the_analysis(client, cast, report):
    client.force_login(cast.alice)
    response = client.post(url("text", report.pk, "analys"), {"analysis_text": "Våld i centrum."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.analysis_text == "Våld i centrum."
    assert AuditEntry.objects.filter(action="situation_report.text_analys").exists()
    assert client.get(url("text", report.pk, "okand")).status_code == 404


def test_a_focus_area_becomes_a_draft_promise_with_one_action(client, cast, report):
    client.force_login(cast.alice)
    client.post(
        url("focus_area_create", report.pk),
        {
            "title": "Narkotika i centrum",
            "priority": 1,
            "rationale": "Fler narkotikabrott.",
            "measure_kind": "both",
            "horizon": "short",
        },
    )
    focus = report.suggested_focus_areas.get()
    response = client.post(url("focus_area_promise", report.pk, focus.pk))
    promise = Promise.objects.get()
    assert response.url == promise.get_staff_url()
    assert promise.status == Promise.Status.DRAFT
    assert [f.name for f in promise.focus_areas.all()] == ["Narkotika i centrum"]
    assert list(promise.situation_reports.all()) == [report]
    assert {cast.tjorn, cast.police} <= set(promise.parties.all())
    focus.refresh_from_db()
    assert focus.created_promise == promise
    assert AuditEntry.objects.filter(action="promise.created", object_id=str(promise.pk)).exists()
    client.post(url("focus_area_promise", report.pk, focus.pk))  # twice: nothing more
    assert Promise.objects.count() == 1


def test_publishing_freezes_the_figures(client, cast, report):
    client.force_login(cast.alice)
    assert client.get(url("publish", report.pk)).status_code == 200  # asks first
    client.post(url("publish", report.pk))
    report.refresh_from_db()
    assert report.is_published and report.frozen_figures
    sf.police_event(99, occurred_on=D(2025, 6, 1))  # a later import
    page = client.get(url("detail", report.pk)).content.decode()
    assert "4 händelser under perioden" in page
    public = client.get(reverse("situation_public:report", args=[report.pk])).content.decode()
    assert "4 händelser under perioden" in public
    assert client.post(url("text", report.pk, "analys"), {"analysis_text": "x"}).status_code == 403
    assert AuditEntry.objects.filter(action="situation_report.published").exists()


def test_delete_asks_first(client, cast, report):
    client.force_login(cast.alice)
    page = client.get(url("delete", report.pk)).content.decode()
    assert "Det går inte att ångra" in page
    assert SituationReport.objects.exists()
    client.post(url("delete", report.pk))
    assert not SituationReport.objects.exists()
    assert AuditEntry.objects.filter(action="situation_report.deleted").exists()


def test_other_tenants_and_viewers(client, cast, report):
    client.force_login(cast.charlie)
    assert client.get(url("detail", report.pk)).status_code == 404
    client.force_login(cast.viewer)
    assert client.get(url("detail", report.pk)).status_code == 200
    assert client.post(url("text", report.pk, "analys"), {"analysis_text": "x"}).status_code == 403
    assert client.get(url("create")).status_code == 403
    client.logout()
    assert client.get(url("detail", report.pk)).status_code == 302


def test_a_draft_is_not_public(client, cast, report):
    assert client.get(reverse("situation_public:report", args=[report.pk])).status_code == 404


def test_the_staff_page_keeps_to_a_fixed_number_of_queries(client, cast, report):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.alice)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(url("detail", report.pk))
        return len(captured)

    few = count()
    for i in range(20):
        sf.police_event(100 + i, occurred_on=D(2025, 5, 1), type=f"Typ {i}")
        vf.approved_report()
    sf.focus_area(report)
    sf.focus_area(report, title="Trafik")
    assert count() == few


def test_the_published_report_is_linked_from_its_promise_and_municipality(client, cast, report):
    promise = sf_promise(cast)
    report.promises.add(promise)
    municipality_page = reverse("public:municipality", args=["tjorn"])
    public_url = reverse("situation_public:report", args=[report.pk])
    assert public_url not in client.get(promise.get_absolute_url()).content.decode()
    client.force_login(cast.alice)
    client.post(url("publish", report.pk))
    client.logout()
    assert public_url in client.get(promise.get_absolute_url()).content.decode()
    assert public_url in client.get(municipality_page).content.decode()
    page = client.get(public_url).content.decode()
    assert promise.get_absolute_url() in page
    pdf = client.get(reverse("situation_public:report_pdf", args=[report.pk]))
    assert pdf["Content-Type"] == "application/pdf"


def sf_promise(cast):
    from tests.factories import promise

    return promise([cast.police, cast.tjorn], status=Promise.Status.PUBLISHED)


def test_the_public_page_and_pdf_do_not_name_draft_promises(client, cast, report):
    import io

    from pypdf import PdfReader

    from tests.factories import promise

    report.promises.add(promise([cast.police, cast.tjorn], title="Hemligt utkast 2027"))
    client.force_login(cast.alice)
    client.post(url("publish", report.pk))
    assert "Hemligt utkast 2027" in client.get(url("detail", report.pk)).content.decode()
    client.logout()
    page = client.get(reverse("situation_public:report", args=[report.pk])).content.decode()
    assert "Hemligt utkast 2027" not in page
    pdf = client.get(reverse("situation_public:report_pdf", args=[report.pk])).content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Hemligt utkast" not in text
