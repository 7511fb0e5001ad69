"""Staff password reset by e-mail: Django's views with our form, templates and audit trail.

The answer is the same whether an account has the address or not. The e-mail is sent as a
background task (notifications.tasks.send_password_reset) that gets the account's id only and
makes the link itself, so no address or token is stored in the queue. A new password does not
skip the second factor: the next login still asks for the code.
"""

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.http import HttpResponse
from django.urls import URLPattern, path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from organisations.login import audit_login_event


class StaffPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        help_text=_("Adressen som ditt konto har i plattformen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def save(self, **kwargs: object) -> None:
        from notifications.tasks import send_password_reset

        for user in self.get_users(self.cleaned_data["email"]):
            audit_login_event("password.reset_requested", user=user)
            send_password_reset.enqueue(user.pk)


class AuditedSetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        audit_login_event("password.reset_completed", user=form.user, actor=form.user)
        return response


def password_reset_urls() -> list[URLPattern]:
    """Under /losenord/ (never cached, core/caching.py)."""
    reset = auth_views.PasswordResetView.as_view(
        form_class=StaffPasswordResetForm,
        template_name="registration/password_reset_form.html",
        success_url=reverse_lazy("password_reset_done"),
    )
    done = auth_views.PasswordResetDoneView.as_view(
        template_name="registration/password_reset_done.html"
    )
    complete = auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_reset_complete.html"
    )
    return [
        path("glomt/", reset, name="password_reset"),
        path("skickat/", done, name="password_reset_done"),
        path(
            "nytt/<uidb64>/<token>/",
            AuditedSetPasswordView.as_view(),
            name="password_reset_confirm",
        ),
        path("klart/", complete, name="password_reset_complete"),
    ]
