"""The shared chart block (core.charts): an accessible inline SVG with unique ids, the same
values as a table, and nothing plotted for a suppressed or missing value."""

import re

from core.charts import Point, Series, bar_chart, interval_chart, line_chart
from core.privacy import MISSING, FigureState, PublicFigure, Reason

SHOWN = PublicFigure(FigureState.SHOWN, 17.24)
HIDDEN = PublicFigure(FigureState.SUPPRESSED, reason=Reason.SMALL_CELL)
HIDDEN_TOO = PublicFigure(FigureState.SUPPRESSED, reason=Reason.COMPLEMENTARY)


def test_interval_chart_is_an_image_with_a_name_and_a_table(settings):
    settings.LANGUAGE_CODE = "sv"
    chart = interval_chart(
        "Otrygga <ute> & sent",
        ["Samtliga", "Mjöbäck", "Överlida"],
        [Point(SHOWN, 14.1, 19.9), Point(HIDDEN), Point(HIDDEN_TOO)],
    )
    svg = str(chart.svg)
    assert svg.startswith(
        '<svg class="chart-svg" role="img" aria-label="Otrygga &lt;ute&gt; &amp; sent"'
    )
    assert "<title>Otrygga &lt;ute&gt; &amp; sent</title>" in svg
    assert "<?xml" not in svg and "<metadata>" not in svg
    assert chart.table.rows == [
        ["Samtliga", "17 %", "14–20 %"],
        ["Mjöbäck", "för få svar", "för få svar"],
        ["Överlida", "dold", "dold"],
    ]
    assert chart.notes and "inte ritade" in chart.notes[0]


def test_hidden_values_are_not_drawn():
    shown = interval_chart("A", ["x", "y"], [Point(SHOWN), Point(SHOWN)])
    hidden = interval_chart("A", ["x", "y"], [Point(SHOWN), Point(HIDDEN)])
    bars = lambda svg: len(re.findall(r'id="[^"]*patch_\d+"', str(svg)))  # noqa: E731
    assert bars(hidden.svg) == bars(shown.svg) - 1
    assert "visas inte" in str(hidden.svg)


def test_two_charts_on_a_page_share_no_id():
    first = str(interval_chart("A", ["x"], [Point(SHOWN, 10, 20)]).svg)
    second = str(interval_chart("B", ["x"], [Point(SHOWN, 10, 20)]).svg)
    ids = lambda svg: set(re.findall(r'id="([^"]+)"', svg))  # noqa: E731
    assert ids(first) and not ids(first) & ids(second)
    for svg in (first, second):
        for ref in re.findall(r"url\(#([^)]+)\)", svg):
            assert ref in ids(svg)


def test_line_chart_table_per_point_and_missing_stays_missing():
    chart = line_chart(
        "Trend",
        ["2023", "2024", "2025"],
        [
            Series(
                "Otrygga",
                [
                    Point(SHOWN, 15, 20),
                    Point(MISSING),
                    Point(PublicFigure(FigureState.SHOWN, 0.0), 0, 3),
                ],
            )
        ],
    )
    assert chart.table.columns == ["Tidpunkt", "Otrygga", "95 % konfidensintervall"]
    assert chart.table.rows[1] == ["2024", "uppgift saknas", "uppgift saknas"]
    assert chart.table.rows[2][1] == "0 %"


def test_bar_chart_without_intervals():
    chart = bar_chart(
        "Antal", ["a", "b"], [Point(PublicFigure(FigureState.SHOWN, 3)), Point(HIDDEN)], unit="st"
    )
    assert chart.table.rows == [["a", "3 st"], ["b", "för få svar"]]
    assert 'role="img"' in str(chart.svg)


def test_interval_chart_of_counts_has_no_interval_column():
    chart = interval_chart(
        "Händelser",
        ["Tjörn"],
        [Point(PublicFigure(FigureState.SHOWN, 12))],
        unit="",
        intervals=False,
    )
    assert chart.table.columns == ["Grupp", "Värde"]
    assert chart.table.rows == [["Tjörn", "12"]]
