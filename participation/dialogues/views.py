"""Staff pages for dialogues: list with filters, record, remarks, publish, delete."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.privacy import public_count
from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Role
from participation.access import Need, dialogues_visible_to, get_dialogue_for_user
from participation.dialogues import services
from participation.dialogues.forms import DialogueFilterForm, DialogueForm, RemarkForm
from participation.models import DialogueRemark
from participation.recording import NO_NAMES
from promises.access import history_for

LIST_URL = "participation_staff:dialogue_list"


@login_required
@require_GET
def dialogue_list(request: HttpRequest) -> HttpResponse:
    visible = dialogues_visible_to(request.user)
    years = sorted({d.year for d in visible.dates("held_on", "year")}, reverse=True)
    form = DialogueFilterForm(request.GET or None, years=years)
    dialogues = (
        visible.select_related("municipality", "organisation")
        .annotate(remark_count=Count("remarks"))
        .order_by("-held_on", "-id")  # Meta.ordering is dropped in a GROUP BY query
    )
    if form.is_valid():
        dialogues = dialogues.filtered(**form.cleaned_data)
    return render(
        request,
        "participation/dialogue_list.html",
        {
            "form": form,
            "dialogues": dialogues,
            "can_create": bool(access_for(request.user).org_ids(Role.EDITOR)),
            "filtered": any(request.GET.get(k) for k in ("kind", "year", "focus_area")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_create(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.org_ids(Role.EDITOR):
        raise PermissionDenied(_("Bara redaktörer och administratörer kan registrera dialoger."))
    form = DialogueForm(posted(request), access=access)
    if form.is_valid():
        dialogue = services.save_dialogue(form, user=request.user)
        messages.success(request, _("Dialogen är registrerad. Lägg till det som sades."))
        return redirect(dialogue.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Registrera en dialog"),
        submit=_("Spara dialogen"),
        intro=NO_NAMES,
        cancel_url=reverse(LIST_URL),
    )


@login_required
@require_GET
def dialogue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(request.user, pk)
    remarks = dialogue.remarks.select_related("focus_area")
    return render(
        request,
        "participation/dialogue_detail.html",
        {
            "dialogue": dialogue,
            "remarks": remarks,
            "participants": public_count(dialogue.participants, counts_people=True),
            "can_edit": access_for(request.user).has({dialogue.organisation_id}, Role.EDITOR),
            "history": history_for(request.user, dialogue),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(request.user, pk, Need.EDIT)
    form = DialogueForm(posted(request), instance=dialogue, access=access_for(request.user))
    if form.is_valid():
        services.save_dialogue(form, user=request.user)
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(dialogue.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra dialogen"),
        submit=_("Spara ändringarna"),
        intro=NO_NAMES,
        cancel_url=dialogue.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_publish(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(request.user, pk, Need.EDIT)
    publish = not dialogue.is_published
    if request.method == "POST":
        services.set_published(dialogue, user=request.user, published=publish)
        messages.success(
            request,
            _("Dialogen är publicerad.") if publish else _("Dialogen är inte längre publik."),
        )
        return redirect(dialogue.get_staff_url())
    remarks = dialogue.remarks.select_related("focus_area")
    return form_page(
        request,
        forms.Form(),
        title=_("Publicera dialogen?") if publish else _("Avpublicera dialogen?"),
        submit=_("Publicera") if publish else _("Avpublicera"),
        danger=not publish,
        cancel_url=dialogue.get_staff_url(),
        template="participation/dialogue_publish.html",
        context={
            "dialogue": dialogue,
            "publish": publish,
            "public_remarks": [r for r in remarks if r.is_public],
            "internal_count": sum(1 for r in remarks if not r.is_public),
            "participants": public_count(dialogue.participants, counts_people=True),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def dialogue_delete(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(request.user, pk, Need.EDIT)
    if request.method == "POST":
        services.delete_dialogue(dialogue, user=request.user)
        messages.success(request, _("Dialogen ”%(title)s” är borttagen.") % {"title": dialogue})
        return redirect(LIST_URL)
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort dialogen?"),
        submit=_("Ta bort dialogen"),
        danger=True,
        intro=_(
            "”%(title)s” och alla %(n)s synpunkter från den tas bort, även från löftenas "
            "publika sidor. Det går inte att ångra."
        )
        % {"title": dialogue, "n": dialogue.remarks.count()},
        cancel_url=dialogue.get_staff_url(),
    )


def _remark(request: HttpRequest, pk: int, remark_pk: int) -> DialogueRemark:
    dialogue = get_dialogue_for_user(request.user, pk, Need.EDIT)
    return get_object_or_404(dialogue.remarks.select_related("dialogue"), pk=remark_pk)


@login_required
@require_http_methods(["GET", "POST"])
def remark_create(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(request.user, pk, Need.EDIT)
    form = RemarkForm(posted(request), instance=DialogueRemark(dialogue=dialogue))
    if form.is_valid():
        services.save_remark(form, user=request.user)
        messages.success(request, _("Synpunkten är sparad."))
        if "another" in request.POST:
            return redirect("participation_staff:remark_create", pk=dialogue.pk)
        return redirect(dialogue.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Lägg till synpunkt"),
        submit=_("Spara synpunkten"),
        cancel_url=dialogue.get_staff_url(),
        template="participation/remark_form.html",
        context={"dialogue": dialogue, "remarks": dialogue.remarks.select_related("focus_area")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def remark_edit(request: HttpRequest, pk: int, remark_pk: int) -> HttpResponse:
    remark = _remark(request, pk, remark_pk)
    form = RemarkForm(posted(request), instance=remark)
    if form.is_valid():
        services.save_remark(form, user=request.user)
        messages.success(request, _("Synpunkten är ändrad."))
        return redirect(remark.dialogue.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra synpunkten"),
        submit=_("Spara ändringarna"),
        cancel_url=remark.dialogue.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def remark_delete(request: HttpRequest, pk: int, remark_pk: int) -> HttpResponse:
    remark = _remark(request, pk, remark_pk)
    if request.method == "POST":
        services.delete_remark(remark, user=request.user)
        messages.success(request, _("Synpunkten är borttagen."))
        return redirect(remark.dialogue.get_staff_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort synpunkten?"),
        submit=_("Ta bort synpunkten"),
        danger=True,
        intro=_("”%(text)s” tas bort från dialogen. Det går inte att ångra.")
        % {"text": remark.text[:120]},
        cancel_url=remark.dialogue.get_staff_url(),
    )
