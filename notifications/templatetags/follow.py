"""`{% follow_form promise=… %}` / `{% follow_form municipality=… %}`: the form for following by
e-mail, placed on the public pages without their views knowing about it."""

from django import template
from django.conf import settings
from django.urls import reverse

from notifications.forms import FollowForm
from organisations.models import Municipality
from promises.models import Promise

register = template.Library()


@register.inclusion_tag("notifications/_follow_form.html", takes_context=True)
def follow_form(
    context: template.Context,
    promise: Promise | None = None,
    municipality: Municipality | None = None,
    h: int = 2,
) -> dict:
    if promise is not None:
        action = reverse("notifications:follow_promise", args=[promise.pk])
    else:
        action = reverse("notifications:follow_municipality", args=[municipality.slug])
    return {
        "form": FollowForm(),
        "target_name": str(promise or municipality),
        "promise": promise,
        "action": action,
        "h": h,
        "confirm_days": settings.SUBSCRIPTION_CONFIRM_DAYS,
        "csrf_token": context.get("csrf_token"),
    }
