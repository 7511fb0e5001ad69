"""The task queue in the platform admin (/plattformsadmin/django_tasks_database/dbtaskresult/):
django-tasks-db's read-only list, plus what an admin needs to notice trouble – a filter for
failed tasks and stuck ones (running longer than TASK_STUCK_MINUTES: a worker killed mid-task
leaves one; `manage.py requeue_stuck_tasks` puts it back), and each task's error in the list."""

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from core.health import stuck_before

ERROR_CHARS = 200


def error_line(result: DBTaskResult) -> str:
    """The exception's last line ("ValueError: bad row 12"), shortened."""
    lines = [line for line in (result.traceback or "").strip().splitlines() if line.strip()]
    text = lines[-1].strip() if lines else result.exception_class_path
    return text[:ERROR_CHARS]


def is_stuck(result: DBTaskResult) -> bool:
    return (
        result.status == TaskResultStatus.RUNNING
        and result.started_at is not None
        and result.started_at < stuck_before()
    )


class ProblemFilter(admin.SimpleListFilter):
    title = _("problem")
    parameter_name = "problem"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [
            ("alla", _("Misslyckade eller fastnade")),
            ("misslyckade", _("Misslyckade")),
            ("fastnade", _("Fastnade (pågår för länge)")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        failed = Q(status=TaskResultStatus.FAILED)
        stuck = Q(status=TaskResultStatus.RUNNING, started_at__lt=stuck_before())
        chosen = {"alla": failed | stuck, "misslyckade": failed, "fastnade": stuck}
        return queryset.filter(chosen[self.value()]) if self.value() in chosen else queryset


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    list_display = (
        "task_name",
        "status",
        "problem",
        "error",
        "enqueued_at",
        "started_at",
        "finished_at",
        "queue_name",
    )
    list_filter = (ProblemFilter, "status", "queue_name")

    @admin.display(description=_("problem"))
    def problem(self, obj: DBTaskResult) -> str:
        if obj.status == TaskResultStatus.FAILED:
            return _("Misslyckades")
        if is_stuck(obj):
            minutes = int((timezone.now() - obj.started_at).total_seconds() // 60)
            return _("Fastnat: pågått i %(minutes)s minuter") % {"minutes": minutes}
        return ""

    @admin.display(description=_("fel"))
    def error(self, obj: DBTaskResult) -> str:
        return error_line(obj) if obj.status == TaskResultStatus.FAILED else ""
