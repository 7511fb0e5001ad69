"""The notice sources are extensible: apps below notifications contribute theirs in
`notices.py` without importing notifications, and a registered source reaches the digest."""

import ast
import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from core.notices import Followed, Notice
from notifications import registry
from notifications.digests import send_notices
from notifications.models import Subscription
from promises import notices as promise_notices
from promises.models import FollowUp, ProgressUpdate, Promise, PromiseRevision
from tests.factories import subscription

ROOT = Path(__file__).resolve().parent.parent
NOW = timezone.make_aware(datetime.datetime(2025, 6, 20, 9, 0))


def test_the_promises_sources_are_found():
    assert {
        promise_notices.published_progress_updates,
        promise_notices.published_follow_ups,
        promise_notices.new_revisions,
    } <= set(registry.sources())
    assert {ProgressUpdate, FollowUp, PromiseRevision} <= set(registry.triggers())


@pytest.mark.parametrize("app", ["core", "organisations", "promises"])
def test_lower_apps_do_not_import_notifications(app):
    for path in (ROOT / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not [n for n in names if n.split(".")[0] == "notifications"], path


@pytest.fixture
def survey_source():
    """What a later app (surveys: published results) would contribute."""

    def published_survey_results(followed: Followed, since, until) -> list[Notice]:
        moment = NOW - datetime.timedelta(hours=1)
        if not (since < moment <= until):
            return []
        return [
            Notice(
                key=f"survey_result:{promise_id}",
                published_at=moment,
                day=moment.date(),
                topic="Trygghetsmätning 2025",
                kind="Resultat",
                title="Andel otrygga",
                text="Resultatet är publicerat.",
                path="/undersokning/1/",
            )
            for promise_id in sorted(followed.promise_ids)
        ]

    registry.register(published_survey_results)
    yield published_survey_results
    registry._extra_sources.remove(published_survey_results)


def test_a_registered_source_reaches_the_follower(world, survey_source, mailoutbox):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    start = NOW - datetime.timedelta(days=1)
    subscription(
        promise=world.promise,
        frequency=Subscription.Frequency.IMMEDIATE,
        confirmed_at=start,
        last_sent_at=start,
    )
    assert send_notices(Subscription.Frequency.IMMEDIATE, NOW) == 1
    body = mailoutbox[0].body
    assert "== Trygghetsmätning 2025 ==" in body
    assert "Resultat, 20 juni 2025: Andel otrygga" in body
    assert "/undersokning/1/" in body
