"""A wave's imports: answers collected by another system, and population margins from SCB.
Each is an upload, a preview of what will be stored (or every error, by row and column), then
a confirmation that checks everything again. The file waits on the server in between."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.imports import Importer, ImportFile
from core.imports.uploads import discard_upload, stash_upload, stashed_upload_or_message
from core.views import posted
from organisations.auditlog import acting_via
from surveys.access import Need, get_wave_for_user
from surveys.forms.imports import AnswersUploadForm, MarginsUploadForm
from surveys.imports.answers import AREA_COLUMN, AnswersImporter, answers_summary, wave_questions
from surveys.imports.margins import MarginsImporter
from surveys.models import ItemKind, Wave
from surveys.views.import_links import wave_page_url

SAMPLE = {"ja": True, "nej": False}


def _stash(request: HttpRequest, importer: Importer, source: ImportFile) -> uuid.UUID:
    pending = stash_upload(
        user=request.user, kind=importer.kind, target=importer.target_key, source=source
    )
    return pending.token


def _stashed(request: HttpRequest, importer: Importer, token: uuid.UUID) -> ImportFile | None:
    return stashed_upload_or_message(
        request, token=token, kind=importer.kind, target=importer.target_key
    )


# Answers from another system


@login_required
@require_http_methods(["GET", "POST"])
def answers_import(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    files = request.FILES if request.method == "POST" else None
    form = AnswersUploadForm(posted(request), files)
    if form.is_valid():
        sample = form.cleaned_data["representative"]
        token = _stash(
            request, AnswersImporter(wave=wave, representative=sample), form.cleaned_data["file"]
        )
        url = reverse("surveys_staff:answers_import_preview", args=[wave.pk, token])
        return redirect(f"{url}?urval={'ja' if sample else 'nej'}")
    keys = [q.key for q in wave_questions(wave) if q.item_version.item.kind != ItemKind.NOTE]
    context = {"wave": wave, "form": form, "keys": keys, "area_column": AREA_COLUMN}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "surveys/imports/answers_upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def answers_import_preview(request: HttpRequest, pk: int, token: uuid.UUID) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    upload_url = reverse("surveys_staff:answers_import", args=[wave.pk])
    sample = SAMPLE.get(request.GET.get("urval", ""))
    importer = AnswersImporter(wave=wave, representative=bool(sample), user=request.user)
    source = _stashed(request, importer, token) if sample is not None else None
    if source is None:
        return redirect(upload_url)
    if request.method == "GET":
        return _answers_preview(request, wave, importer, importer.plan(source), upload_url)
    with acting_via(_("svarsfil: %(file)s") % {"file": source.name}):
        plan = importer.run(source)
    if plan.record is None:
        return _answers_preview(request, wave, importer, plan, upload_url)
    discard_upload(user=request.user, token=token)
    messages.success(request, _("%(n)s svar är inlästa i omgången.") % {"n": importer.stored})
    return redirect(wave_page_url(wave))


def _answers_preview(
    request: HttpRequest, wave: Wave, importer: AnswersImporter, plan: object, upload_url: str
) -> HttpResponse:
    context = {
        "wave": wave,
        "plan": plan,
        "representative": importer.representative,
        "summary": answers_summary(plan, wave) if not plan.errors else None,
        "upload_url": upload_url,
    }
    status = 400 if plan.errors else 200
    return render(request, "surveys/imports/answers_preview.html", context, status=status)


@login_required
@require_GET
def answers_template(request: HttpRequest, pk: int) -> HttpResponse:
    """An empty answers file with the header the import expects."""
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    keys = [q.key for q in wave_questions(wave) if q.item_version.item.kind != ItemKind.NOTE]
    if AREA_COLUMN not in keys:
        keys.append(AREA_COLUMN)
    response = HttpResponse(
        "\ufeff" + ";".join(keys) + "\r\n", content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="svar-omgang-{wave.pk}.csv"'
    return response


# Population margins


@login_required
@require_http_methods(["GET", "POST"])
def margins_import(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    files = request.FILES if request.method == "POST" else None
    form = MarginsUploadForm(posted(request), files)
    if form.is_valid():
        token = _stash(request, MarginsImporter(wave=wave), form.cleaned_data["file"])
        return redirect("surveys_staff:margins_import_preview", wave.pk, token)
    areas = list(wave.survey.municipality.areas.order_by("name"))
    context = {"wave": wave, "form": form, "areas": areas}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "surveys/imports/margins_upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def margins_import_preview(request: HttpRequest, pk: int, token: uuid.UUID) -> HttpResponse:
    wave = get_wave_for_user(request.user, pk, Need.EDIT)
    upload_url = reverse("surveys_staff:margins_import", args=[wave.pk])
    importer = MarginsImporter(wave=wave, user=request.user)
    source = _stashed(request, importer, token)
    if source is None:
        return redirect(upload_url)
    if request.method == "GET":
        plan = importer.plan(source)
    else:
        with acting_via(_("marginalfil: %(file)s") % {"file": source.name}):
            plan = importer.run(source)
        if plan.record is not None:
            discard_upload(user=request.user, token=token)
            messages.success(request, _("Omgångens populationsmarginaler är ersatta från filen."))
            return redirect(wave_page_url(wave))
    total = next((sum(t.values()) for t in importer.tables.values()), 0)
    context = {"wave": wave, "plan": plan, "upload_url": upload_url, "total": _number(total)}
    status = 400 if plan.errors else 200
    return render(request, "surveys/imports/margins_preview.html", context, status=status)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")
