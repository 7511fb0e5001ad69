"""/halsa/: 200 with the database and the task queue answering, 503 when the database does not;
stuck tasks are counted and `requeue_stuck_tasks` puts them back in the queue."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def stuck_task() -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(hours=2),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="notifications.tasks.send_digests",
        backend_name="default",
        run_after=timezone.now() - timedelta(hours=2),
    )


@pytest.mark.django_db
def test_health_answers_200_and_counts_tasks(client):
    stuck_task()
    response = client.get("/halsa/")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["tasks"]["stuck"] == 1
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_503_when_the_database_does_not(client, monkeypatch):
    import core.health

    class Broken:
        def __enter__(self):
            raise DatabaseError("down")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(core.health.connection, "cursor", lambda: Broken())
    response = client.get("/halsa/")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "fel"


@pytest.mark.django_db
def test_requeue_stuck_tasks_puts_them_back(client):
    task = stuck_task()
    fresh = stuck_task()
    fresh.started_at = timezone.now()
    fresh.save()
    out = io.StringIO()
    call_command("requeue_stuck_tasks", stdout=out)
    task.refresh_from_db()
    fresh.refresh_from_db()
    assert task.status == TaskResultStatus.READY and task.started_at is None
    assert fresh.status == TaskResultStatus.RUNNING
    assert "1 uppgifter köades om" in out.getvalue()
