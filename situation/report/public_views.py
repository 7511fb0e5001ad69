"""The public page of a published lägesbild, and its PDF."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from situation.models import SituationReport
from situation.report.document import document_context, pdf_for


def _published(pk: int) -> SituationReport:
    return get_object_or_404(SituationReport.objects.published(), pk=pk)


@require_GET
def public_report(request: HttpRequest, pk: int) -> HttpResponse:
    context = document_context(_published(pk), public=True)
    return render(request, "situation/report/public.html", context)


@require_GET
def public_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return pdf_for(_published(pk), request, public=True)
