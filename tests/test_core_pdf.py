"""core/pdf.py: templates to PDF with the print stylesheet, and nothing fetched from outside."""

import io
import re

import pytest
from django.template import engines
from pypdf import PdfReader

from core.pdf import StaticOnlyFetcher, html_to_pdf, pdf_file_response, static_file
from core.qr import qr_svg

REPORT = """{% extends "pdf/base.html" %}{% block content %}
<h1>{{ title }}</h1>
<nav class="toc"><ol>{% for n in pages %}<li><a href="#s{{ n }}">Avsnitt {{ n }}</a></li>{% endfor %}</ol></nav>
<div class="numbered">{% for n in pages %}
<h2 id="s{{ n }}">Avsnitt {{ n }}</h2><p class="page-break">Text</p>
{% endfor %}</div>
{% endblock %}"""


def test_a_template_becomes_an_a4_pdf_with_page_numbers_and_contents():
    html = (
        engines["django"]
        .from_string(REPORT)
        .render({"title": "Lägesbild Tjörn", "pages": [1, 2, 3]})
    )
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert len(reader.pages) == 3
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    last = reader.pages[2].extract_text()
    assert "3 / 3" in last  # the footer of print.css
    assert "Lägesbild Tjörn" in last  # the running title from the h1
    assert "3. Avsnitt 3" in last  # numbered headings
    contents = reader.pages[0].extract_text()
    for n in (1, 2, 3):  # the table of contents: a dot leader and the heading's page
        assert re.search(rf"Avsnitt {n} \.+ +{n}\n", contents)


def test_static_files_only():
    fetcher = StaticOnlyFetcher()
    assert fetcher.fetch("http://127.0.0.1:8000/static/css/print.css").read().startswith(b"/*")
    for url in (
        "https://example.com/tracker.png",
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/../config/settings.py",
        "http://127.0.0.1:8000/personal/",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert static_file("/static/css/../../config/settings.py") is None


def test_the_response_names_the_file_safely():
    response = pdf_file_response(b"%PDF-1.7", "Lägesbild för Tjörn 2025.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Lagesbild-for-Tjorn-2025.pdf"'
    assert response["Cache-Control"] == "private, no-store"


def test_qr_svg_is_labelled():
    svg = qr_svg("https://example.se/enkat/kod/ABC/", title='Kod "1" <b>')
    assert svg.startswith('<svg role="img" aria-label="Kod &quot;1&quot; &lt;b&gt;"')
    assert "<title>Kod &quot;1&quot; &lt;b&gt;</title>" in svg
