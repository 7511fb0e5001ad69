"""Staff pages for åtgärdsplaner (law 2023:196): list, record the decision, its measures with
links to promises and activities, the review, delete with a confirmation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from core.widgets import DateInput
from promises.access import history_for
from situation.access import (
    Need,
    action_plans_visible_to,
    editable_municipality_ids,
    get_action_plan_for_user,
)
from situation.action_plans import services
from situation.action_plans.forms import ActionPlanForm, ActionPlanMeasureForm
from situation.models import ActionPlan, ActionPlanMeasure

LIST_URL = "situation_staff:action_plan_list"


@login_required
@require_GET
def action_plan_list(request: HttpRequest) -> HttpResponse:
    plans = (
        action_plans_visible_to(request.user)
        .select_related("municipality")
        .order_by("municipality__name", "-decided_on")
    )
    return render(
        request,
        "situation/action_plan_list.html",
        {
            "plans": plans,
            "today": timezone.localdate(),
            "can_create": bool(editable_municipality_ids(request.user)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_plan_create(request: HttpRequest) -> HttpResponse:
    if not editable_municipality_ids(request.user):
        raise PermissionDenied(
            _("Bara redaktörer i en kommuns organisationer kan registrera åtgärdsplaner.")
        )
    form = ActionPlanForm(posted(request), user=request.user)
    if form.is_valid():
        plan = services.save_plan(form, user=request.user)
        messages.success(request, _("Åtgärdsplanen är registrerad. Lägg till dess åtgärder."))
        return redirect(plan.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Registrera en åtgärdsplan"),
        submit=_("Spara åtgärdsplanen"),
        intro=_(
            "Enligt lagen (2023:196) beslutar kommunen om en åtgärdsplan utifrån lägesbilden. "
            "Ange vilket organ som beslutade, när och i vilken paragraf."
        ),
        cancel_url=reverse(LIST_URL),
    )


@login_required
@require_GET
def action_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_action_plan_for_user(request.user, pk)
    measures = plan.measures.select_related("responsible").prefetch_related(
        "promises", "activities__commitment__promise"
    )
    return render(
        request,
        "situation/action_plan_detail.html",
        {
            "plan": plan,
            "measures": measures,
            "today": timezone.localdate(),
            "can_edit": plan.municipality_id in editable_municipality_ids(request.user),
            "history": history_for(request.user, plan),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_action_plan_for_user(request.user, pk, Need.EDIT)
    form = ActionPlanForm(posted(request), instance=plan, user=request.user)
    if form.is_valid():
        services.save_plan(form, user=request.user)
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(plan.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra åtgärdsplanen"),
        submit=_("Spara ändringarna"),
        cancel_url=plan.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_action_plan_for_user(request.user, pk, Need.EDIT)
    if request.method == "POST":
        services.delete_plan(plan, user=request.user)
        messages.success(request, _("Åtgärdsplanen ”%(title)s” är borttagen.") % {"title": plan})
        return redirect(LIST_URL)
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort åtgärdsplanen?"),
        submit=_("Ta bort åtgärdsplanen"),
        danger=True,
        intro=_(
            "”%(title)s” och dess %(count)s åtgärder tas bort. Löftena och aktiviteterna finns "
            "kvar. Det går inte att ångra; händelseloggen behåller vad planen innehöll."
        )
        % {"title": plan.title, "count": plan.measures.count()},
        cancel_url=plan.get_staff_url(),
    )


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Översynen gjordes"), widget=DateInput)

    def clean_reviewed_on(self) -> object:
        day = self.cleaned_data["reviewed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Datumet ligger i framtiden."))
        return day


@login_required
@require_http_methods(["GET", "POST"])
def action_plan_review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_action_plan_for_user(request.user, pk, Need.EDIT)
    form = ReviewForm(posted(request), initial={"reviewed_on": timezone.localdate()})
    if form.is_valid():
        plan = services.record_review(
            plan, user=request.user, reviewed_on=form.cleaned_data["reviewed_on"]
        )
        messages.success(
            request,
            _("Översynen är registrerad. Nästa översyn: %(date)s.")
            % {"date": formats.date_format(plan.next_review_on, "j F Y")},
        )
        return redirect(plan.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Registrera en översyn av åtgärdsplanen"),
        submit=_("Registrera översynen"),
        intro=_(
            "Nästa översyn räknas fram från den här: om %(years)s år. Ändras planens innehåll, "
            "ändra åtgärderna också."
        )
        % {"years": plan.review_interval_years},
        cancel_url=plan.get_staff_url(),
    )


def _measure(request: HttpRequest, pk: int, measure_pk: int) -> ActionPlanMeasure:
    plan = get_action_plan_for_user(request.user, pk, Need.EDIT)
    return get_object_or_404(plan.measures.select_related("plan"), pk=measure_pk)


@login_required
@require_http_methods(["GET", "POST"])
def measure_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_action_plan_for_user(request.user, pk, Need.EDIT)
    form = ActionPlanMeasureForm(posted(request), plan=plan)
    if form.is_valid():
        services.save_measure(form, user=request.user)
        messages.success(request, _("Åtgärden är tillagd."))
        return redirect(plan.get_staff_url())
    return _measure_page(request, form, plan, _("Lägg till en åtgärd"))


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure(request, pk, measure_pk)
    form = ActionPlanMeasureForm(posted(request), instance=measure, plan=measure.plan)
    if form.is_valid():
        services.save_measure(form, user=request.user)
        messages.success(request, _("Åtgärden är ändrad."))
        return redirect(measure.plan.get_staff_url())
    return _measure_page(request, form, measure.plan, _("Ändra åtgärden"))


def _measure_page(
    request: HttpRequest, form: forms.Form, plan: ActionPlan, title: str
) -> HttpResponse:
    return form_page(
        request,
        form,
        title=title,
        submit=_("Spara åtgärden"),
        intro=_("Koppla åtgärden till de medborgarlöften och aktiviteter som genomför den."),
        cancel_url=plan.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_delete(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure(request, pk, measure_pk)
    if request.method == "POST":
        services.delete_measure(measure, user=request.user)
        messages.success(request, _("Åtgärden är borttagen."))
        return redirect(measure.plan.get_staff_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort åtgärden?"),
        submit=_("Ta bort åtgärden"),
        danger=True,
        intro=_("”%(text)s” tas bort ur åtgärdsplanen. Löften och aktiviteter finns kvar.")
        % {"text": measure},
        cancel_url=measure.plan.get_staff_url(),
    )
