"""A coordinator writes the analysis of a lägesbild, publishes it and downloads the PDF; a
resident reads it from the promise page. axe checks every page on the way."""

import datetime

import pytest

from e2e.conftest import log_in
from situation.models import SituationReport
from tests import situation_factories as sf
from tests.factories import PASSWORD, make_cast, promise

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_coordinator_writes_the_analysis_publishes_and_downloads_the_pdf(checked_page):
    cast = make_cast()
    report = sf.situation_report(
        cast.tjorn,
        [sf.municipality("1419")],
        title="Lägesbild Tjörn 2025",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    for i in range(8):
        sf.police_event(i + 1, occurred_on=datetime.date(2025, 3, 1 + i))
    published = promise([cast.police, cast.tjorn], status="published", title="Löftet 2026")
    report.promises.add(published)

    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.menu("Lägesbild", "Lägesbild")
    p.follow("Lägesbild Tjörn 2025")
    assert "Polisens händelsenotiser" in p.text()
    analysis = p.page.locator("section[aria-labelledby=analys]")
    with p.page.expect_navigation():
        analysis.get_by_role("link", name="Skriv texten").click()
    p.check()
    p.page.fill("#id_analysis_text", "Misshandel i centrum på helgnätter är det största problemet.")
    p.submit("Spara texten")
    assert "Misshandel i centrum på helgnätter" in p.text()

    p.follow("Publicera lägesbilden")
    p.submit("Publicera")
    assert "Lägesbilden är publicerad" in p.text()
    report.refresh_from_db()
    assert report.status == SituationReport.Status.PUBLISHED

    with p.page.expect_download() as info:
        p.page.get_by_role("link", name="Ladda ner som PDF").click()
    download = info.value
    assert download.suggested_filename == "lagesbild-tjorn-2025.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    p.goto(published.get_absolute_url())
    p.follow("Lägesbilden: Lägesbild Tjörn 2025")
    assert "Misshandel i centrum på helgnätter" in p.text()
