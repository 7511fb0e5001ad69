"""The login's second step: the code page, enrolling an app (with recovery codes), and the
login page that leads to them. The rules are in organisations/second_factor.py."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.forms import LoginForm
from core.qr import qr_svg
from organisations import second_factor as sf
from organisations.login import lockout_response

BAD_FORMAT = gettext_lazy(
    "Skriv de sex siffrorna som appen visar just nu, eller en av dina reservkoder (åtta tecken)."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kod"),
        max_length=20,
        help_text=gettext_lazy("Sex siffror från appen, eller en reservkod."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if sf.code_kind(code) is None:
            raise forms.ValidationError(BAD_FORMAT)
        return code


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Koden som appen visar"),
        max_length=10,
        help_text=gettext_lazy("Sex siffror."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if sf.code_kind(code) is not sf.CodeKind.APP:
            raise forms.ValidationError(_("Skriv de sex siffrorna som appen visar just nu."))
        return code


class StaffLoginView(auth_views.LoginView):
    """Django's login, then the second step for those who need it (keeping `next`)."""

    template_name = "registration/login.html"
    authentication_form = LoginForm

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        pending = getattr(request, "second_factor_pending", None)
        if pending is not None:
            return redirect(sf.second_factor_url(pending, self.get_redirect_url()))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: LoginForm) -> HttpResponse:
        response = super().form_valid(form)
        if sf.after_password(self.request, form.get_user()):
            return redirect(sf.second_factor_url(form.get_user(), self.get_redirect_url()))
        return response


def _next(request: HttpRequest) -> str:
    return sf.safe_next(request, request.POST.get("next") or request.GET.get("next"))


def _go_on(next_url: str) -> HttpResponse:
    return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    user, next_url = request.user, _next(request)
    if not user.is_authenticated:
        return redirect("login")
    if sf.is_verified(request):
        return _go_on(next_url)
    if sf.app_device(user) is None:
        return redirect(sf.second_factor_url(user, next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = sf.check_code(request, form.cleaned_data["code"])
        if result.outcome is sf.Outcome.LOCKED:
            logout(request)
            return lockout_response(request, credentials={"username": user.get_username()})
        if result.outcome is sf.Outcome.ACCEPTED:
            if result.kind is sf.CodeKind.RECOVERY:
                messages.warning(request, _recovery_left_message(result.recovery_codes_left))
            return _go_on(next_url)
        form.add_error("code", _("Koden stämmer inte, eller är redan använd. Försök igen."))
    return render(request, "registration/login_code.html", {"form": form, "next": next_url})


def _recovery_left_message(left: int) -> str:
    return ngettext(
        "Du loggade in med en reservkod. Den går inte att använda igen; du har %(count)d kvar. "
        "Skapa nya koder genom att registrera appen på nytt.",
        "Du loggade in med en reservkod. Den går inte att använda igen; du har %(count)d kvar. "
        "Skapa nya koder genom att registrera appen på nytt.",
        left,
    ) % {"count": left}


@never_cache
@require_http_methods(["GET", "POST"])
def login_enrol(request: HttpRequest) -> HttpResponse:
    user, next_url = request.user, _next(request)
    if not user.is_authenticated:
        return redirect("login")
    if sf.app_device(user) is not None and not sf.is_verified(request):
        # Replacing an app asks for a code of the one there is.
        return redirect(sf.second_factor_url(user, next_url))
    device = sf.pending_app(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = sf.confirm_app(request, device, form.cleaned_data["code"])
        if codes is not None:
            context = {"codes": codes, "next": next_url or resolve_url(settings.LOGIN_REDIRECT_URL)}
            return render(request, "registration/recovery_codes.html", context)
        form.add_error(
            "code",
            _(
                "Koden stämmer inte. Kontrollera att appen visar koden för det här kontot och försök igen."
            ),
        )
    context = {
        "form": form,
        "next": next_url,
        "qr": qr_svg(device.config_url, title=_("QR-kod att läsa in i autentiseringsappen")),
        "secret": sf.secret_of(device),
        "issuer": settings.OTP_TOTP_ISSUER,
        "required": sf.needs_second_factor(user),
        "has_app": sf.app_device(user) is not None,
    }
    return render(request, "registration/login_enrol.html", context)
