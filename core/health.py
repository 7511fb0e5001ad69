"""`/halsa/`: is this app server able to serve? For load balancers and monitoring.

200 when the database answers and the task queue can be read; 503 otherwise. The answer names
what failed and counts tasks waiting, failed in the last day and stuck (running longer than
TASK_STUCK_MINUTES – a worker that was killed mid-task leaves one; `manage.py requeue_stuck_tasks`
puts it back in the queue). No personal data, never cached.
"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache


def stuck_before(minutes: float | None = None) -> timezone.datetime:
    """Tasks started before this and still running are stuck."""
    if minutes is None:
        minutes = settings.TASK_STUCK_MINUTES
    return timezone.now() - timedelta(minutes=minutes)


def task_counts() -> dict[str, int]:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    day_ago = timezone.now() - timedelta(days=1)
    tasks = DBTaskResult.objects
    return {
        "waiting": tasks.filter(status=TaskResultStatus.READY).count(),
        "failed_last_day": tasks.filter(
            status=TaskResultStatus.FAILED, finished_at__gte=day_ago
        ).count(),
        "stuck": tasks.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=stuck_before()
        ).count(),
    }


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    checks: dict[str, object] = {}
    ok = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "fel"
        ok = False
    if ok:
        try:
            checks["tasks"] = task_counts()
        except DatabaseError:
            checks["tasks"] = "fel"
            ok = False
    response = JsonResponse({"status": "ok" if ok else "fel", **checks}, status=200 if ok else 503)
    if not ok:
        response["Retry-After"] = "30"
    return response
