"""Importing a survey written in XLSForm: upload, a preview of everything that will be
created (or every error, by row), then confirm. The file waits on the server in between."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.imports import Change, Plan
from core.imports.uploads import discard_upload, stash_upload, stashed_upload_or_message
from core.views import posted
from organisations.access import get_organisation_for_user, get_organisations_for_user
from organisations.auditlog import acting_via
from organisations.models import Organisation, Role
from surveys.forms.imports import XLSFormUploadForm
from surveys.imports.xlsform.importer import XLSFormImporter
from surveys.views.import_links import survey_page_url

EDITORS_ONLY = _(
    "Bara redaktörer och administratörer i en kommun (eller en organisation i en kommun) kan "
    "läsa in en undersökning."
)


def _survey_owners(request: HttpRequest) -> list[Organisation]:
    """The user's organisations that may own a survey: editor or more, in a municipality."""
    owners = [o for o in get_organisations_for_user(request.user, Role.EDITOR) if o.municipality_id]
    if not owners:
        raise PermissionDenied(EDITORS_ONLY)
    return owners


def _owner(request: HttpRequest, pk: int) -> Organisation:
    organisation = get_organisation_for_user(request.user, pk)
    if organisation.pk not in {o.pk for o in _survey_owners(request)}:
        raise PermissionDenied(EDITORS_ONLY)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def xlsform_import(request: HttpRequest) -> HttpResponse:
    owners = _survey_owners(request)
    files = request.FILES if request.method == "POST" else None
    form = XLSFormUploadForm(posted(request), files, organisations=owners)
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        importer = XLSFormImporter(organisation=organisation, user=request.user)
        pending = stash_upload(
            user=request.user,
            kind=importer.kind,
            target=importer.target_key,
            source=form.cleaned_data["file"],
        )
        return redirect("surveys_staff:xlsform_preview", organisation.pk, pending.token)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "surveys/xlsform_upload.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def xlsform_preview(request: HttpRequest, org: int, token: uuid.UUID) -> HttpResponse:
    organisation = _owner(request, org)
    importer = XLSFormImporter(organisation=organisation, user=request.user)
    source = stashed_upload_or_message(
        request, token=token, kind=importer.kind, target=importer.target_key
    )
    if source is None:
        return redirect("surveys_staff:xlsform_import")
    if request.method == "GET":
        return _preview(request, organisation, importer.plan(source))
    with acting_via(_("XLSForm: %(file)s") % {"file": source.name}):
        plan = importer.run(source)  # checks everything again before it creates anything
    if importer.survey is None:
        return _preview(request, organisation, plan)
    discard_upload(user=request.user, token=token)
    messages.success(
        request,
        _(
            "Undersökningen ”%(title)s” är skapad från filen. Gå igenom den och öppna en omgång när den är klar."
        )
        % {"title": importer.survey},
    )
    return redirect(survey_page_url(importer.survey))


def _preview(request: HttpRequest, organisation: Organisation, plan: Plan) -> HttpResponse:
    context = {
        "organisation": organisation,
        "plan": plan,
        "survey": next((c for c in plan.changes if c.action == "survey"), None),
        "sections": _sections(plan.changes),
        "upload_url": reverse("surveys_staff:xlsform_import"),
    }
    return render(
        request, "surveys/xlsform_preview.html", context, status=400 if plan.errors else 200
    )


def _sections(changes: list[Change]) -> list[tuple[Change, list[Change]]]:
    sections: list[tuple[Change, list[Change]]] = []
    for change in changes:
        if change.action == "section":
            sections.append((change, []))
        elif change.action in ("bank_question", "own_question") and sections:
            sections[-1][1].append(change)
    return sections
