"""The retention registry (core.retention) and `manage.py apply_retention`: each rule deletes
exactly what is past its configured period and nothing else, a dry run changes nothing, and a
run leaves an audit entry with the counts."""

import datetime
import io
import os
import time
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from core.models import RetentionRun
from core.retention import apply_rules, rules
from notifications.models import Subscription
from organisations.auditlog import record
from organisations.models import AuditEntry
from participation.models import ReportContact, ResidentReport
from surveys.models import ResponseDraft
from tests.report_helpers import published, tjorn
from tests.survey_factories import survey, wave

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]

NOW = timezone.now()
SECOND = datetime.timedelta(seconds=1)
EXPECTED_RULES = {
    "participation.report_contacts",
    "participation.redacted_originals",
    "participation.held_photos",
    "notifications.unconfirmed_subscriptions",
    "surveys.abandoned_drafts",
    "organisations.audit_details",
    "organisations.failed_logins",
}


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def only(rule: str) -> int:
    return apply_rules(now=NOW, names=[rule])[rule]


def test_every_app_registers_its_rules_and_the_readme_documents_each_setting():
    registered = {rule.name for rule in rules()}
    assert registered >= EXPECTED_RULES
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for rule in rules():
        assert rule.title and rule.kept and rule.why and rule.after, rule.name
        if rule.setting:
            assert f"`{rule.setting}`" in readme, rule.setting


# Each rule at its boundary.


def contact(report: ResidentReport, delete_after: datetime.date) -> ReportContact:
    return ReportContact.objects.create(
        report=report, email="boende@example.org", delete_after=delete_after
    )


def test_contacts_go_on_their_day_not_the_day_before():
    today = timezone.localdate(NOW)
    due = contact(published("a"), today)
    contact(published("b"), today + days(1))
    assert only("participation.report_contacts") == 1
    assert not ReportContact.objects.filter(pk=due.pk).exists()
    assert ReportContact.objects.count() == 1


def aged(token: str, age: datetime.timedelta, **fields: object) -> ResidentReport:
    report = published(token, **fields)
    ResidentReport.objects.filter(pk=report.pk).update(created_at=NOW - age)
    return report


def test_redacted_originals_go_just_after_the_period(settings):
    settings.REPORT_ORIGINAL_RETENTION_DAYS = 10
    old = aged("gammal", days(10) + SECOND, public_text="Lampan lyser inte.")
    young = aged("ung", days(10) - SECOND, public_text="Lampan lyser inte.")
    unredacted = aged("orörd", days(30), description="Samma.", public_text="Samma.")
    assert only("participation.redacted_originals") == 1
    old.refresh_from_db(), young.refresh_from_db(), unredacted.refresh_from_db()
    assert old.original_deleted and old.description == ""
    assert not young.original_deleted and young.description
    assert unredacted.description == "Samma."


def test_held_photos_go_after_a_day():
    old = default_storage.save("rapporter/vantande/gammal.jpg", ContentFile(b"x"))
    new = default_storage.save("rapporter/vantande/ny.jpg", ContentFile(b"x"))
    day_and_a_minute_ago = time.time() - 86400 - 60
    os.utime(default_storage.path(old), (day_and_a_minute_ago, day_and_a_minute_ago))
    assert apply_rules(names=["participation.held_photos"])["participation.held_photos"] == 1
    assert not default_storage.exists(old) and default_storage.exists(new)


def subscription(email: str, sent_ago: datetime.timedelta, confirmed: bool = False):
    return Subscription.objects.create(
        email=email,
        municipality=tjorn(),
        language="sv",
        confirmation_sent_at=NOW - sent_ago,
        confirmed_at=NOW - days(400) if confirmed else None,
    )


def test_unconfirmed_subscriptions_go_after_the_period_confirmed_ones_stay(settings):
    settings.SUBSCRIPTION_CONFIRM_DAYS = 7
    subscription("gammal@example.org", days(7) + SECOND)
    young = subscription("ung@example.org", days(7) - SECOND)
    confirmed = subscription("bekraftad@example.org", days(400), confirmed=True)
    assert only("notifications.unconfirmed_subscriptions") == 1
    assert set(Subscription.objects.values_list("pk", flat=True)) == {young.pk, confirmed.pk}


def test_abandoned_survey_drafts_go_after_the_period(settings, cast):
    settings.SURVEY_DRAFT_RETENTION_DAYS = 30
    w = wave(survey(cast.tjorn), status="open")
    today = timezone.localdate(NOW)
    for token, age in (("gammal", 31), ("grans", 30), ("ny", 0)):
        ResponseDraft.objects.create(
            wave=w, token_hash=token, invitation_code="ABCDEFGH23", updated_on=today - days(age)
        )
    assert only("surveys.abandoned_drafts") == 1
    assert set(ResponseDraft.objects.values_list("token_hash", flat=True)) == {"grans", "ny"}


