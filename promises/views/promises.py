from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Role
from promises.access import (
    Need,
    can_edit_promise,
    can_follow_up,
    can_import_plan,
    get_promise_for_user,
    history_for,
    is_party_or_reviewer,
)
from promises.forms.promises import PromiseForm
from promises.forms.spreadsheet import PlanUploadForm
from promises.models import Activity, Commitment, Promise
from promises.services.editing import audited_save, save_promise_text
from promises.services.lifecycle import adoption_problems
from promises.spreadsheet.columns import PLAN_COLUMNS
from promises.views.common import refuse_if_closed


@login_required
@require_GET
def promise_list(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    promises = (
        Promise.objects.visible_to_orgs(access.org_ids())
        .prefetch_related("parties")
        .order_by("status", "-period_start")
    )
    can_create = bool(access.org_ids(Role.EDITOR))
    return render(
        request, "staff/promise_list.html", {"promises": promises, "can_create": can_create}
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_create(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.org_ids(Role.EDITOR):
        raise PermissionDenied
    form = PromiseForm(posted(request), access=access)
    if form.is_valid():
        promise = audited_save(form, user=request.user, action="promise.created")
        messages.success(request, _("Löftet är skapat som utkast. Lägg nu till åtagandena."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Nytt medborgarlöfte"),
        intro=_(
            "Börja med parterna, perioden och målet. Åtaganden och aktiviteter lägger du till sedan."
        ),
        submit=_("Skapa utkast"),
        cancel_url=reverse("staff:promise_list"),
    )


@login_required
@require_GET
def promise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk)
    access = access_for(request.user)
    activities = Activity.objects.with_progress().select_related("responsible")
    commitments = Commitment.objects.filter(promise=promise).select_related("party", "focus_area")
    commitments = commitments.prefetch_related(Prefetch("activities", queryset=activities))
    return render(
        request,
        "staff/promise_detail.html",
        {
            "promise": promise,
            "commitments": commitments,
            "can_edit": can_edit_promise(access, promise),
            "can_follow_up": can_follow_up(access, promise),
            "can_import_plan": can_import_plan(access, promise),
            "upload_form": PlanUploadForm(),
            "columns": PLAN_COLUMNS,
            "problems": adoption_problems(promise)
            if promise.status == Promise.Status.DRAFT
            else [],
            "follow_ups": promise.follow_ups.all()
            if is_party_or_reviewer(access, promise)
            else promise.follow_ups.filter(is_published=True),
            "indicators": promise.indicators.prefetch_related("measurements"),
            "plan_revisions": promise.plan_revisions.all(),
            "revisions": promise.revisions.all(),
            "history": history_for(request.user, promise),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    if refused := refuse_if_closed(request, promise):
        return refused
    form = PromiseForm(posted(request), instance=promise, access=access_for(request.user))
    if form.is_valid():
        save_promise_text(
            form,
            promise=promise,
            user=request.user,
            action="promise.changed",
            change_note=form.cleaned_data.get("change_note", ""),
        )
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra löftet"),
        submit=_("Spara ändringarna"),
        cancel_url=promise.get_staff_url(),
    )
