"""`make worker`: django-tasks' db_worker, made to survive what production does to it.

- SIGTERM (a deploy, systemd stop): the task that is running is finished first, then the worker
  exits (db_worker's own behaviour). A second SIGTERM, or SIGINT twice, stops the task at once:
  the task is then put back in the queue instead of being marked failed.
- The database goes away (PostgreSQL restarted, a dropped connection): db_worker would crash.
  This worker waits and tries again; a task's result that cannot be written yet is retried
  until the database is back, and a task that failed only because the database went away is
  put back in the queue, not marked failed.
- SIGKILL or a dead machine leaves the running task marked "running": `requeue_stuck_tasks`
  (scheduled, see the README) puts it back in the queue.

Every task of the platform is safe to run again (see requeue_stuck_tasks).
"""

import logging
import time
from collections.abc import Callable

from django.db import InterfaceError, OperationalError, connections
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("medborgarloften.worker")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_SECONDS = 1.0


def requeue(result: DBTaskResult) -> None:
    """Back in the queue: another worker (or this one, later) runs it again."""
    DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None, worker_ids=[]
    )


def database_went_away(error: BaseException) -> bool:
    """The task failed because the database cannot be reached, not because of the task: the
    connection is broken (or was never made). On SQLite, where "no such table" is an
    OperationalError too, the connection stays usable, so such a task is marked failed."""
    if not isinstance(error, DATABASE_ERRORS):
        return False
    connection = connections["default"]
    return connection.connection is None or not connection.is_usable()


class ResilientWorker(Worker):
    def _until_written(self, write: Callable[[], None]) -> None:
        """Retry a status write while the database is away (a restart takes seconds)."""
        while True:
            try:
                write()
                return
            except DATABASE_ERRORS as error:
                logger.warning("task status not written, database unavailable: %s", error)
                connections.close_all()
                time.sleep(RETRY_SECONDS)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        set_successful = db_task_result.set_successful

        def set_failed(error: BaseException) -> None:
            if isinstance(error, SystemExit | KeyboardInterrupt) or database_went_away(error):
                # Not the task's fault: the database went away or the worker was told to stop.
                logger.warning("task %s put back in the queue: %r", db_task_result.pk, error)
                connections.close_all()
                self._until_written(lambda: requeue(db_task_result))
            else:
                self._until_written(lambda: DBTaskResult.set_failed(db_task_result, error))

        db_task_result.set_successful = lambda value: self._until_written(
            lambda: set_successful(value)
        )
        db_task_result.set_failed = set_failed
        super().run_task(db_task_result)

    def run(self) -> None:
        while self.running:
            try:
                super().run()
                return
            except DATABASE_ERRORS as error:
                logger.warning("database unavailable, the worker waits: %s", error)
                connections.close_all()
                time.sleep(max(self.interval, RETRY_SECONDS))


class Command(DbWorkerCommand):
    help = "Kör bakgrundsuppgifter (django-tasks db_worker som tål omstart av databasen)."

    def handle(self, *args: object, **options: object) -> None:
        import django_tasks_db.management.commands.db_worker as db_worker

        original = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original
