"""Writing a promise's activity plan as CSV or XLSX, one row per activity.

Text cells pass through core.formulas.neutralise_formula, so markup or a formula typed into a
field is shown as text and never run; the importer undoes it, so a round trip is exact.
"""

import csv
import datetime
import io
from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.formulas import neutralise_formula
from promises.forms.choices import responsible_candidates
from promises.forms.promises import focus_area_choices
from promises.models import Activity, ActivityStatus, Commitment, Promise
from promises.spreadsheet.columns import (
    PLAN_COLUMNS,
    activity_reference,
    commitment_reference,
)
from promises.spreadsheet.workbook import plan_workbook

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def plan_activities(promise: Promise) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(commitment__promise=promise)
        .with_progress()
        .select_related("commitment", "responsible", "focus_area")
        .order_by("commitment__order", "commitment_id", "start", "id")
    )


def yes_no(value: bool) -> str:
    return "ja" if value else "nej"  # file format: the same in every language


def status_labels() -> dict[str, str]:
    with translation.override("sv"):
        return {value: str(label) for value, label in ActivityStatus.choices}


def activity_values(activity: Activity, labels: dict[str, str]) -> dict[str, object]:
    """One activity as the values of its row, by column key."""
    return {
        "reference": activity_reference(activity.pk),
        "commitment_ref": commitment_reference(activity.commitment_id),
        "commitment": activity.commitment.text,
        "title": activity.title,
        "description": activity.description,
        "responsible": activity.responsible.name,
        "responsible_function": activity.responsible_function,
        "focus_area": activity.focus_area.name if activity.focus_area else None,
        "start": activity.start,
        "end": activity.end,
        "target_quantity": activity.target_quantity,
        "unit": activity.unit,
        "counts_people": yes_no(activity.counts_people),
        "resources": activity.resources,
        "follow_up_on": activity.follow_up_on,
        "status": labels[activity.status],
        "done": activity.done_quantity,
        "progress_quantity": None,
        "progress_text": None,
        "progress_date": None,
        "progress_public": None,
    }


def plan_rows(promise: Promise) -> Iterator[list[object]]:
    labels = status_labels()
    for activity in plan_activities(promise):
        values = activity_values(activity, labels)
        yield [values[c.key] for c in PLAN_COLUMNS]


def file_name(promise: Promise, suffix: str) -> str:
    day = timezone.localdate().isoformat()
    return f"aktivitetsplan-{slugify(promise.title)[:60] or promise.pk}-{day}{suffix}"


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise_formula(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def write_csv(promise: Promise) -> bytes:
    """UTF-8 with a BOM and ';' between cells, as Swedish Excel opens and saves CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header for c in PLAN_COLUMNS])
    for row in plan_rows(promise):
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(promise: Promise) -> bytes:
    with translation.override("sv"):
        book = plan_workbook(
            promise,
            rows=list(plan_rows(promise)),
            commitments=list(Commitment.objects.filter(promise=promise)),
            organisations=list(responsible_candidates(promise).values_list("name", flat=True)),
            focus_areas=list(focus_area_choices(promise, None).values_list("name", flat=True)),
            statuses=list(status_labels().values()),
            title=_("Aktivitetsplan: %(title)s") % {"title": promise.title},
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
