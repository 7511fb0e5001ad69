from django.core.management.base import BaseCommand

from notifications.sending import send_all


class Command(BaseCommand):
    help = (
        "Send what is due: news to followers (at once or weekly), staff reminders; delete "
        "subscriptions never confirmed. Idempotent: run it every few minutes from cron."
    )

    def handle(self, *args: object, **options: object) -> None:
        report = send_all()
        self.stdout.write(
            f"Obekräftade bevakningar borttagna: {report.unconfirmed_deleted}\n"
            f"Mejl med nyheter direkt: {report.immediate_sent}\n"
            f"Veckosammanfattningar: {report.digests_sent}\n"
            f"Påminnelser till personal: {report.reminders_sent}"
        )
