from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
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
    can_moderate_progress,
    can_record_progress,
    get_activity_for_user,
    get_commitment_for_user,
    get_progress_update_for_user,
    history_for,
)
from promises.forms.activities import ActivityForm, ProgressForm, ProgressReviewForm
from promises.models import Activity, ProgressUpdate
from promises.services.editing import audited_delete, audited_save
from promises.services.progress import record_progress, review_progress
from promises.views.common import refuse_if_closed


@login_required
@require_GET
def my_activities(request: HttpRequest) -> HttpResponse:
    org_ids = access_for(request.user).org_ids(Role.REPORTER)
    activities = (
        Activity.objects.with_progress()
        .responsible_among(org_ids)
        .select_related("responsible", "commitment__promise")
        .order_by("end", "title")
    )
    return render(request, "staff/my_activities.html", {"activities": activities})


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, pk, Need.EDIT)
    promise = commitment.promise
    if refused := refuse_if_closed(request, promise):
        return refused
    initial = {"start": promise.period_start, "end": promise.period_end, "commitment": commitment}
    form = ActivityForm(posted(request), promise=promise, initial=initial)
    if form.is_valid():
        activity = audited_save(form, user=request.user, action="activity.created")
        messages.success(request, _("Aktiviteten är tillagd i aktivitetsplanen."))
        return redirect("staff:activity_detail", activity.pk)
    return form_page(
        request,
        form,
        title=_("Ny aktivitet"),
        submit=_("Lägg till aktiviteten"),
        intro=_("Vad ska göras, av vem, när och hur mycket?"),
        cancel_url=promise.get_staff_url(),
    )


@login_required
@require_GET
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk)
    access = access_for(request.user)
    done = Activity.objects.with_progress().values_list("done_quantity", flat=True).get(pk=pk)
    return render(
        request,
        "staff/activity_detail.html",
        {
            "activity": activity,
            "promise": activity.commitment.promise,
            "done": done,
            "updates": activity.updates.select_related("author_organisation"),
            "can_edit": can_edit_promise(access, activity.commitment.promise),
            "can_report": can_record_progress(access, activity),
            "can_moderate": can_moderate_progress(access, activity),
            "history": history_for(request.user, activity),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Need.EDIT)
    if refused := refuse_if_closed(request, activity.commitment.promise):
        return refused
    form = ActivityForm(posted(request), promise=activity.commitment.promise, instance=activity)
    if form.is_valid():
        audited_save(form, user=request.user, action="activity.changed")
        messages.success(request, _("Aktiviteten är ändrad."))
        return redirect("staff:activity_detail", activity.pk)
    return form_page(
        request,
        form,
        title=_("Ändra aktiviteten"),
        submit=_("Spara ändringarna"),
        cancel_url=reverse("staff:activity_detail", args=[activity.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Need.EDIT)
    if refused := refuse_if_closed(request, activity.commitment.promise):
        return refused
    promise = activity.commitment.promise
    if request.method == "POST":
        audited_delete(activity, user=request.user, action="activity.deleted")
        messages.success(request, _("Aktiviteten är borttagen."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort aktiviteten?"),
        submit=_("Ta bort aktiviteten"),
        danger=True,
        intro=_(
            "”%(title)s” och alla dess %(count)s lägesrapporter tas bort. Det går inte att ångra."
        )
        % {"title": activity.title, "count": activity.updates.count()},
        cancel_url=reverse("staff:activity_detail", args=[activity.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def progress_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_user(request.user, pk, Need.PROGRESS)
    form = ProgressForm(
        posted(request),
        activity=activity,
        instance=ProgressUpdate(activity=activity),
        needs_review=not can_moderate_progress(access_for(request.user), activity),
    )
    if form.is_valid():
        update = record_progress(
            activity=activity,
            user=request.user,
            update=form.save(commit=False),
            new_status=form.cleaned_data["new_status"] or None,
        )
        if update.awaits_review:
            messages.success(
                request,
                _("Lägesrapporten är sparad. Den visas publikt när en redaktör har granskat den."),
            )
        else:
            messages.success(request, _("Lägesrapporten är sparad."))
        return redirect("staff:activity_detail", activity.pk)
    return form_page(
        request,
        form,
        title=_("Rapportera läget"),
        submit=_("Spara lägesrapporten"),
        intro=activity.title,
        cancel_url=reverse("staff:activity_detail", args=[activity.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def progress_review(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_progress_update_for_user(request.user, pk, Need.MODERATE)
    form = ProgressReviewForm(posted(request), initial={"text": update.text, "decision": "publish"})
    if form.is_valid():
        publish = form.cleaned_data["decision"] == "publish"
        review_progress(
            update=update, user=request.user, text=form.cleaned_data["text"], publish=publish
        )
        messages.success(
            request,
            _("Lägesrapporten är publicerad.") if publish else _("Lägesrapporten är intern."),
        )
        return redirect("staff:activity_detail", update.activity_id)
    return form_page(
        request,
        form,
        title=_("Granska lägesrapporten"),
        submit=_("Spara beslutet"),
        intro=_("Lägesrapporten från %(org)s om ”%(activity)s”, %(date)s.")
        % {
            "org": update.author_organisation,
            "activity": update.activity.title,
            "date": update.date,
        },
        cancel_url=reverse("staff:activity_detail", args=[update.activity_id]),
    )
