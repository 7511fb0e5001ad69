"""Response templates (svarsmallar): an organisation's ready answers, inserted into the public
note on a report's page. Editors of the organisation write them."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Organisation, Role
from participation.models import ResponseTemplate
from participation.moderation import services
from participation.moderation.forms import ResponseTemplateForm

LIST_URL = "participation_staff:template_list"


def _editor_organisations(request: HttpRequest) -> QuerySet[Organisation]:
    return Organisation.objects.filter(id__in=access_for(request.user).org_ids(Role.EDITOR))


def _template_for_user(request: HttpRequest, pk: int) -> ResponseTemplate:
    return get_object_or_404(
        ResponseTemplate, pk=pk, organisation_id__in=access_for(request.user).org_ids(Role.EDITOR)
    )


@login_required
@require_GET
def template_list(request: HttpRequest) -> HttpResponse:
    organisations = _editor_organisations(request)
    templates = ResponseTemplate.objects.filter(organisation__in=organisations).select_related(
        "organisation"
    )
    return render(
        request,
        "participation/moderation/template_list.html",
        {"templates": templates, "can_create": organisations.exists()},
    )


def _form_page(request: HttpRequest, form: forms.Form, title: str) -> HttpResponse:
    return form_page(
        request,
        form,
        title=title,
        submit=_("Spara svarsmallen"),
        cancel_url=reverse(LIST_URL),
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_create(request: HttpRequest) -> HttpResponse:
    organisations = _editor_organisations(request)
    if not organisations.exists():
        raise PermissionDenied(_("Bara redaktörer och administratörer kan skriva svarsmallar."))
    form = ResponseTemplateForm(posted(request), organisations=organisations)
    if form.is_valid():
        services.save_template(form.save(commit=False), user=request.user)
        messages.success(request, _("Svarsmallen är sparad."))
        return redirect(LIST_URL)
    return _form_page(request, form, _("Ny svarsmall"))


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = _template_for_user(request, pk)
    form = ResponseTemplateForm(
        posted(request), instance=template, organisations=_editor_organisations(request)
    )
    if form.is_valid():
        services.save_template(form.save(commit=False), user=request.user)
        messages.success(request, _("Svarsmallen är sparad."))
        return redirect(LIST_URL)
    return _form_page(request, form, _("Ändra svarsmallen"))


@login_required
@require_http_methods(["GET", "POST"])
def template_delete(request: HttpRequest, pk: int) -> HttpResponse:
    template = _template_for_user(request, pk)
    if request.method == "POST":
        services.delete_template(template, user=request.user)
        messages.success(request, _("Svarsmallen ”%(title)s” är borttagen.") % {"title": template})
        return redirect(LIST_URL)
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort svarsmallen?"),
        submit=_("Ta bort svarsmallen"),
        danger=True,
        intro=_("”%(title)s” tas bort. Svar som redan har skickats ändras inte.")
        % {"title": template},
        cancel_url=reverse(LIST_URL),
    )
