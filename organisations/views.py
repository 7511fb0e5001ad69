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
from organisations.access import (
    access_for,
    get_contact_for_user,
    get_organisation_for_user,
    get_organisations_for_user,
)
from organisations.auditlog import audited_delete, audited_save
from organisations.forms import ContactForm
from organisations.models import Contact, Membership, Role


def _save_contact(request: HttpRequest, form: ContactForm, action: str) -> None:
    audited_save(form, user=request.user, action=action, parties=lambda c: [c.organisation_id])


@login_required
@require_GET
def contact_list(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    contacts = Contact.objects.filter(organisation_id__in=access.org_ids()).select_related(
        "organisation", "municipality"
    )
    return render(
        request,
        "staff/contact_list.html",
        {
            "contacts": contacts,
            "editable": access.org_ids(Role.EDITOR),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest) -> HttpResponse:
    organisations = get_organisations_for_user(request.user, Role.EDITOR)
    if not organisations:
        raise PermissionDenied
    form = ContactForm(posted(request), organisations=organisations)
    if form.is_valid():
        _save_contact(request, form, "contact.created")
        messages.success(request, _("Kontakten är tillagd och visas på de publika sidorna."))
        return redirect("staff:contact_list")
    return form_page(
        request,
        form,
        title=_("Ny kontakt"),
        submit=_("Lägg till kontakten"),
        intro=_("Ange funktionens telefon eller e-post. Ett personnamn är frivilligt."),
        cancel_url=reverse("staff:contact_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk)
    organisations = get_organisations_for_user(request.user, Role.EDITOR)
    form = ContactForm(posted(request), instance=contact, organisations=organisations)
    if form.is_valid():
        _save_contact(request, form, "contact.changed")
        messages.success(request, _("Kontakten är ändrad."))
        return redirect("staff:contact_list")
    return form_page(
        request,
        form,
        title=_("Ändra kontakten"),
        submit=_("Spara ändringarna"),
        cancel_url=reverse("staff:contact_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, pk: int) -> HttpResponse:
    contact = get_contact_for_user(request.user, pk)
    if request.method == "POST":
        audited_delete(
            contact, user=request.user, action="contact.deleted", parties=[contact.organisation_id]
        )
        messages.success(request, _("Kontakten är borttagen."))
        return redirect("staff:contact_list")
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort kontakten?"),
        submit=_("Ta bort kontakten"),
        danger=True,
        intro=_("%(contact)s visas inte längre på de publika sidorna.") % {"contact": contact},
        cancel_url=reverse("staff:contact_list"),
    )


@login_required
@require_GET
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    organisation = get_organisation_for_user(request.user, pk)
    members = Membership.objects.filter(organisation=organisation).select_related("user")
    return render(
        request,
        "staff/organisation_detail.html",
        {
            "organisation": organisation,
            "members": members,
            "is_admin": access.role_in(organisation.pk) == Role.ADMIN,
        },
    )
