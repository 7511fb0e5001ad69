"""The activity plan as a spreadsheet: download it, upload it changed, see every change in a
preview, then confirm. The uploaded file waits on the server between preview and confirmation."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.imports import Change, Plan
from core.imports.uploads import discard_upload, stash_upload, stashed_upload_or_message
from core.views import posted
from organisations.access import access_for
from promises.access import IMPORTERS_ONLY, can_import_plan, get_promise_for_user
from promises.forms.spreadsheet import PlanUploadForm
from promises.models import Promise
from promises.spreadsheet.columns import PLAN_COLUMNS
from promises.spreadsheet.export import CONTENT_TYPES, file_name, write_csv, write_xlsx
from promises.spreadsheet.importer import ActivityPlanImporter
from promises.spreadsheet.report import plan_summary

WRITERS = {"xlsx": write_xlsx, "csv": write_csv}


@login_required
@require_GET
def plan_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk)
    if fmt not in WRITERS:
        raise Http404
    response = HttpResponse(WRITERS[fmt](promise), content_type=CONTENT_TYPES[f".{fmt}"])
    response["Content-Disposition"] = f'attachment; filename="{file_name(promise, f".{fmt}")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _importable_promise(request: HttpRequest, pk: int) -> Promise:
    promise = get_promise_for_user(request.user, pk)
    if not can_import_plan(access_for(request.user), promise):
        raise PermissionDenied(IMPORTERS_ONLY)
    return promise


def _importer(request: HttpRequest, promise: Promise, name: str = "") -> ActivityPlanImporter:
    via = _("kalkylblad: %(name)s") % {"name": name} if name else ""
    return ActivityPlanImporter(promise=promise, user=request.user, via=via)


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest, pk: int) -> HttpResponse:
    promise = _importable_promise(request, pk)
    form = PlanUploadForm(posted(request), request.FILES if request.method == "POST" else None)
    if form.is_valid():
        source = form.cleaned_data["file"]
        importer = _importer(request, promise)
        pending = stash_upload(
            user=request.user, kind=importer.kind, target=importer.target_key, source=source
        )
        return redirect("staff:plan_import_preview", promise.pk, pending.token)
    status = 400 if form.is_bound and form.errors else 200
    context = {
        "promise": promise,
        "form": form,
        "columns": PLAN_COLUMNS,
        "xlsx_url": reverse("staff:plan_export", args=[promise.pk, "xlsx"]),
        "csv_url": reverse("staff:plan_export", args=[promise.pk, "csv"]),
    }
    return render(request, "staff/plan_import.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_preview(request: HttpRequest, pk: int, token: uuid.UUID) -> HttpResponse:
    promise = _importable_promise(request, pk)
    probe = _importer(request, promise)
    source = stashed_upload_or_message(
        request, token=token, kind=probe.kind, target=probe.target_key
    )
    if source is None:
        return redirect("staff:plan_import", promise.pk)
    importer = _importer(request, promise, source.name)
    if request.method == "GET":
        return _preview(request, promise, importer.plan(source))
    plan = importer.run(source)  # checks everything again before it changes anything
    if plan.record is None:
        return _preview(request, promise, plan)
    discard_upload(user=request.user, token=token)
    messages.success(
        request,
        _("Aktivitetsplanen är uppdaterad från filen: %(summary)s.")
        % {"summary": plan_summary(plan)},
    )
    return redirect(promise.get_staff_url())


def _preview(request: HttpRequest, promise: Promise, plan: Plan) -> HttpResponse:
    context = {
        "promise": promise,
        "plan": plan,
        "summary": plan_summary(plan),
        "groups": _grouped(plan.changes),
        "upload_url": reverse("staff:plan_import", args=[promise.pk]),
    }
    status = 400 if plan.errors else 200
    return render(request, "staff/plan_import_preview.html", context, status=status)


def _grouped(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    titles = {
        "create": _("Nya aktiviteter"),
        "update": _("Ändrade aktiviteter"),
        "progress": _("Nya lägesrapporter"),
    }
    return [
        (title, [c for c in changes if c.action == action])
        for action, title in titles.items()
        if any(c.action == action for c in changes)
    ]
