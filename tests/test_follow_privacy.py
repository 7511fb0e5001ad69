"""A follower's address appears nowhere but in the mail sent to it: not on a public page, not in
the API, not in the open-data files, not in the audit trail, the task queue or the logs."""

import logging

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from notifications.models import Subscription
from organisations.models import AuditEntry, Municipality
from promises.models import Promise
from public.opendata.tables import TABLES
from tests.factories import subscription
from tests.public_paths import API_DOCS, STATIC_PUBLIC_PATHS, demo_public_paths, follow_paths

SECRET = "hemlig.invanare"


@pytest.fixture
def demo_with_followers(db):
    call_command("load_demo", verbosity=0)
    for n, municipality in enumerate(Municipality.objects.filter(slug__in=["tjorn", "mellerud"])):
        subscription(f"{SECRET}{n}@example.se", municipality=municipality)
    for n, promise in enumerate(Promise.objects.public()):
        subscription(f"{SECRET}.p{n}@example.se", confirmed=n % 2 == 0, promise=promise)


def api_paths() -> list[str]:
    paths = ["/api/v1/openapi.json", "/api/v1/municipalities?limit=200", "/api/v1/agreements"]
    paths += ["/api/v1/progress-updates?limit=200", "/api/v1/promises?limit=200"]
    for promise in Promise.objects.public().prefetch_related("revisions"):
        paths.append(f"/api/v1/promises/{promise.pk}")
        paths += [
            f"/api/v1/promises/{promise.pk}/revisions/{r.number}" for r in promise.revisions.all()
        ]
    return paths + [f"/api/v1/municipalities/{code}" for code in ["1419", "1461", "1401"]]


def open_data_paths() -> list[str]:
    paths = ["/oppna-data/katalog.ttl", "/oppna-data/katalog.rdf"]
    for scope in ["sverige", "kommun-1419", "kommun-1461"]:
        paths += [f"/oppna-data/{scope}/", f"/oppna-data/{scope}/alla.json"]
        paths += [f"/oppna-data/{scope}/{t.name}.csv" for t in TABLES]
        paths += [f"/oppna-data/{scope}/{t.name}.json" for t in TABLES]
    return paths


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_no_address_on_any_public_page_in_the_api_or_open_data(client, demo_with_followers):
    paths = STATIC_PUBLIC_PATHS + demo_public_paths() + follow_paths() + [API_DOCS]
    paths += api_paths() + open_data_paths()
    for path in paths:
        response = client.get(path)
        assert response.status_code == (404 if "finns-inte" in path else 200), path
        text = body(response).lower()
        assert SECRET not in text and "sidkontroll" not in text, path


@pytest.mark.usefixtures("immediate_tasks")
def test_following_leaves_no_address_in_the_audit_trail_or_the_logs(client, db, caplog):
    caplog.set_level(logging.DEBUG)
    client.post("/folj/kommun/tjorn/", {"email": f"{SECRET}@example.se", "frequency": "weekly"})
    token = Subscription.objects.get().token
    client.post(f"/folj/bekrafta/{token}/")
    client.post(f"/folj/avsluta/{token}/")
    assert not Subscription.objects.exists()
    assert not AuditEntry.objects.exists()  # a resident's subscription is not a staff change
    assert SECRET not in caplog.text


def test_the_task_queue_holds_ids_not_addresses(client, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.post("/folj/kommun/tjorn/", {"email": f"{SECRET}@example.se", "frequency": "weekly"})
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs == {"args": [Subscription.objects.get().pk], "kwargs": {}}


@pytest.mark.usefixtures("immediate_tasks")
def test_a_refused_confirmation_is_logged_without_the_address(client, db, settings, caplog):
    settings.EMAIL_BACKEND = "tests.email_backends.RefusingBackend"
    client.post("/folj/kommun/tjorn/", {"email": f"{SECRET}@example.se", "frequency": "weekly"})
    subscription_id = Subscription.objects.get().pk
    assert f"confirmation for subscription {subscription_id}: SMTPRecipientsRefused" in caplog.text
    assert SECRET not in caplog.text
