"""The report to kommunfullmäktige of a promise's follow-up: a staff page and the same content as
a PDF with a table of contents and page numbers, sections in order, every chart with its table,
small counts of people suppressed; generated from the demo too."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from organisations.models import Membership
from promises.models import Activity, FollowUp, Measurement, Verdict
from tests.factories import activity, commitment, indicator, progress

SECTIONS = [
    "Sammanfattning",
    "Bedömning per åtagande",
    "Aktiviteternas framsteg",
    "Indikatorer",
    "Det här ändras nästa period",
]


def page_url(follow_up: FollowUp) -> str:
    return reverse("situation_staff:council_report", args=[follow_up.pk])


def pdf_url(follow_up: FollowUp) -> str:
    return reverse("situation_staff:council_report_pdf", args=[follow_up.pk])


@pytest.fixture
def followed_up(cast, world):
    """World's follow-up with verdicts, 2 of 3 activities done (one counting 3 people) and an
    indicator with two measurements."""
    fu = world.follow_up
    fu.next_period_changes = "Fler föräldraträffar i Skärhamn."
    fu.save()
    Activity.objects.filter(pk=world.police_activity.pk).update(status=Activity.Status.DONE)
    people = activity(
        world.police_commitment,
        cast.police,
        title="Samtal med unga",
        counts_people=True,
        target_quantity=20,
        unit="personer",
        status=Activity.Status.DONE,
    )
    progress(people, 3)
    Verdict.objects.create(
        follow_up=fu, commitment=world.police_commitment, verdict="genomford", reason="Klart."
    )
    Verdict.objects.create(
        follow_up=fu,
        commitment=world.tjorn_activity.commitment,
        verdict="delvis",
        reason="Hälften av träffarna.",
    )
    for day, value in (("2024-11-01", "31.5"), ("2025-11-01", "27.0")):
        Measurement.objects.create(indicator=world.indicator, date=day, value=value)
    return fu


def pdf_text(content: bytes) -> tuple[list[str], str]:
    reader = PdfReader(io.BytesIO(content))
    pages = [p.extract_text() for p in reader.pages]
    return pages, "\n".join(pages)


def test_the_staff_page_shows_the_report(client, cast, followed_up):
    client.force_login(cast.bra_member)
    response = client.get(page_url(followed_up))
    assert response.status_code == 200
    body = response.content.decode()
    positions = [body.index(f'">{title}</h2>') for title in SECTIONS]
    assert positions == sorted(positions)
    assert "2 av 3 aktiviteter genomförda" in body
    assert "Fler föräldraträffar i Skärhamn." in body
    # Every chart is followed by its table.
    figures = re.findall(r'<figure class="chart">.*?</figure>', body, flags=re.S)
    assert len(figures) == 3
    assert all("<svg" in f and "<table>" in f for f in figures)
    # The people counted are fewer than 5: not shown, as on the public pages.
    assert "färre än 5" in body
    follow_up_page = client.get(reverse("staff:follow_up_detail", args=[followed_up.pk]))
    assert pdf_url(followed_up) in follow_up_page.content.decode()


def test_who_may_read_it(client, cast, world, followed_up):
    client.force_login(cast.charlie)  # another tenant
    assert client.get(page_url(followed_up)).status_code == 404
    assert client.get(pdf_url(followed_up)).status_code == 404
    client.force_login(cast.viewer)  # a party's viewer reads it
    assert client.get(page_url(followed_up)).status_code == 200
    client.logout()
    assert client.get(pdf_url(followed_up)).status_code == 302
    client.force_login(cast.alice)
    assert client.post(pdf_url(followed_up)).status_code == 405


def test_the_pdf_has_contents_page_numbers_and_a_table_for_every_chart(client, cast, followed_up):
    client.force_login(cast.alice)
    response = client.get(pdf_url(followed_up))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="rapport-')
    pages, text = pdf_text(response.content)
    # The table of contents: each section with a dot leader and its page number.
    for title in SECTIONS:
        assert re.search(rf"{title} \.+ +\d+", pages[0]), title
    numbered = [text.index(f"{n}. {title}") for n, title in enumerate(SECTIONS, start=1)]
    assert numbered == sorted(numbered)
    assert f"1 / {len(pages)}" in pages[0] and f"{len(pages)} / {len(pages)}" in pages[-1]
    for title in (
        "Åtagandena efter bedömning (antal åtaganden)",
        "Andel genomförda aktiviteter per åtagande (procent)",
        "Andel otrygga: mätvärden",
    ):
        # The chart's title over the chart, and its table's caption under it.
        assert text.count(title) >= 2, title
    assert "2 av 3 aktiviteter genomförda" in text
    assert "färre än 5" in text
    assert "31,5" in text and "27,0" in text


def test_a_follow_up_without_activities_or_indicators_says_so(client, cast, world):
    world.indicator.delete()
    for c in world.promise.commitments.all():
        c.activities.all().delete()
    client.force_login(cast.alice)
    body = client.get(page_url(world.follow_up)).content.decode()
    assert "Inga aktiviteter är planerade." in body
    assert "Löftet har inga indikatorer." in body
    assert "<figure" not in body


def test_an_indicator_counting_people_is_suppressed(client, cast, world):
    indicator_ = indicator(world.promise, name="Unga i insatser", counts_people=True, unit="")
    Measurement.objects.create(indicator=indicator_, date="2025-06-01", value=3)
    commitment(world.promise)
    client.force_login(cast.alice)
    body = client.get(page_url(world.follow_up)).content.decode()
    section = body[body.index("Unga i insatser") :]
    assert "för få svar" in section.split("</figure>")[0]


def test_the_demo_s_follow_ups_make_readable_pdfs(client, db):
    call_command("load_demo", verbosity=0)
    for follow_up in FollowUp.objects.select_related("promise"):
        member = Membership.objects.filter(organisation__in=follow_up.promise.parties.all())
        client.force_login(member.first().user)
        response = client.get(pdf_url(follow_up))
        assert response.status_code == 200
        pages, text = pdf_text(response.content)
        assert follow_up.promise.title in text
        numbered = [text.index(f"{n}. {title}") for n, title in enumerate(SECTIONS, start=1)]
        assert numbered == sorted(numbered)
        assert "av" in text and "genomförd" in text
