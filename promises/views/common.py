from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from promises.models import Promise


def refuse_if_closed(request: HttpRequest, promise: Promise) -> HttpResponse | None:
    """A redirect with an explanation when the promise's text can no longer change."""
    if promise.is_text_editable:
        return None
    messages.error(request, _("Ett avslutat eller ersatt löfte kan inte ändras."))
    return redirect(promise.get_staff_url())
