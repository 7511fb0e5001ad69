"""Issue 8's demo lägesbild: loaded once by `load_demo`, published and linked to the Södra
Fyrbodal promise; its PDF has the three parts in order, extractable text and every chart with
its table."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from demo.seed_lagesbild import TITLE
from promises.models import Promise
from situation.models import SituationReport
from situation.report.charts import report_charts
from situation.report.services import figures_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_once):
    # Loaded once for the module (tests/conftest.py); this finds it there and adds nothing.
    call_command("load_demo", verbosity=0)
    return SituationReport.objects.get(title=TITLE)


def test_the_demo_lagesbild_loads_once_published_and_linked(client, demo):
    call_command("load_demo", verbosity=0)
    assert SituationReport.objects.filter(title=TITLE).count() == 1
    assert demo.is_published and demo.frozen_figures
    promise = Promise.objects.get(title="Medborgarlöftet 2023–2024 – Södra Fyrbodal")
    assert list(demo.promises.all()) == [promise]
    public = reverse("situation_public:report", args=[demo.pk])
    assert public in client.get(promise.get_absolute_url()).content.decode()
    assert public in client.get(reverse("public:municipality", args=["tjorn"])).content.decode()
    assert client.get(public).status_code == 200


def test_the_demo_pdf_has_the_three_parts_in_order_and_every_chart_with_its_table(client, demo):
    response = client.get(reverse("situation_public:report_pdf", args=[demo.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(" ".join(pages[1:]).split())  # after the contents page
    parts = [
        text.index(f"{n}. {p}")
        for n, p in enumerate(("Kartläggning", "Annan information", "Analys"), start=1)
    ]
    assert parts == sorted(parts)
    assert "Exempel: Tre problem prioriteras" in text
    charts = report_charts(figures_for(demo))
    drawn = [
        c
        for c in (charts.remarks_by_focus_area, charts.stops_by_category, *charts.surveys)
        if c is not None
    ]
    assert drawn, "the demo lägesbild draws at least one chart"
    for chart in drawn:
        assert " ".join(chart.title.split()) in text
        for row in chart.table.rows:  # the table beside it, every row
            assert " ".join(row).replace("  ", " ") in text or all(cell in text for cell in row)


def test_a_lagesbild_of_svenljunga_draws_on_its_closed_survey_waves(demo):
    import datetime

    from organisations.models import Municipality
    from situation.report.builder import build_figures
    from situation.report.figures import Scope

    svenljunga = Municipality.objects.get(code="1465")
    figures = build_figures(
        Scope([svenljunga.pk], [], datetime.date(2020, 1, 1), datetime.date.today())
    )
    (survey,) = figures.surveys.surveys
    assert survey.municipality.name == "Svenljunga"
    assert survey.respondents.shown and survey.respondents.value >= 30
    assert survey.indicators and all(
        i.low is None or i.low <= i.figure.value for i in survey.indicators if i.figure.shown
    )
    charts = report_charts(figures)
    assert charts.surveys and all(c.table.rows for c in charts.surveys)
