"""One URL per lifecycle step; GET shows what will happen, POST does it."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import form_page, posted
from organisations.access import access_for
from promises.access import Need, get_promise_for_user
from promises.forms.promises import ConcludeForm, ExtendForm, ReplaceForm
from promises.models import Promise
from promises.services import lifecycle


def _step(
    request: HttpRequest,
    promise: Promise,
    form: forms.Form,
    do: Callable[[dict], object],
    *,
    title: str,
    intro: str,
    submit: str,
    done: str,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            do(form.cleaned_data)
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        else:
            messages.success(request, done)
            return redirect(promise.get_staff_url())
    return form_page(
        request, form, title=title, intro=intro, submit=submit, cancel_url=promise.get_staff_url()
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    return _step(
        request,
        promise,
        forms.Form(posted(request)),
        lambda d: lifecycle.adopt_promise(promise=promise, user=request.user),
        title=_("Markera löftet som antaget"),
        intro=_("Gör detta när löftet är undertecknat av parterna. Det publiceras inte än."),
        submit=_("Markera som antaget"),
        done=_("Löftet är markerat som antaget."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_return_to_draft(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    return _step(
        request,
        promise,
        forms.Form(posted(request)),
        lambda d: lifecycle.return_to_draft(promise=promise, user=request.user),
        title=_("Gör om löftet till utkast"),
        intro=_("Använd detta om löftet markerades som antaget för tidigt."),
        submit=_("Gör om till utkast"),
        done=_("Löftet är ett utkast igen."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_publish(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    return _step(
        request,
        promise,
        forms.Form(posted(request)),
        lambda d: lifecycle.publish_promise(promise=promise, user=request.user),
        title=_("Publicera löftet"),
        intro=_(
            "Löftet visas då för alla på kommunernas sidor. Texten kan därefter bara ändras "
            "genom en ny version som invånarna kan se."
        ),
        submit=_("Publicera"),
        done=_("Löftet är publicerat."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    return _step(
        request,
        promise,
        ConcludeForm(posted(request)),
        lambda d: lifecycle.conclude_promise(
            promise=promise, user=request.user, concluded_on=d["concluded_on"]
        ),
        title=_("Avsluta löftet"),
        intro=_("Löftet flyttas till ”Tidigare medborgarlöften”. Det går inte att ångra."),
        submit=_("Avsluta löftet"),
        done=_("Löftet är avslutat."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_extend(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    return _step(
        request,
        promise,
        ExtendForm(posted(request)),
        lambda d: lifecycle.extend_promise(
            promise=promise, user=request.user, new_end=d["new_end"], note=d["note"]
        ),
        title=_("Förläng löftet"),
        intro=_("Perioden förlängs och en ny version publiceras med din förklaring."),
        submit=_("Förläng"),
        done=_("Löftet är förlängt."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_replace(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    form = ReplaceForm(posted(request), promise=promise, access=access_for(request.user))
    return _step(
        request,
        promise,
        form,
        lambda d: lifecycle.replace_promise(
            promise=promise, user=request.user, successor=d["successor"]
        ),
        title=_("Ersätt löftet med ett nytt"),
        intro=_("Det här löftet avslutas och länkar till det nya. Det går inte att ångra."),
        submit=_("Ersätt"),
        done=_("Löftet är ersatt."),
    )
