from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Delete failed staff login attempts (with their address) older than the cool-off. "
        "Run it on a schedule, e.g. hourly."
    )

    def handle(self, *args: object, **options: object) -> None:
        threshold = timezone.now() - get_cool_off()
        count, _ = AccessAttempt.objects.filter(attempt_time__lte=threshold).delete()
        self.stdout.write(f"{count}")
