"""EST staff pages: the start page, the observation form and the checklist. The weekly
compilation and the period analysis are in situation.est.week_views and analysis_views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Area, Organisation, Role
from situation.access import editable_municipality_ids, est_organisations_for_user
from situation.est import services
from situation.est.choices import readable_municipalities, reporting_for
from situation.est.forms import CategoryForm, ObservationForm, observation_place
from situation.est.place_input import place_input
from situation.est.reference_data import shown
from situation.models import EstCategory, EstObservation


@login_required
@require_GET
def est_index(request: HttpRequest) -> HttpResponse:
    year, week, _day = timezone.localdate().isocalendar()
    editable = editable_municipality_ids(request.user)
    own = (
        EstObservation.objects.filter(reporter=request.user)
        .select_related("category", "area", "organisation", "municipality")
        .order_by("-observed_on", "-id")[:10]
    )
    context = {
        "reporting": list(est_organisations_for_user(request.user).order_by("name")),
        "own": [(o, observation_place(o)) for o in own],
        "municipalities": [(m, m.pk in editable) for m in readable_municipalities(request.user)],
        "checklist_orgs": _checklist_organisations(request),
        "year": year,
        "week": week,
    }
    return render(request, "situation/est/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def observation_create(request: HttpRequest) -> HttpResponse:
    organisations, organisation, municipalities, municipality = reporting_for(request)
    areas = list(Area.objects.of_municipality(municipality.pk).order_by("name"))
    form = ObservationForm(
        posted(request),
        instance=EstObservation(),
        organisation=organisation,
        municipality=municipality,
        areas=areas,
    )
    if form.is_valid():
        services.submit_observation(form, user=request.user)
        messages.success(request, _("Tack! Observationen är inskickad."))
        if "another" in request.POST:
            query = urlencode({"organisation": organisation.pk, "kommun": municipality.code})
            return redirect(f"{reverse('est_staff:observation_create')}?{query}")
        return redirect("est_staff:index")
    context = {
        "form": form,
        "organisations": organisations,
        "organisation": organisation,
        "municipalities": municipalities,
        "municipality": municipality,
        "place": place_input(
            municipality, areas, form.data.get("place", "") if form.is_bound else ""
        ),
    }
    status = 400 if form.is_bound else 200
    return render(request, "situation/est/observation_form.html", context, status=status)


@login_required
@require_GET
def current_week(request: HttpRequest) -> HttpResponse:
    year, week, _day = timezone.localdate().isocalendar()
    url = reverse("est_staff:week", args=[year, week])
    code = request.GET.get("kommun", "")
    return redirect(f"{url}?{urlencode({'kommun': code})}" if code else url)


def _checklist_organisations(request: HttpRequest) -> list[Organisation]:
    """Organisations whose own checklist the user manages (editor and up)."""
    ids = access_for(request.user).org_ids(Role.EDITOR)
    return list(Organisation.objects.filter(id__in=ids).order_by("name"))


def _managed_organisation(request: HttpRequest, pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk, id__in=access_for(request.user).org_ids())
    if not access_for(request.user).has({organisation.pk}, Role.EDITOR):
        raise PermissionDenied(
            _("Bara redaktörer och administratörer i organisationen ändrar checklistan.")
        )
    return organisation


@login_required
@require_GET
def checklist(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _managed_organisation(request, pk)
    items = EstCategory.objects.for_organisation(organisation.pk).order_by("order", "name")
    rows = [(c, shown(c.name), shown(c.description)) for c in items]
    return render(
        request, "situation/est/checklist.html", {"organisation": organisation, "rows": rows}
    )


@login_required
@require_http_methods(["GET", "POST"])
def category_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _managed_organisation(request, pk)
    form = CategoryForm(posted(request), organisation=organisation)
    if form.is_valid():
        services.save_category(form, user=request.user)
        messages.success(request, _("Punkten är tillagd i checklistan."))
        return redirect("est_staff:checklist", pk=organisation.pk)
    return form_page(
        request,
        form,
        title=_("Ny punkt i checklistan"),
        intro=organisation.name,
        submit=_("Lägg till punkten"),
        cancel_url=reverse("est_staff:checklist", args=[organisation.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, pk: int, category_pk: int) -> HttpResponse:
    organisation = _managed_organisation(request, pk)
    category = get_object_or_404(EstCategory, pk=category_pk, organisation=organisation)
    form = CategoryForm(posted(request), instance=category, organisation=organisation)
    if form.is_valid():
        services.save_category(form, user=request.user)
        messages.success(request, _("Punkten är ändrad."))
        return redirect("est_staff:checklist", pk=organisation.pk)
    return form_page(
        request,
        form,
        title=_("Ändra punkten i checklistan"),
        intro=organisation.name,
        submit=_("Spara ändringarna"),
        cancel_url=reverse("est_staff:checklist", args=[organisation.pk]),
    )
