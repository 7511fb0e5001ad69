"""`manage.py delete_expired_report_data`: the residents' reports' rules of `apply_retention`
only (contact details, redacted original texts, photos held for reports never sent), kept for
existing cron lines; prints the counts. Idempotent."""

from django.core.management.base import BaseCommand

from core.retention import apply_rules
from participation.retention import RETENTION_RULES


class Command(BaseCommand):
    help = (
        "Radera kontaktuppgifter och ursprungliga (redigerade) texter i rapporter vars "
        "lagringstid har gått ut, och foton från rapporter som aldrig skickades. "
        "apply_retention gör detta och resten."
    )

    def handle(self, *args: object, **options: object) -> None:
        counts = apply_rules(names=[rule.name for rule in RETENTION_RULES])
        self.stdout.write(
            f"Raderade: {counts['participation.report_contacts']} kontaktuppgifter, "
            f"{counts['participation.redacted_originals']} ursprungliga texter, "
            f"{counts['participation.held_photos']} foton som aldrig skickades."
        )
