"""Staff pages for a walk's stops and the actions proposed for each."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from participation.access import Need, get_walk_for_user
from participation.models import WalkAction, WalkStop
from participation.walks import services
from participation.walks.forms import ActionForm, StopForm


def _stop(request: HttpRequest, pk: int, stop_pk: int) -> WalkStop:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    return get_object_or_404(walk.stops.select_related("walk"), pk=stop_pk)


def _action(request: HttpRequest, pk: int, action_pk: int) -> WalkAction:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    return get_object_or_404(
        WalkAction.objects.filter(stop__walk=walk).select_related("stop__walk"), pk=action_pk
    )


def _stop_page(request: HttpRequest, form: StopForm, title: str, submit: str) -> HttpResponse:
    return form_page(
        request,
        form,
        title=title,
        submit=submit,
        cancel_url=form.instance.walk.get_staff_url(),
        template="participation/stop_form.html",
        context={"walk": form.instance.walk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def stop_create(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    form = StopForm(posted(request), instance=WalkStop(walk=walk))
    if form.is_valid():
        services.save_stop(form, user=request.user)
        messages.success(request, _("Stoppet är tillagt."))
        if "another" in request.POST:
            return redirect("participation_staff:stop_create", pk=walk.pk)
        return redirect(walk.get_staff_url())
    return _stop_page(request, form, _("Lägg till stopp"), _("Spara stoppet"))


@login_required
@require_http_methods(["GET", "POST"])
def stop_edit(request: HttpRequest, pk: int, stop_pk: int) -> HttpResponse:
    stop = _stop(request, pk, stop_pk)
    form = StopForm(posted(request), instance=stop)
    if form.is_valid():
        services.save_stop(form, user=request.user)
        messages.success(request, _("Stoppet är ändrat."))
        return redirect(stop.walk.get_staff_url())
    return _stop_page(request, form, _("Ändra stoppet"), _("Spara ändringarna"))


@login_required
@require_http_methods(["GET", "POST"])
def stop_delete(request: HttpRequest, pk: int, stop_pk: int) -> HttpResponse:
    stop = _stop(request, pk, stop_pk)
    if request.method == "POST":
        services.delete_stop(stop, user=request.user)
        messages.success(request, _("Stoppet är borttaget."))
        return redirect(stop.walk.get_staff_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort stoppet?"),
        submit=_("Ta bort stoppet"),
        danger=True,
        intro=_("Stoppet ”%(stop)s” och dess %(n)s åtgärder tas bort. Det går inte att ångra.")
        % {"stop": stop, "n": stop.actions.count()},
        cancel_url=stop.walk.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, pk: int, stop_pk: int) -> HttpResponse:
    stop = _stop(request, pk, stop_pk)
    form = ActionForm(
        posted(request), instance=WalkAction(stop=stop), access=access_for(request.user)
    )
    if form.is_valid():
        services.save_action(form, user=request.user)
        messages.success(request, _("Åtgärden är tillagd."))
        return redirect(stop.walk.get_staff_url() + f"#stopp-{stop.pk}")
    return form_page(
        request,
        form,
        title=_("Föreslå en åtgärd"),
        submit=_("Spara åtgärden"),
        intro=_("Vid stoppet: %(stop)s") % {"stop": stop},
        cancel_url=stop.walk.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    action = _action(request, pk, action_pk)
    form = ActionForm(posted(request), instance=action, access=access_for(request.user))
    if form.is_valid():
        services.save_action(form, user=request.user)
        messages.success(request, _("Åtgärden är ändrad."))
        return redirect(action.stop.walk.get_staff_url() + f"#stopp-{action.stop_id}")
    return form_page(
        request,
        form,
        title=_("Ändra åtgärden"),
        submit=_("Spara ändringarna"),
        intro=_("Vid stoppet: %(stop)s") % {"stop": action.stop},
        cancel_url=action.stop.walk.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_delete(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    action = _action(request, pk, action_pk)
    if request.method == "POST":
        services.delete_action(action, user=request.user)
        messages.success(request, _("Åtgärden är borttagen."))
        return redirect(action.stop.walk.get_staff_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort åtgärden?"),
        submit=_("Ta bort åtgärden"),
        danger=True,
        intro=_("”%(text)s” tas bort. Det går inte att ångra.") % {"text": action.text[:120]},
        cancel_url=action.stop.walk.get_staff_url(),
    )
