"""Staff pages for personal API tokens: list, create (the secret shown once), revoke."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from api.forms import TokenForm
from api.models import ApiToken
from api.tokens import create_token, get_token_for_user, revoke_token
from core.views import form_page, posted
from organisations.access import get_organisations_for_user


@login_required
@require_GET
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(user=request.user).select_related("organisation")
    return render(
        request,
        "api/token_list.html",
        {"tokens": tokens, "can_create": bool(get_organisations_for_user(request.user))},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    organisations = get_organisations_for_user(request.user)
    if not organisations:
        messages.error(
            request, _("Du är inte medlem i någon organisation och kan inte skapa nycklar.")
        )
        return redirect("api_staff:token_list")
    form = TokenForm(posted(request), organisations=organisations)
    if form.is_valid():
        token, secret = create_token(user=request.user, **form.cleaned_data)
        # The secret is shown on this one response and never again (only its hash is kept).
        return render(request, "api/token_created.html", {"token": token, "secret": secret})
    return form_page(
        request,
        form,
        title=_("Ny API-nyckel"),
        submit=_("Skapa nyckeln"),
        intro=_(
            "En API-nyckel låter ett av era egna system läsa löften och rapportera läget i ditt "
            "namn, med de rättigheter du har i den organisation du väljer."
        ),
        cancel_url=reverse("api_staff:token_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_user(request.user, pk)
    if token.revoked_at is not None:
        messages.info(request, _("Nyckeln var redan återkallad."))
        return redirect("api_staff:token_list")
    if request.method == "POST":
        revoke_token(token=token, user=request.user)
        messages.success(request, _("Nyckeln är återkallad och kan inte användas längre."))
        return redirect("api_staff:token_list")
    return form_page(
        request,
        forms.Form(),
        title=_("Återkalla API-nyckeln?"),
        submit=_("Återkalla nyckeln"),
        danger=True,
        intro=_(
            "”%(name)s” (börjar med %(prefix)s) slutar fungera direkt. System som använder den "
            "får svaret 401. Det går inte att ångra."
        )
        % {"name": token.name, "prefix": token.prefix},
        cancel_url=reverse("api_staff:token_list"),
    )
