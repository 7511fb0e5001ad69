from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Role
from promises.access import Need, get_agreement_for_user, get_group_for_user, history_for
from promises.forms.agreements import AgreementForm, GovernanceGroupForm
from promises.models import Agreement, GovernanceGroup
from promises.services.editing import audited_delete, audited_save


@login_required
@require_GET
def agreement_list(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    agreements = Agreement.objects.visible_to_orgs(access.org_ids()).prefetch_related("parties")
    return render(
        request,
        "staff/agreement_list.html",
        {
            "agreements": agreements,
            "can_create": bool(access.org_ids(Role.EDITOR)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.org_ids(Role.EDITOR):
        raise PermissionDenied
    form = AgreementForm(posted(request), access=access)
    if form.is_valid():
        agreement = audited_save(form, user=request.user, action="agreement.created")
        messages.success(
            request, _("Överenskommelsen är sparad. Lägg till styrgrupp och arbetsgrupper.")
        )
        return redirect(agreement.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Ny samverkansöverenskommelse"),
        submit=_("Spara överenskommelsen"),
        cancel_url=reverse("staff:agreement_list"),
    )


@login_required
@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_agreement_for_user(request.user, pk)
    parties = set(agreement.parties.values_list("id", flat=True))
    return render(
        request,
        "staff/agreement_detail.html",
        {
            "agreement": agreement,
            "can_edit": access_for(request.user).has(parties, Role.EDITOR),
            "history": history_for(request.user, agreement),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_agreement_for_user(request.user, pk, Need.EDIT)
    form = AgreementForm(posted(request), instance=agreement, access=access_for(request.user))
    if form.is_valid():
        audited_save(form, user=request.user, action="agreement.changed")
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(agreement.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Ändra överenskommelsen"),
        submit=_("Spara ändringarna"),
        cancel_url=agreement.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_agreement_for_user(request.user, pk, Need.EDIT)
    form = GovernanceGroupForm(posted(request), instance=GovernanceGroup(agreement=agreement))
    if form.is_valid():
        audited_save(form, user=request.user, action="agreement.group_created")
        messages.success(request, _("Gruppen är tillagd."))
        return redirect(agreement.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Ny grupp"),
        submit=_("Lägg till gruppen"),
        intro=_("Ange medlemmarna med roll och organisation. Namn behövs inte."),
        cancel_url=agreement.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_group_for_user(request.user, pk, Need.EDIT)
    form = GovernanceGroupForm(posted(request), instance=group)
    if form.is_valid():
        audited_save(form, user=request.user, action="agreement.group_changed")
        messages.success(request, _("Gruppen är ändrad."))
        return redirect(group.agreement.get_absolute_url())
    return form_page(
        request,
        form,
        title=_("Ändra gruppen"),
        submit=_("Spara ändringarna"),
        cancel_url=group.agreement.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_delete(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_group_for_user(request.user, pk, Need.EDIT)
    if request.method == "POST":
        audited_delete(group, user=request.user, action="agreement.group_deleted")
        messages.success(request, _("Gruppen är borttagen."))
        return redirect(group.agreement.get_absolute_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort gruppen?"),
        submit=_("Ta bort gruppen"),
        danger=True,
        intro=_("”%(name)s” tas bort från överenskommelsen. Det går inte att ångra.")
        % {"name": group},
        cancel_url=group.agreement.get_absolute_url(),
    )
