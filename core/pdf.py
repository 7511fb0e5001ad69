"""PDF from Django templates, with WeasyPrint: the one way the platform makes PDFs.

A PDF template extends `pdf/base.html`, which links the print stylesheet `static/css/print.css`
(A4, margins, page numbers "3 / 12" in the footer, and a table of contents that gets its page
numbers from CSS `target-counter`). Use it like this::

    from core.pdf import pdf_response
    return pdf_response("situation/report_pdf.html", {"report": report}, "lagesbild-2025.pdf")

or `render_pdf(...)` for the bytes (to attach to an e-mail or store).

Fetching is locked down: a template may use the platform's static files (`{% static %}`) and
`data:` URIs, nothing else, so a PDF never reaches out to the network and text that staff typed
cannot make the renderer read local files. Fonts come from the system (Debian's fonts-dejavu
covers Swedish and Arabic).

Time and memory grow with the number of pages (40–70 ms of CPU and about 0.5 MB a page for a
letter-like page): split long runs into parts (see surveys.letters, 100 letters a file) rather
than render thousands of pages in one request.
"""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

MEDIA_TYPE = "application/pdf"
SVG_PROPERTIES = ("fill", "stroke", "text-anchor", "clip-path", "mix-blend-mode")


class _InlineSvgStyles(logging.Filter):
    """Charts (core.charts) are inline SVG with fill and stroke in style attributes. WeasyPrint's
    HTML stylesheet reader warns that it does not know them, then draws them all the same
    with its SVG renderer: hundreds of warnings a chart that say nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            message.startswith("Ignored `")
            and message.endswith("unknown property.")
            and message.removeprefix("Ignored `").startswith(SVG_PROPERTIES)
        )


logging.getLogger("weasyprint").addFilter(_InlineSvgStyles())


def static_file(url_path: str) -> Path | None:
    """The file behind a /static/… path: found by the static finders in development, in
    STATIC_ROOT after collectstatic."""
    if not url_path.startswith(settings.STATIC_URL):
        return None
    relative = unquote(url_path.removeprefix(settings.STATIC_URL))
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / relative
    return collected if collected.is_file() else None


class StaticOnlyFetcher(URLFetcher):
    """Serves the platform's static files and data: URIs; refuses everything else."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = static_file(urlsplit(url).path)
        if path is None:
            raise ValueError(f"PDF-mallar får bara använda plattformens statiska filer: {url}")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": media_type})


def html_to_pdf(html: str) -> bytes:
    """HTML laid out as a PDF document (bytes); relative links resolve on SITE_URL."""
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticOnlyFetcher())
    return document.write_pdf()


def render_pdf(template_name: str, context: dict, *, request: HttpRequest | None = None) -> bytes:
    """The template rendered to HTML and laid out as a PDF document (bytes)."""
    return html_to_pdf(render_to_string(template_name, context, request=request))


def pdf_file_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """A response carrying a PDF, downloaded under `filename` (or shown in the browser)."""
    response = HttpResponse(pdf, content_type=MEDIA_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{_safe_filename(filename)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def pdf_response(
    template_name: str,
    context: dict,
    filename: str,
    *,
    request: HttpRequest | None = None,
    inline: bool = False,
) -> HttpResponse:
    return pdf_file_response(
        render_pdf(template_name, context, request=request), filename, inline=inline
    )


def _safe_filename(filename: str) -> str:
    """ASCII letters, digits, dots, dashes: what every browser and mail program keeps."""
    table = str.maketrans("åäöÅÄÖéÉ ", "aaoAAOeE-")
    cleaned = "".join(
        ch for ch in filename.translate(table) if ch.isascii() and (ch.isalnum() or ch in ".-_")
    )
    return cleaned or "dokument.pdf"
