from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import form_page, posted
from promises.access import Need, get_indicator_for_user, get_promise_for_user
from promises.forms.followups import IndicatorForm, MeasurementForm
from promises.models import Indicator, Measurement
from promises.services.editing import audited_save


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.FOLLOW_UP)
    form = IndicatorForm(posted(request), instance=Indicator(promise=promise))
    if form.is_valid():
        audited_save(form, user=request.user, action="indicator.created")
        messages.success(request, _("Indikatorn är tillagd."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ny indikator"),
        submit=_("Lägg till indikatorn"),
        intro=_(
            "En indikator mäter effekt – t.ex. andelen som känner sig otrygga – inte hur mycket "
            "arbete som gjorts."
        ),
        cancel_url=promise.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_indicator_for_user(request.user, pk, Need.FOLLOW_UP)
    form = IndicatorForm(posted(request), instance=indicator)
    if form.is_valid():
        audited_save(form, user=request.user, action="indicator.changed")
        messages.success(request, _("Indikatorn är ändrad."))
        return redirect(indicator.promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra indikatorn"),
        submit=_("Spara ändringarna"),
        cancel_url=indicator.promise.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def measurement_create(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_indicator_for_user(request.user, pk, Need.FOLLOW_UP)
    form = MeasurementForm(
        posted(request), indicator=indicator, instance=Measurement(indicator=indicator)
    )
    if form.is_valid():
        audited_save(form, user=request.user, action="indicator.measured")
        messages.success(request, _("Mätvärdet är sparat."))
        return redirect(indicator.promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Nytt mätvärde: %(name)s") % {"name": indicator.name},
        submit=_("Spara mätvärdet"),
        cancel_url=indicator.promise.get_staff_url(),
    )
