from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import form_page, posted
from notifications.forms import ReminderSettingsForm
from notifications.models import ReminderSettings
from organisations import auditlog
from organisations.access import access_for


def get_reminder_settings_for_user(user: AbstractBaseUser) -> ReminderSettings:
    """The user's own settings (unsaved defaults when they never changed them)."""
    return ReminderSettings.objects.filter(user=user).first() or ReminderSettings(user=user)


@login_required
@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    form = ReminderSettingsForm(
        posted(request), instance=get_reminder_settings_for_user(request.user)
    )
    if form.is_valid():
        org_ids = access_for(request.user).org_ids()
        auditlog.audited_save(
            form, user=request.user, action="reminder_settings.changed", parties=lambda _o: org_ids
        )
        messages.success(request, _("Ditt val för påminnelser är sparat."))
        return redirect("notifications_staff:reminder_settings")
    return form_page(
        request,
        form,
        title=_("Påminnelser"),
        submit=_("Spara"),
        cancel_url=reverse("staff:dashboard"),
        template="notifications/reminder_settings.html",
        context={
            "quiet_weeks": settings.REMINDER_QUIET_WEEKS,
            "follow_up_months": settings.REMINDER_FOLLOW_UP_MONTHS,
            "repeat_days": settings.REMINDER_REPEAT_DAYS,
        },
    )
