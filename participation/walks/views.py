"""Staff pages for safety walks: the whole cycle on one page, stops, actions, the revisit."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.forms import modelformset_factory
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.privacy import public_count
from core.views import form_page, posted
from organisations.access import access_for
from organisations.models import Role
from participation.access import Need, get_walk_for_user, walks_visible_to
from participation.models import SafetyWalk, WalkAction
from participation.models.walks import RECOMMENDED_MAX_PARTICIPANTS
from participation.recording import NO_NAMES
from participation.walks import services
from participation.walks.forms import RevisitForm, WalkForm
from promises.access import history_for

TOO_MANY = _(
    "En trygghetsvandring fungerar bäst med högst omkring %(n)s deltagare. Fler går bra, men "
    "överväg att dela gruppen i två vandringar."
)


def _warn_if_crowded(request: HttpRequest, walk: SafetyWalk) -> None:
    if walk.has_many_participants:
        messages.warning(request, TOO_MANY % {"n": RECOMMENDED_MAX_PARTICIPANTS})


@login_required
@require_GET
def walk_list(request: HttpRequest) -> HttpResponse:
    walks = (
        walks_visible_to(request.user)
        .select_related("municipality", "organisation")
        .annotate(stop_count=Count("stops", distinct=True))
        .order_by("-walked_on", "-id")  # Meta.ordering is dropped in a GROUP BY query
    )
    return render(
        request,
        "participation/walk_list.html",
        {"walks": walks, "can_create": bool(access_for(request.user).org_ids(Role.EDITOR))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def walk_create(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.org_ids(Role.EDITOR):
        raise PermissionDenied(
            _("Bara redaktörer och administratörer kan registrera trygghetsvandringar.")
        )
    form = WalkForm(posted(request), access=access)
    if form.is_valid():
        walk = services.save_walk(form, user=request.user)
        messages.success(request, _("Trygghetsvandringen är registrerad. Lägg till stoppen."))
        _warn_if_crowded(request, walk)
        return redirect(walk.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Registrera en trygghetsvandring"),
        submit=_("Spara vandringen"),
        intro=_(
            "En trygghetsvandring har tre möten: ett förmöte, själva vandringen (i dagsljus "
            "eller mörker) och ett uppföljningsmöte. Några månader senare kontrollerar ett "
            "återbesök resultatet. Fyll i de datum som är bestämda; resten kan läggas till senare."
        ),
        cancel_url=reverse("participation_staff:walk_list"),
    )


@login_required
@require_GET
def walk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_walk_for_user(request.user, pk)
    actions = WalkAction.objects.select_related("responsible")
    stops = walk.stops.prefetch_related(Prefetch("actions", queryset=actions))
    return render(
        request,
        "participation/walk_detail.html",
        {
            "walk": walk,
            "stops": stops,
            "participants": public_count(walk.participants, counts_people=True),
            "too_many": TOO_MANY % {"n": RECOMMENDED_MAX_PARTICIPANTS},
            "can_edit": access_for(request.user).has({walk.organisation_id}, Role.EDITOR),
            "history": history_for(request.user, walk, limit=50),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def walk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    form = WalkForm(posted(request), instance=walk, access=access_for(request.user))
    if form.is_valid():
        services.save_walk(form, user=request.user)
        messages.success(request, _("Ändringarna är sparade."))
        _warn_if_crowded(request, walk)
        return redirect(walk.get_staff_url())
    return form_page(
        request,
        form,
        title=_("Ändra trygghetsvandringen"),
        submit=_("Spara ändringarna"),
        intro=NO_NAMES,
        cancel_url=walk.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def walk_publish(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    publish = not walk.is_published
    if request.method == "POST":
        services.set_published(walk, user=request.user, published=publish)
        messages.success(
            request,
            _("Sammanfattningen är publicerad.")
            if publish
            else _("Vandringen är inte längre publik."),
        )
        return redirect(walk.get_staff_url())
    return form_page(
        request,
        forms.Form(),
        title=_("Publicera sammanfattningen?") if publish else _("Avpublicera vandringen?"),
        submit=_("Publicera") if publish else _("Avpublicera"),
        danger=not publish,
        intro=_(
            "Invånarna ser datum, sammanfattning, stoppen med kategori och anmärkning, "
            "åtgärderna med ansvarig och status, och återbesökets resultat. Platser visas "
            "ungefärligt (inom cirka 200 meter) utom där exakt plats är godkänd. Kontrollera att "
            "ingen text innehåller namn eller uppgifter som kan peka ut en person."
        )
        if publish
        else _("Sammanfattningen tas bort från de publika sidorna. Vandringen finns kvar här."),
        cancel_url=walk.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def walk_delete(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    if request.method == "POST":
        services.delete_walk(walk, user=request.user)
        messages.success(request, _("Vandringen ”%(title)s” är borttagen.") % {"title": walk})
        return redirect("participation_staff:walk_list")
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort trygghetsvandringen?"),
        submit=_("Ta bort vandringen"),
        danger=True,
        intro=_(
            "”%(title)s” tas bort med alla %(n)s stopp och deras åtgärder. Det går inte att ångra."
        )
        % {"title": walk, "n": walk.stops.count()},
        cancel_url=walk.get_staff_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def walk_revisit(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_walk_for_user(request.user, pk, Need.EDIT)
    actions = (
        WalkAction.objects.filter(stop__walk=walk)
        .select_related("stop")
        .order_by("stop__order", "stop_id", "id")
    )
    RevisitFormSet = modelformset_factory(WalkAction, form=RevisitForm, extra=0, edit_only=True)
    formset = RevisitFormSet(posted(request), queryset=actions)
    if request.method == "POST" and formset.is_valid():
        changed = services.record_revisit(walk, formset, user=request.user)
        messages.success(
            request, _("Återbesöket är sparat (%(n)s åtgärder ändrade).") % {"n": changed}
        )
        return redirect(walk.get_staff_url())
    return render(
        request,
        "participation/walk_revisit.html",
        {"walk": walk, "formset": formset},
        status=400 if formset.is_bound else 200,
    )
