"""Areas within a municipality (bostadsområden): list, add, change, delete with confirmation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import (
    access_for,
    area_municipality_ids,
    get_area_for_user,
    get_municipality_for_user,
)
from organisations.auditlog import audited_save
from organisations.models import Area, Municipality, Role
from surveys.builder.areas import area_reader_ids, areas_changed, code_is_fixed, delete_area
from surveys.builder.map_svg import areas_map
from surveys.forms.builder_areas import AreaForm
from surveys.views.builder_common import attempt


def _list_url(municipality: Municipality) -> str:
    return reverse("surveys_staff:area_list", args=[municipality.code])


@login_required
@require_GET
def area_overview(request: HttpRequest) -> HttpResponse:
    ids = area_municipality_ids(access_for(request.user))
    municipalities = list(Municipality.objects.filter(pk__in=ids).order_by("name"))
    if len(municipalities) == 1:
        return redirect(_list_url(municipalities[0]))
    return render(request, "surveys/builder/area_overview.html", {"municipalities": municipalities})


@login_required
@require_GET
def area_list(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_municipality_for_user(request.user, code)
    areas = list(Area.objects.of_municipality(municipality.pk))
    editable = area_municipality_ids(access_for(request.user), Role.EDITOR)
    return render(
        request,
        "surveys/builder/area_list.html",
        {
            "municipality": municipality,
            "areas": areas,
            "map": areas_map(municipality, areas),
            "can_edit": municipality.pk in editable,
            "codes_fixed": code_is_fixed(municipality),
        },
    )


def _save(request: HttpRequest, form: AreaForm, action: str) -> HttpResponse:
    area = audited_save(
        form,
        user=request.user,
        action=action,
        parties=lambda a: area_reader_ids(a.municipality),
    )
    areas_changed(area.municipality)
    messages.success(request, _("Området ”%(name)s” är sparat.") % {"name": area.name})
    return redirect(_list_url(area.municipality))


@login_required
@require_http_methods(["GET", "POST"])
def area_create(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_municipality_for_user(request.user, code, Role.EDITOR)
    form = AreaForm(
        posted(request), request.FILES or None, instance=Area(municipality=municipality)
    )
    if form.is_valid():
        return _save(request, form, "area.created")
    return form_page(
        request,
        form,
        title=_("Nytt område i %(municipality)s") % {"municipality": municipality.name},
        intro=_(
            "Ett område (bostadsområde, stadsdel eller ort) används i urval, resultat och "
            "lägesbilder. Gränsen är frivillig: lägg till den när den finns."
        ),
        submit=_("Spara området"),
        cancel_url=_list_url(municipality),
        template="surveys/builder/area_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    area = get_area_for_user(request.user, pk)
    form = AreaForm(posted(request), request.FILES or None, instance=area)
    if form.is_valid():
        return _save(request, form, "area.changed")
    return form_page(
        request,
        form,
        title=_("Ändra området ”%(name)s”") % {"name": area.name},
        submit=_("Spara ändringarna"),
        cancel_url=_list_url(area.municipality),
        template="surveys/builder/area_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def area_delete(request: HttpRequest, pk: int) -> HttpResponse:
    area = get_area_for_user(request.user, pk)
    if request.method == "POST":
        return attempt(
            request,
            lambda: delete_area(area=area, user=request.user),
            _("Området ”%(name)s” är borttaget.") % {"name": area.name},
            _list_url(area.municipality),
        )
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort området ”%(name)s”?") % {"name": area.name},
        intro=_("Området och dess gräns tas bort. Det går inte att ångra."),
        submit=_("Ta bort området"),
        danger=True,
        cancel_url=_list_url(area.municipality),
    )
