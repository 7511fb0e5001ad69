from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from core.imports.report import error_lines
from situation import fetching
from situation.imports.police_events import event_counts


class Command(BaseCommand):
    help = (
        "Hämtar de senaste händelserna från polisens API (högst 500 per anrop) och sparar nya "
        "och ändrade, så att historiken finns kvar när de fallit ur API:ets fönster. Håller "
        "API:ets regler: identifierande User-Agent, minst 10 sekunder mellan anropen och högst "
        "60 anrop i timmen, också mellan omstarter. Kör det t.ex. var tionde minut."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            action="append",
            default=[],
            help=(
                "Händelserna en viss dag eller månad (2025-06-07 eller 2025-06); kan upprepas "
                "för att hämta flera, ett anrop var."
            ),
        )
        parser.add_argument("--type", default="", help="Bara en händelsetyp, t.ex. Misshandel.")
        parser.add_argument("--location", default="", help="Bara en plats, t.ex. Tjörn.")

    def handle(self, *args: object, **options: object) -> None:
        limit = fetching.RateLimit.default()
        for date in options["date"] or [""]:
            params = {
                "DateTime": date,
                "type": options["type"],
                "locationname": options["location"],
            }
            try:
                plan = fetching.fetch_events(params, limit=limit)
            except fetching.FetchRefused as refused:
                raise CommandError(str(refused)) from refused
            if plan.errors:
                for line in error_lines(plan):
                    self.stderr.write(line)
                raise CommandError(
                    _("%(n)s fel i svaret från polisens API. Ingenting sparades.")
                    % {"n": len(plan.errors)}
                )
            counts = event_counts(plan)
            self.stdout.write(
                _(
                    "%(what)s: %(n)s händelser i svaret, %(new)s nya, %(updated)s ändrade, "
                    "%(existing)s fanns redan."
                )
                % {
                    "what": date or _("Senaste"),
                    "n": len(plan.changes),
                    "new": counts.imported,
                    "updated": counts.updated,
                    "existing": counts.existing,
                }
            )
