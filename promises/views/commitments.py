from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import form_page, posted
from promises.access import Need, get_commitment_for_user, get_promise_for_user
from promises.forms.promises import CommitmentForm, DeleteWithNoteForm
from promises.models import Commitment
from promises.services.editing import delete_commitment, save_promise_text
from promises.views.common import refuse_if_closed


@login_required
@require_http_methods(["GET", "POST"])
def commitment_create(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_promise_for_user(request.user, pk, Need.EDIT)
    if refused := refuse_if_closed(request, promise):
        return refused
    form = CommitmentForm(posted(request), promise=promise, instance=Commitment(promise=promise))
    if form.is_valid():
        save_promise_text(
            form,
            promise=promise,
            user=request.user,
            action="commitment.created",
            change_note=form.cleaned_data.get("change_note", ""),
        )
        messages.success(request, _("Åtagandet är tillagt."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Nytt åtagande"),
        submit=_("Lägg till åtagandet"),
        intro=_(
            "Vem lovar vad? Skriv som det ska stå i löftet, t.ex. ”genomföra riktade insatser mot …”."
        ),
        cancel_url=promise.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, pk, Need.EDIT)
    promise = commitment.promise
    if refused := refuse_if_closed(request, promise):
        return refused
    form = CommitmentForm(posted(request), promise=promise, instance=commitment)
    if form.is_valid():
        save_promise_text(
            form,
            promise=promise,
            user=request.user,
            action="commitment.changed",
            change_note=form.cleaned_data.get("change_note", ""),
        )
        messages.success(request, _("Åtagandet är ändrat."))
        return redirect(promise.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra åtagandet"),
        submit=_("Spara ändringarna"),
        cancel_url=promise.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, pk, Need.EDIT)
    promise = commitment.promise
    if refused := refuse_if_closed(request, promise):
        return refused
    form = DeleteWithNoteForm(posted(request), promise=promise)
    if form.is_valid():
        delete_commitment(
            commitment, user=request.user, change_note=form.cleaned_data.get("change_note", "")
        )
        messages.success(request, _("Åtagandet är borttaget."))
        return redirect(promise.get_staff_url())
    count = commitment.activities.count()
    return form_page(
        request,
        form,
        title=_("Ta bort åtagandet?"),
        submit=_("Ta bort åtagandet"),
        danger=True,
        intro=_(
            "”%(text)s” tas bort tillsammans med %(count)s aktiviteter och deras lägesrapporter. "
            "Det går inte att ångra."
        )
        % {"text": commitment.text, "count": count},
        cancel_url=promise.get_staff_url(),
    )
