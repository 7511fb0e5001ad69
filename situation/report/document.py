"""The lägesbild as one document, for the staff page, the public page and the PDF (one template,
situation/report/_document.html, with print CSS for the PDF)."""

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify

from core.maps import municipality_background
from core.pdf import pdf_response
from core.privacy import minimum_cell
from organisations.models import Municipality
from situation.models import SituationReport
from situation.report.charts import report_charts
from situation.report.services import figures_for


def document_context(
    report: SituationReport, *, for_print: bool = False, public: bool = False
) -> dict:
    """`public`: for residents, so only the promises they can read are named."""
    figures = figures_for(report)
    codes = [m.code for m in figures.municipalities]
    background = [
        f
        for m in Municipality.objects.filter(code__in=codes).only("id", "name", "boundary")
        for f in municipality_background(m)
    ]
    return {
        "report": report,
        "figures": figures,
        "charts": report_charts(figures, background),
        "focus_areas": list(
            report.suggested_focus_areas.select_related("created_promise").order_by(
                "priority", "id"
            )
        ),
        "promises": [p for p in report.promises.all() if p.is_public or not public],
        "for_print": for_print,
        "min_cell": minimum_cell(),
    }


def pdf_for(report: SituationReport, request: HttpRequest, *, public: bool = False) -> HttpResponse:
    context = document_context(report, for_print=True, public=public)
    filename = f"{slugify(report.title) or 'lagesbild'}.pdf"
    return pdf_response("situation/report/pdf.html", context, filename, request=request)
