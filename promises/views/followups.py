from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import form_page, posted
from organisations.access import access_for
from promises.access import (
    Need,
    can_follow_up,
    get_follow_up_for_user,
    get_promise_for_user,
    history_for,
)
from promises.forms.followups import FollowUpForm
from promises.forms.promises import PlanRevisionForm
from promises.models import Commitment, FollowUp, PlanRevision, Promise
from promises.models.followups import ReviewerKind
from promises.services.editing import audited_save
from promises.services.followups import save_follow_up, set_follow_up_published


def _follow_up_form(
    request: HttpRequest, promise: Promise, instance: FollowUp, initial: dict | None = None
) -> FollowUpForm:
    return FollowUpForm(
        posted(request),
        instance=instance,
        initial=initial,
        commitments=list(promise.commitments.select_related("party")),
        indicators=list(promise.indicators.all()),
    )


def _follow_up_page(
    request: HttpRequest, form: FollowUpForm, title: str, cancel_url: str
) -> HttpResponse:
    return form_page(
        request,
        form,
        title=title,
        submit=_("Spara uppföljningen"),
        cancel_url=cancel_url,
        intro=_(
            "Bedöm varje åtagande och motivera. Indikatorerna visar effekten och bedöms för sig."
        ),
        template="staff/follow_up_form.html",
    )


def _reviewer_guess(request: HttpRequest, promise: Promise) -> dict:
    """Start the form as the body the user belongs to, e.g. the local BRÅ, dated today."""
    own = access_for(request.user).org_ids()
    body = promise.follow_up_bodies.filter(id__in=own).first()
    guess = {"date": timezone.localdate()}
    if body is not None:
        guess |= {"reviewer_kind": ReviewerKind.BRA, "reviewer_name": body.name}
    return guess


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.FOLLOW_UP)
    form = _follow_up_form(
        request, promise, FollowUp(promise=promise), _reviewer_guess(request, promise)
    )
    if form.is_valid():
        follow_up = save_follow_up(
            follow_up=form.save(commit=False),
            user=request.user,
            verdicts=form.verdicts(),
            assessments=form.assessments(),
        )
        messages.success(request, _("Uppföljningen är sparad. Den är inte publicerad än."))
        return redirect("staff:follow_up_detail", follow_up.pk)
    return _follow_up_page(request, form, _("Ny uppföljning"), promise.get_staff_url())


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_edit(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk, Need.FOLLOW_UP)
    form = _follow_up_form(request, follow_up.promise, follow_up)
    if form.is_valid():
        save_follow_up(
            follow_up=form.save(commit=False),
            user=request.user,
            verdicts=form.verdicts(),
            assessments=form.assessments(),
        )
        messages.success(request, _("Uppföljningen är ändrad."))
        return redirect("staff:follow_up_detail", follow_up.pk)
    cancel = reverse("staff:follow_up_detail", args=[follow_up.pk])
    return _follow_up_page(request, form, _("Ändra uppföljningen"), cancel)


@login_required
@require_GET
def follow_up_detail(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk)
    return render(
        request,
        "staff/follow_up_detail.html",
        {
            "follow_up": follow_up,
            "promise": follow_up.promise,
            "verdicts": follow_up.verdicts.select_related("commitment"),
            "assessments": follow_up.assessments.select_related("indicator"),
            # Activity progress and the indicators' measurements side by side (progress is not
            # effect): measurements from a safety survey carry their interval.
            "progress": Commitment.objects.with_progress()
            .filter(promise=follow_up.promise)
            .order_by("order", "id"),
            "indicators": follow_up.promise.indicators.prefetch_related("measurements"),
            "can_follow_up": can_follow_up(access_for(request.user), follow_up.promise),
            "history": history_for(request.user, follow_up),
        },
    )


@login_required
@require_POST
def follow_up_publish(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(request.user, pk, Need.FOLLOW_UP)
    publish = request.POST.get("publish") == "1"
    if publish and not follow_up.promise.is_public:
        messages.error(request, _("Publicera löftet innan du publicerar en uppföljning av det."))
    else:
        set_follow_up_published(follow_up=follow_up, user=request.user, publish=publish)
        messages.success(
            request,
            _("Uppföljningen är publicerad.")
            if publish
            else _("Uppföljningen är inte längre publik."),
        )
    return redirect("staff:follow_up_detail", follow_up.pk)


@login_required
@require_http_methods(["GET", "POST"])
def plan_revision_create(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    form = PlanRevisionForm(
        posted(request), promise=promise, instance=PlanRevision(promise=promise)
    )
    if form.is_valid():
        audited_save(form, user=request.user, action="plan.revised", created_by=request.user)
        messages.success(request, _("Revideringen av aktivitetsplanen är registrerad."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Registrera en revidering av aktivitetsplanen"),
        submit=_("Spara revideringen"),
        intro=_(
            "Aktivitetsplanen revideras varje år. Ange vem som beslutade och vad som ändrades."
        ),
        cancel_url=promise.get_staff_url(),
    )
