"""`manage.py apply_retention [--dry-run]`: runs every retention rule (core.retention) and
prints the count of each. Run it daily (cron or a systemd timer). Idempotent; a run is in the
audit trail ("retention.applied") with the counts, a dry run changes nothing."""

from django.core.management.base import BaseCommand, CommandParser

from core.retention import apply_rules, rules


class Command(BaseCommand):
    help = (
        "Radera eller rensa personuppgifter vars lagringstid har gått ut, enligt reglerna på "
        "sidan /integritet/. Med --dry-run räknas bara vad som skulle raderas."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Räkna bara, ändra ingenting.")

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        counts = apply_rules(dry_run=dry_run)
        width = max(len(rule.name) for rule in rules())
        for rule in rules():
            self.stdout.write(f"{rule.name:<{width}}  {counts[rule.name]:>6}  ({rule.title})")
        if dry_run:
            self.stdout.write("Provkörning: ingenting ändrades.")
