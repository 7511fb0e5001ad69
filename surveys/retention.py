"""What the surveys app keeps and for how long (core.retention). Stored answers are anonymous
and not personal data (surveys.models.waves); an unfinished draft still holds the code from the
letter next to the answers typed so far, so abandoned drafts are deleted."""

import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.retention import RetentionRule, count_or_delete, days_setting
from surveys.models import ResponseDraft


def abandoned_drafts(now: datetime.datetime) -> QuerySet[ResponseDraft]:
    """Drafts not touched for SURVEY_DRAFT_RETENTION_DAYS (their day is stored, not the time)."""
    days = settings.SURVEY_DRAFT_RETENTION_DAYS
    return ResponseDraft.objects.filter(
        updated_on__lt=timezone.localdate(now) - datetime.timedelta(days=days)
    )


def _drafts(now: datetime.datetime, dry_run: bool) -> int:
    return count_or_delete(abandoned_drafts(now), dry_run)


RETENTION_RULES = [
    RetentionRule(
        name="surveys.abandoned_drafts",
        title=_("Påbörjade svar på trygghetsundersökningar"),
        kept=_(
            "Svar som du har börjat fylla i men inte skickat, tillsammans med koden från "
            "brevet. Ett skickat svar sparas utan koden och går inte att koppla till dig."
        ),
        why=_("Så att du kan fortsätta där du slutade om sidan laddas om eller telefonen somnar."),
        after=_(
            "Det påbörjade svaret raderas om du inte har fortsatt svara. Det raderas också när "
            "undersökningen stänger."
        ),
        setting="SURVEY_DRAFT_RETENTION_DAYS",
        period=days_setting("SURVEY_DRAFT_RETENTION_DAYS"),
        apply=_drafts,
        since=_("räknat från dagen då du senast svarade på en fråga"),
        order=50,
    ),
]
