"""Put tasks that a killed worker left "running" back in the queue.

A worker stopped with SIGTERM finishes its task first (django-tasks' db_worker); one killed
with SIGKILL, or whose machine died, leaves its task marked running for ever. Every task of the
platform is safe to run again (imports are idempotent, e-mails are sent once per digest).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.health import stuck_before


class Command(BaseCommand):
    help = "Köar om uppgifter som har stått som pågående längre än TASK_STUCK_MINUTES."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--dry-run", action="store_true", help="Visa bara vilka.")
        parser.add_argument(
            "--minutes",
            type=float,
            default=None,
            help="Pågående längre än så många minuter (standard: TASK_STUCK_MINUTES). "
            "0 köar om alla pågående: bara när ingen worker är igång.",
        )

    def handle(
        self, *args: object, dry_run: bool = False, minutes: float | None = None, **options: object
    ) -> None:
        with transaction.atomic():
            stuck = DBTaskResult.objects.select_for_update().filter(
                status=TaskResultStatus.RUNNING, started_at__lt=stuck_before(minutes)
            )
            names = list(stuck.values_list("task_path", flat=True))
            if not dry_run:
                stuck.update(status=TaskResultStatus.READY, started_at=None, worker_ids=[])
        verb = "skulle köas om" if dry_run else "köades om"
        self.stdout.write(f"{len(names)} uppgifter {verb}.")
        for name in names:
            self.stdout.write(f"  {name}")
