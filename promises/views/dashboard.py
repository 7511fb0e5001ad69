from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for, get_organisations_for_user
from organisations.models import AuditEntry, Role
from promises.forms.promises import FocusAreaForm
from promises.models import Activity, FocusArea, ProgressUpdate, Promise
from promises.models.activities import FINAL_STATUSES
from promises.reminders import reminders_for_user
from promises.services.editing import audited_save


def updates_to_review(editor_org_ids: set[int]) -> list[ProgressUpdate]:
    """Reporters' updates waiting for an editor of the responsible organisation or a party."""
    ids = (
        ProgressUpdate.objects.awaiting_review()
        .filter(
            Q(activity__responsible_id__in=editor_org_ids)
            | Q(activity__commitment__promise__parties__in=editor_org_ids)
        )
        .values("id")
    )
    return list(
        ProgressUpdate.objects.filter(id__in=ids)
        .select_related("activity", "author_organisation")
        .order_by("date")[:20]
    )


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    org_ids = access.org_ids()
    return render(
        request,
        "staff/dashboard.html",
        {
            "organisations": [
                (o, Role(access.role_in(o.pk)).label, access.titles.get(o.pk))
                for o in get_organisations_for_user(request.user)
            ],
            "promises": Promise.objects.visible_to_orgs(org_ids).prefetch_related("parties")[:10],
            "activities": Activity.objects.with_progress()
            .responsible_among(access.org_ids(Role.REPORTER))
            .exclude(status__in=FINAL_STATUSES)
            .select_related("responsible", "commitment__promise")
            .order_by("end")[:10],
            "recent": AuditEntry.objects.readable_by_orgs(org_ids)[:8],
            "to_review": updates_to_review(access.org_ids(Role.EDITOR)),
            "reminders": reminders_for_user(request.user),
            "can_create": bool(access.org_ids(Role.EDITOR)),
        },
    )


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.readable_by_orgs(access_for(request.user).org_ids())
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries.select_related("content_type"), 50).get_page(request.GET.get("page"))
    return render(request, "staff/audit_log.html", {"page": page, "action": action})


@login_required
@require_GET
def focus_area_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/focus_area_list.html",
        {
            "focus_areas": FocusArea.objects.all(),
            "can_create": bool(access_for(request.user).org_ids(Role.EDITOR)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def focus_area_create(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if not access.org_ids(Role.EDITOR):
        raise PermissionDenied
    form = FocusAreaForm(posted(request))
    if form.is_valid():
        audited_save(
            form,
            user=request.user,
            action="focus_area.created",
            extra_parties=access.org_ids(Role.EDITOR),
        )
        messages.success(request, _("Fokusområdet är tillagt och kan väljas i alla löften."))
        return redirect("staff:focus_area_list")
    return form_page(
        request,
        form,
        title=_("Nytt fokusområde"),
        submit=_("Lägg till"),
        intro=_(
            "Fokusområden delas av alla kommuner och polisområden. Kontrollera att det inte redan finns."
        ),
        cancel_url=reverse("staff:focus_area_list"),
    )
