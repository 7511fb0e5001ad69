"""How long personal data is kept, in one registry (DOMAIN.md §7).

Every app that keeps something personal puts a module `retention.py` next to its models with

    RETENTION_RULES = [RetentionRule(...), ...]       # what is kept, why, for how long
    USER_DATA_EXPORTS = [function, ...]               # (user) -> {section: JSON-safe data}
    USER_DATA_ERASERS = [function, ...]               # (user) -> None, inside a transaction

and this module finds them when first asked (like admin.py), without core importing the apps.
`manage.py apply_retention` runs every rule (`apply_rules`); the privacy page `/integritet/`
lists them with the configured periods; the account page (`/personal/konto/`) exports and erases
a staff user's data through the other two lists.

A rule's `apply(now, dry_run)` deletes (or, with `dry_run`, only counts) what is past its period
at `now` and returns the count. The period is read from settings each time (`period()`), so the
page and the run always agree with the configuration.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionRule:
    name: str  # stable and dotted, e.g. "participation.report_contacts"
    title: str | Promise  # e.g. "Kontaktuppgifter i rapporter"
    kept: str | Promise  # what is kept, in plain Swedish
    why: str | Promise  # why it is kept at all
    after: str | Promise  # what happens when the period is over
    setting: str | None  # the environment variable that sets the period (None: fixed)
    period: Callable[[], datetime.timedelta]
    apply: Callable[[datetime.datetime, bool], int]
    since: str | Promise = ""  # what the period counts from, e.g. "från att rapporten skickades"
    order: int = 100

    def period_text(self) -> str:
        return duration_text(self.period())


def days_setting(name: str) -> Callable[[], datetime.timedelta]:
    """A rule's period from a setting counted in days, read at each use."""
    return lambda: datetime.timedelta(days=getattr(settings, name))


def count_or_delete(queryset: QuerySet, dry_run: bool) -> int:
    """What a rule returns for rows that go: how many there are (dry run), or how many went."""
    if dry_run:
        return queryset.count()
    deleted, _rows = queryset.delete()
    return deleted


def duration_text(period: datetime.timedelta) -> str:
    """'90 dagar', '1 dygn', '15 minuter': the largest unit that divides the period."""
    seconds = int(period.total_seconds())
    if seconds % 86400 == 0:
        days = seconds // 86400
        return ngettext("%(n)d dag", "%(n)d dagar", days) % {"n": days}
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(n)d timme", "%(n)d timmar", hours) % {"n": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(n)d minut", "%(n)d minuter", minutes) % {"n": minutes}


@cache
def _modules() -> tuple[ModuleType, ...]:
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.retention"
        if find_spec(name) is not None:
            found.append(import_module(name))
    return tuple(found)


def _collected(attribute: str) -> list:
    return [item for module in _modules() for item in getattr(module, attribute, [])]


def rules() -> list[RetentionRule]:
    return sorted(_collected("RETENTION_RULES"), key=lambda r: (r.order, r.name))


def rule_named(name: str) -> RetentionRule:
    for rule in rules():
        if rule.name == name:
            return rule
    raise KeyError(name)


def apply_rules(
    *,
    now: datetime.datetime | None = None,
    dry_run: bool = False,
    names: list[str] | None = None,
) -> dict[str, int]:
    """Run the rules (all, or those named) and return {rule name: count}. A real run is
    recorded as a RetentionRun with an audit entry holding the counts; a dry run writes
    nothing."""
    from core.models import RetentionRun
    from organisations.auditlog import record

    now = now or timezone.now()
    chosen = rules() if names is None else [rule_named(n) for n in names]
    counts = {rule.name: rule.apply(now, dry_run) for rule in chosen}
    if not dry_run:
        with transaction.atomic():
            run = RetentionRun.objects.create(counts=counts)
            record(actor=None, action="retention.applied", obj=run, parties=[], after=counts)
        logger.info("Retention applied: %s", counts)
    return counts


def export_user_data(user: AbstractBaseUser) -> dict:
    """Everything the apps keep about a staff user, as one JSON-safe dict."""
    data: dict = {}
    for export in _collected("USER_DATA_EXPORTS"):
        data.update(export(user))
    return data


def erase_user_data(user: AbstractBaseUser) -> None:
    """Every app's eraser for the user; the caller holds the transaction and anonymises the
    account itself afterwards (organisations.accounts)."""
    for erase in _collected("USER_DATA_ERASERS"):
        erase(user)
