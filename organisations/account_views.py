"""The staff user's own account (/personal/konto/): what is kept about them, a JSON download of
it, and erasing the account after a confirmation (organisations.accounts)."""

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import form_page
from organisations.accounts import LastAdministrator, erase_account, export_account, last_admin_of
from organisations.models import Membership


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.filter(user=request.user).select_related("organisation")
    return render(
        request,
        "staff/account.html",
        {"memberships": memberships, "last_admin_of": last_admin_of(request.user)},
    )


@never_cache
@login_required
@require_POST
def account_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(export_account(request.user), content_type="application/json")
    name = f"mina-uppgifter-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _refused(request: HttpRequest, error: LastAdministrator) -> HttpResponse:
    return render(
        request,
        "staff/account_erase_refused.html",
        {"organisations": error.organisations},
        status=409 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_erase(request: HttpRequest) -> HttpResponse:
    last = last_admin_of(request.user)
    if last:
        return _refused(request, LastAdministrator(last))
    if request.method == "POST":
        try:
            erase_account(request.user)
        except LastAdministrator as error:  # someone else's change meanwhile
            return _refused(request, error)
        logout(request)
        return render(request, "staff/account_erased.html")
    return form_page(
        request,
        forms.Form(),
        title=_("Radera ditt konto?"),
        submit=_("Ja, radera mitt konto"),
        danger=True,
        template="staff/account_erase.html",
        cancel_url=reverse("staff:account"),
    )
