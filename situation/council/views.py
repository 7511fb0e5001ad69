"""The report to kommunfullmäktige of a promise's follow-up: a staff page and the same content
as a PDF (core.pdf)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.pdf import pdf_response
from promises.access import get_follow_up_for_user
from situation.council.report import council_report


@login_required
@require_GET
def council_report_page(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk)
    report = council_report(follow_up)
    return render(request, "situation/council_report.html", {"report": report})


@login_required
@require_GET
def council_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk)
    report = council_report(follow_up)
    name = f"rapport-kommunfullmaktige-{follow_up.promise.title}-{follow_up.date:%Y-%m-%d}.pdf"
    return pdf_response(
        "situation/council_report_pdf.html", {"report": report}, name, request=request
    )
