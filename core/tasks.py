"""Background tasks with progress a page can follow (DESIGN.md, "Shared building blocks").

Tasks run on django-tasks (database backend, `manage.py db_worker`; see settings.TASKS). A task
that reports progress is started with `start_task()`, which makes a `TaskProgress` row the
page reads and enqueues the task with the row's id as its first argument. Inside, the task
uses `Progress`:

    @task()
    def import_things(progress_id: str, token: str) -> dict:
        progress = Progress(progress_id)
        progress.running(_("Läser filen …"))
        ...
        importer.run(source, on_progress=progress.step)
        return progress.finish({"imported": n}, _("Klart."))

Why the step count goes through the cache: an import applies its changes in one transaction
(all or nothing), and rows written inside it are seen by no one else until it commits; on
SQLite no other connection may even write meanwhile. So `step()` writes the count to the
cache named by settings.TASK_PROGRESS_CACHE (a file cache shared by the web server and the
worker), and only the status changes – queued, running, done, failed – are written to the
database, outside the task's transaction. `progress_context()` merges the two for a page; the
include `includes/task_progress.html` shows it and `includes/task_progress_refresh.html`
(in the page's head) loads static/js/task_progress.js, which updates the box every few seconds
until the task has finished and then shows the result (no meta refresh: WCAG 2.2.1, and no
inline script under the Content-Security-Policy); without JavaScript a link shows the latest.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import caches
from django.shortcuts import get_object_or_404
from django_tasks.base import Task

from core.models import TaskProgress, TaskStatus

# Write a step at most this often (seconds); the first and the last always.
STEP_INTERVAL = 0.5
CACHE_SECONDS = 24 * 3600


def _cache_key(progress_id: object) -> str:
    return f"task-progress:{progress_id}"


def _cache():  # noqa: ANN202 - a Django cache backend
    return caches[settings.TASK_PROGRESS_CACHE]


def start_task(
    task: Task, *args: object, kind: str, user: AbstractBaseUser | None, message: str = ""
) -> TaskProgress:
    """Make the progress row and enqueue `task(progress_id, *args)`. With the immediate
    backend the task has run when this returns."""
    progress = TaskProgress.objects.create(kind=kind, user=user, message=message[:300])
    result = task.enqueue(str(progress.pk), *args)
    TaskProgress.objects.filter(pk=progress.pk).update(task_result_id=str(result.id)[:64])
    progress.refresh_from_db()
    return progress


class Progress:
    """What a running task tells its page."""

    def __init__(self, progress_id: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.id = progress_id
        self.clock = clock
        self.last_written = float("-inf")

    def _set(self, **fields: object) -> None:
        TaskProgress.objects.filter(pk=self.id).update(**fields)

    def running(self, message: str) -> None:
        self._set(status=TaskStatus.RUNNING, message=message[:300])
        _cache().delete(_cache_key(self.id))

    def step(self, done: int, total: int, message: str = "") -> None:
        now = self.clock()
        if done < total and now - self.last_written < STEP_INTERVAL:
            return
        self.last_written = now
        _cache().set(
            _cache_key(self.id), {"done": done, "total": total, "message": message}, CACHE_SECONDS
        )

    def finish(self, result: dict, message: str) -> dict:
        self._set(status=TaskStatus.DONE, message=message[:300], result=result)
        _cache().delete(_cache_key(self.id))
        return result

    def fail(self, message: str, errors: list[str] = ()) -> None:
        self._set(status=TaskStatus.FAILED, message=message[:300], errors=list(errors))
        _cache().delete(_cache_key(self.id))


def get_progress_for_user(user: AbstractBaseUser, pk: object, kind: str) -> TaskProgress:
    """A task's progress, for the user who started it only (404 for anyone else)."""
    return get_object_or_404(TaskProgress, pk=pk, kind=kind, user_id=user.pk)


def progress_context(progress: TaskProgress) -> dict:
    """What the include shows: the row, with the live step count while the task runs."""
    live = None if progress.is_finished else _cache().get(_cache_key(progress.pk))
    done, total = (live["done"], live["total"]) if live else (progress.done, progress.total)
    step = live["message"] if live else ""
    percent = round(100 * done / total) if total else None
    return {
        "progress": progress,
        "progress_done": done,
        "progress_total": total,
        "progress_step": step,
        "progress_percent": percent,
        "progress_refresh_seconds": settings.TASK_PROGRESS_REFRESH_SECONDS,
    }
