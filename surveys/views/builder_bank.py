"""The question bank: the standard items and the organisation's own, by topic and search; an
item's versions and where it is asked; own items written and changed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for, get_organisations_for_user
from organisations.models import Role
from surveys.access import Need, get_item_for_user
from surveys.builder.bank import bank_entries, topics_in_use
from surveys.builder.items import change_own_item, create_own_item, topic_label
from surveys.forms.builder_items import OwnItemForm, own_item_fields
from surveys.models import Question
from surveys.services import item_has_been_asked


@login_required
@require_GET
def bank_list(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    topic, query = request.GET.get("amne", ""), request.GET.get("sok", "").strip()
    return render(
        request,
        "surveys/builder/bank_list.html",
        {
            "entries": bank_entries(access.org_ids(), topic, query),
            "topics": topics_in_use(access.org_ids()),
            "topic": topic,
            "query": query,
            "can_create": bool(access.org_ids(Role.EDITOR)),
        },
    )


@login_required
@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk)
    access = access_for(request.user)
    versions = list(item.versions.order_by("-number"))
    questions = Question.objects.filter(
        item_version__item=item, survey__organisation_id__in=access.org_ids()
    ).select_related("survey", "item_version")
    return render(
        request,
        "surveys/builder/item_detail.html",
        {
            "item": item,
            "versions": [(v, item_has_been_asked(v)) for v in versions],
            "questions": questions,
            "topic": topic_label(item.topic),
            "can_edit": not item.is_standard and access.has({item.organisation_id}, Role.EDITOR),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest) -> HttpResponse:
    organisations = get_organisations_for_user(request.user, Role.EDITOR)
    if not organisations:
        raise PermissionDenied(_("Bara redaktörer och administratörer kan skriva egna frågor."))
    form = OwnItemForm(posted(request), organisations=organisations)
    if form.is_valid():
        item = create_own_item(
            user=request.user,
            organisation=form.cleaned_data["organisation"],
            **own_item_fields(form),
        )
        messages.success(
            request, _("Frågan ”%(code)s” är sparad i frågebanken.") % {"code": item.code}
        )
        return redirect("surveys_staff:item_detail", pk=item.pk)
    return form_page(
        request,
        form,
        title=_("Ny egen fråga i frågebanken"),
        submit=_("Spara frågan"),
        cancel_url=reverse("surveys_staff:bank_list"),
        template="surveys/builder/item_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(request.user, pk, Need.EDIT)
    organisations = get_organisations_for_user(request.user, Role.EDITOR)
    form = OwnItemForm(posted(request), organisations=organisations, item=item)
    asked = item_has_been_asked(item.latest_version())
    if form.is_valid():
        version = change_own_item(item=item, user=request.user, **own_item_fields(form))
        messages.success(
            request,
            _("Ändringen är sparad som version %(n)s.") % {"n": version.number}
            if asked
            else _("Ändringen är sparad."),
        )
        return redirect("surveys_staff:item_detail", pk=item.pk)
    return form_page(
        request,
        form,
        title=_("Ändra frågan ”%(code)s”") % {"code": item.code},
        intro=_(
            "Den här versionen har ställts i en omgång. Ändringen blir en ny version: svaren "
            "som redan finns hör till den gamla, och resultaten visar vilken version som ställdes."
        )
        if asked
        else _("Versionen har inte ställts i någon omgång än och ändras direkt."),
        submit=_("Spara ändringen"),
        cancel_url=reverse("surveys_staff:item_detail", args=[item.pk]),
        template="surveys/builder/item_form.html",
    )
