"""News from the promises app for residents who follow a promise or a municipality by e-mail:
published progress updates, newly published follow-ups and new versions of a promise's text.

Found by the notifications app (see core/notices.py); this app does not import it.
"""

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.notices import Followed, Notice
from promises.models import FollowUp, ProgressUpdate, Promise, PromiseRevision


def _public_promise_ids(followed: Followed) -> QuerySet:
    return Promise.objects.public().filter(pk__in=followed.promise_ids).values("pk")


def published_progress_updates(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Notice]:
    """Progress updates approved for residents in the window (the moment of approval counts:
    a reporter's update becomes news when an editor publishes it)."""
    updates = (
        ProgressUpdate.objects.published()
        .filter(
            activity__commitment__promise__in=_public_promise_ids(followed),
            approved_at__gt=since,
            approved_at__lte=until,
        )
        .select_related("activity__commitment__promise")
        .order_by("approved_at", "id")
    )
    notices = []
    for update in updates:
        activity = update.activity
        text = update.text
        # As in the feed: one update's count of people is never shown (DOMAIN.md §7).
        if update.quantity and not activity.counts_people:
            text = f"{text} ({update.quantity} {activity.unit})"
        promise_url = reverse("public:promise", args=[activity.commitment.promise_id])
        notices.append(
            Notice(
                key=f"progress_update:{update.pk}",
                published_at=update.approved_at,
                day=update.date,
                topic=activity.commitment.promise.title,
                kind=_("Lägesrapport"),
                title=activity.title,
                text=text,
                path=f"{promise_url}#uppdatering-{update.pk}",
            )
        )
    return notices


def published_follow_ups(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Notice]:
    follow_ups = (
        FollowUp.objects.filter(
            promise__in=_public_promise_ids(followed),
            is_published=True,
            published_at__gt=since,
            published_at__lte=until,
        )
        .select_related("promise")
        .order_by("published_at", "id")
    )
    return [
        Notice(
            key=f"follow_up:{f.pk}",
            published_at=f.published_at,
            day=f.date,
            topic=f.promise.title,
            kind=_("Uppföljning"),
            title=_("Uppföljning av %(who)s") % {"who": f.reviewer_label()},
            text=f.summary,
            path=reverse("public:promise", args=[f.promise_id]) + f"#uppfoljning-{f.pk}",
        )
        for f in follow_ups
    ]


def new_revisions(
    followed: Followed, since: datetime.datetime, until: datetime.datetime
) -> list[Notice]:
    """A promise published (version 1) or its published text changed (a later version)."""
    revisions = (
        PromiseRevision.objects.filter(
            promise__in=_public_promise_ids(followed),
            published_at__gt=since,
            published_at__lte=until,
        )
        .select_related("promise")
        .order_by("published_at", "id")
    )
    return [
        Notice(
            key=f"promise_revision:{r.pk}",
            published_at=r.published_at,
            day=timezone.localdate(r.published_at),
            topic=r.promise.title,
            kind=_("Nytt medborgarlöfte") if r.number == 1 else _("Ny version av löftet"),
            title=_("Version %(n)s") % {"n": r.number},
            text=r.change_note,
            path=reverse("public:promise_revision", args=[r.promise_id, r.number]),
        )
        for r in revisions
    ]


NOTICE_SOURCES = [published_progress_updates, published_follow_ups, new_revisions]
NOTICE_TRIGGERS = [ProgressUpdate, FollowUp, PromiseRevision]
