"""The lägesbild as a PDF: table of contents, page numbers, the three parts in order, its text
extractable, and every chart with its table."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests import situation_factories as sf
from tests import voices_factories as vf

pytestmark = pytest.mark.django_db
D = datetime.date


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def report(cast):
    r = sf.situation_report(
        cast.tjorn,
        [sf.municipality("1419")],
        title="Lägesbild Tjörn",
        period_start=D(2025, 1, 1),
        period_end=datetime.date.today(),
        analysis_text="Våld i centrum på helgnätter.",
    )
    for i in range(6):
        sf.police_event(i + 1, occurred_on=D(2025, 3, 1 + i))
    vf.approved_report()
    return r


def test_the_pdf_has_contents_page_numbers_and_the_three_parts_in_order(client, cast, report):
    client.force_login(cast.alice)
    response = client.get(reverse("situation_report:pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader, text = pdf_text(response.content)
    pages = len(reader.pages)
    assert f"{pages} / {pages}" in reader.pages[-1].extract_text()
    contents = reader.pages[0].extract_text()
    for part in ("Kartläggning", "Annan information", "Analys"):
        assert re.search(rf"{part} \.+ +\d+", contents), part
    body = text[len(contents) :]
    positions = [
        body.index(f"{n}. {part}")
        for n, part in enumerate(("Kartläggning", "Annan information", "Analys"), start=1)
    ]
    assert positions == sorted(positions)
    assert "Våld i centrum på helgnätter." in text


def test_every_chart_in_the_pdf_has_its_table(client, cast, report):
    client.force_login(cast.alice)
    html = client.get(reverse("situation_report:detail", args=[report.pk])).content.decode()
    titles = re.findall(r'<figcaption class="chart-title">([^<]+)</figcaption>', html)
    assert len(titles) >= 4
    _reader, text = pdf_text(client.get(reverse("situation_report:pdf", args=[report.pk])).content)
    flat = " ".join(text.split())
    for title in titles:
        title = " ".join(title.replace("&#x27;", "'").split())
        assert flat.count(title[:40]) >= 1, title
    assert "Händelser per veckodag" in flat and "sön" in flat
