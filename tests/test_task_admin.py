"""Failed and stuck background tasks are visible to platform admins, with their error."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.factories import PASSWORD

LIST = "/plattformsadmin/django_tasks_database/dbtaskresult/"


def task(status: str, path: str, **fields) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=now,
        **fields,
    )


@pytest.fixture
def tasks(db):
    now = timezone.now()
    return {
        "failed": task(
            TaskResultStatus.FAILED,
            "situation.tasks.import_statistics",
            started_at=now - timedelta(minutes=3),
            finished_at=now - timedelta(minutes=2),
            exception_class_path="builtins.ValueError",
            traceback='Traceback (most recent call last):\n  File "x.py", line 1\n'
            "ValueError: rad 12 saknar kommunkod\n",
        ),
        "stuck": task(
            TaskResultStatus.RUNNING,
            "notifications.tasks.send_notifications",
            started_at=now - timedelta(hours=2),
        ),
        "running": task(
            TaskResultStatus.RUNNING,
            "notifications.tasks.send_report_link",
            started_at=now - timedelta(minutes=1),
        ),
        "done": task(
            TaskResultStatus.SUCCESSFUL,
            "notifications.tasks.send_subscription_mail",
            started_at=now - timedelta(minutes=5),
            finished_at=now - timedelta(minutes=5),
        ),
    }


@pytest.fixture
def root_client(client, db):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client.force_login(root)
    return client


def shown(t: DBTaskResult, row: str) -> bool:
    return f">{t.task_path.rsplit('.', 1)[1]}<" in row


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.split("<tr")[1:]


def test_list_shows_the_error_of_a_failed_task_and_marks_the_stuck_one(root_client, tasks):
    html = root_client.get(LIST).content.decode()
    by_name = {name: next(r for r in rows(html) if shown(t, r)) for name, t in tasks.items()}
    assert "ValueError: rad 12 saknar kommunkod" in by_name["failed"]
    assert "Misslyckades" in by_name["failed"]
    assert "Fastnat: pågått i 120 minuter" in by_name["stuck"]
    assert "Fastnat" not in by_name["running"] and "Fastnat" not in by_name["done"]
    assert "Misslyckades" not in by_name["done"]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("alla", {"failed", "stuck"}), ("misslyckade", {"failed"}), ("fastnade", {"stuck"})],
)
def test_problem_filter_lists_failed_and_stuck_tasks(root_client, tasks, choice, expected):
    html = root_client.get(LIST, {"problem": choice}).content.decode()
    shown = {name for name, t in tasks.items() if t.task_path.rsplit(".", 1)[1] in html}
    assert shown == expected


def test_the_stuck_limit_follows_the_setting(root_client, tasks, settings):
    settings.TASK_STUCK_MINUTES = 180
    html = root_client.get(LIST, {"problem": "fastnade"}).content.decode()
    assert "send_notifications" not in html


def test_the_error_is_in_the_task_page_too(root_client, tasks):
    response = root_client.get(f"{LIST}{tasks['failed'].pk}/change/")
    assert response.status_code == 200
    assert "rad 12 saknar kommunkod" in response.content.decode()


def test_task_list_is_for_platform_admins_only(client, tasks, cast):
    cast.alice.is_staff = True
    cast.alice.save()
    client.force_login(cast.alice)
    assert client.get(LIST).status_code == 302
