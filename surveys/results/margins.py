"""Saving a wave's population margins; a closed wave is weighted again at once."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from organisations.auditlog import record
from surveys.models import Margin, Wave
from surveys.results.closing import ClosingReport, on_wave_closed
from surveys.results.weighting import margin_tables


@transaction.atomic
def save_margins(
    *, wave: Wave, tables: dict[str, dict[str, int]], user: AbstractBaseUser
) -> ClosingReport | None:
    """Replace the wave's margins. For a closed wave the stored weights and the linked
    indicators' measurements are recomputed (the report says how that went)."""
    before = margin_tables(list(Margin.objects.filter(wave=wave)))
    Margin.objects.filter(wave=wave).delete()
    Margin.objects.bulk_create(
        Margin(wave=wave, variable=variable, category=category, population=population)
        for variable, table in tables.items()
        for category, population in table.items()
    )
    record(
        actor=user,
        action="wave.margins_changed",
        obj=wave,
        parties=[wave.survey.organisation_id],
        before={"margins": before},
        after={"margins": tables},
    )
    if wave.status == Wave.Status.CLOSED:
        return on_wave_closed(wave)
    return None
