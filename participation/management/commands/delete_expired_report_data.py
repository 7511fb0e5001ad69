"""`manage.py delete_expired_report_data`: deletes residents' contact details past their day,
redacted original texts past REPORT_ORIGINAL_RETENTION_DAYS and photos held for reports never
sent; prints the counts. Run it daily (cron or a systemd timer). Idempotent."""

from django.core.management.base import BaseCommand

from participation.retention import delete_expired_report_data


class Command(BaseCommand):
    help = (
        "Radera kontaktuppgifter och ursprungliga (redigerade) texter i rapporter vars "
        "lagringstid har gått ut, och foton från rapporter som aldrig skickades."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = delete_expired_report_data()
        self.stdout.write(
            f"Raderade: {result.contacts} kontaktuppgifter, {result.originals} ursprungliga "
            f"texter, {result.held_photos} foton som aldrig skickades."
        )