def entry(cast, age: datetime.timedelta) -> AuditEntry:
    e = record(
        actor=cast.alice,
        action="promise.changed",
        obj=cast.tjorn,
        parties=[cast.tjorn],
        before={"title": "Före"},
        after={"title": "Efter"},
    )
    AuditEntry.objects.filter(pk=e.pk).update(at=NOW - age)
    return e


def test_old_audit_entries_lose_their_details_but_stay(settings, cast):
    settings.AUDIT_DETAIL_RETENTION_DAYS = 100
    old = entry(cast, days(100) + SECOND)
    young = entry(cast, days(100) - SECOND)
    assert only("organisations.audit_details") == 1
    old.refresh_from_db(), young.refresh_from_db()
    assert old.before is None and old.after is None
    assert (old.action, old.actor_label, old.actor) == ("promise.changed", "alice", cast.alice)
    assert old.object_repr == str(cast.tjorn)
    assert young.before == {"title": "Före"} and young.after == {"title": "Efter"}
    assert only("organisations.audit_details") == 0  # idempotent


def attempt(username: str, age: datetime.timedelta) -> AccessAttempt:
    a = AccessAttempt.objects.create(
        username=username,
        ip_address="192.0.2.7",
        user_agent="test",
        http_accept="*/*",
        path_info="/logga-in/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    AccessAttempt.objects.filter(pk=a.pk).update(attempt_time=NOW - age)
    return a


def test_failed_logins_go_after_the_cool_off(settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    attempt("gammal", datetime.timedelta(minutes=15, seconds=1))
    attempt("ny", datetime.timedelta(minutes=14))
    assert only("organisations.failed_logins") == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["ny"]


# The whole run.


def one_expired_of_each(cast) -> None:
    contact(published("kontakt"), timezone.localdate(NOW) - days(1))
    aged("redigerad", days(400), public_text="Redigerad.")
    held = default_storage.save("rapporter/vantande/gammal.jpg", ContentFile(b"x"))
    long_ago = time.time() - 3 * 86400
    os.utime(default_storage.path(held), (long_ago, long_ago))
    subscription("gammal@example.org", days(400))
    w = wave(survey(cast.tjorn), status="open")
    ResponseDraft.objects.create(
        wave=w, token_hash="x", updated_on=timezone.localdate() - days(400)
    )
    entry(cast, days(4000))
    attempt("gammal", days(1))


def state() -> tuple:
    return (
        list(ReportContact.objects.values()),
        list(ResidentReport.objects.values("pk", "description", "original_deleted")),
        default_storage.listdir("rapporter/vantande")[1],
        list(Subscription.objects.values("pk")),
        list(ResponseDraft.objects.values("pk")),
        list(AuditEntry.objects.values("pk", "before", "after")),
        list(AccessAttempt.objects.values("pk")),
        RetentionRun.objects.count(),
    )


def test_a_dry_run_counts_everything_and_changes_nothing(cast):
    one_expired_of_each(cast)
    before = state()
    counts = apply_rules(dry_run=True)
    assert {name: counts[name] for name in EXPECTED_RULES} == dict.fromkeys(EXPECTED_RULES, 1)
    assert state() == before
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "Provkörning" in out.getvalue() and state() == before


def test_the_command_runs_every_rule_and_leaves_an_audit_entry_with_the_counts(cast):
    one_expired_of_each(cast)
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    for name in EXPECTED_RULES:
        line = next(line for line in out.getvalue().splitlines() if line.startswith(name))
        assert line.split()[1] == "1", line
    run = RetentionRun.objects.get()
    audit = AuditEntry.objects.get(action="retention.applied")
    assert audit.object_id == str(run.pk) and audit.actor is None and audit.actor_label == "system"
    assert {name: audit.after[name] for name in EXPECTED_RULES} == dict.fromkeys(EXPECTED_RULES, 1)
    assert run.counts == audit.after
    # Everything expired is gone; a second run finds nothing.
    assert set(apply_rules().values()) == {0}
    assert not ReportContact.objects.exists() and not Subscription.objects.exists()
    assert not ResponseDraft.objects.exists() and not AccessAttempt.objects.exists()


def test_the_older_command_runs_the_report_rules_only(cast):
    one_expired_of_each(cast)
    out = io.StringIO()
    call_command("delete_expired_report_data", stdout=out)
    assert "Raderade: 1 kontaktuppgifter, 1 ursprungliga texter, 1 foton" in out.getvalue()
    assert Subscription.objects.exists()  # not one of its rules
    assert set(AuditEntry.objects.get(action="retention.applied").after) == {
        "participation.report_contacts",
        "participation.redacted_originals",
        "participation.held_photos",
    }
