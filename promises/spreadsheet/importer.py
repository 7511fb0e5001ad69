"""Reading an activity plan back: each row becomes planned changes (a new activity, changed
fields, a progress update), checked with the same rules and rights as the staff pages and
written through the same audited services. The file never deletes an activity."""

import copy
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.imports import Change, ColumnMap, FieldChange, Importer, ImportFile, Plan, read_table
from core.imports.plan import ProgressCallback
from core.imports.readers import SourceRow
from organisations.access import access_for
from organisations.auditlog import acting_via
from promises.access import (
    PROGRESS_ONLY,
    can_edit_promise,
    can_moderate_progress,
    can_record_progress,
)
from promises.forms.activities import ProgressForm
from promises.models import Activity, ActivityStatus, ProgressUpdate, Promise
from promises.services.editing import audited_create, audited_update
from promises.services.progress import record_progress
from promises.spreadsheet.columns import HEADERS, activity_reference, commitment_reference
from promises.spreadsheet.display import describe_value, field_label
from promises.spreadsheet.lookups import PlanLookups
from promises.spreadsheet.workbook import SHEET

ACTIVITY_FIELDS = (
    "commitment",
    "title",
    "description",
    "responsible",
    "responsible_function",
    "focus_area",
    "start",
    "end",
    "target_quantity",
    "unit",
    "counts_people",
    "resources",
    "follow_up_on",
    "status",
)
OPTIONAL_FIELDS = {"resources": "", "follow_up_on": None}  # absent column: left unchanged
FIELD_COLUMNS = {f: ("commitment_ref" if f == "commitment" else f) for f in ACTIVITY_FIELDS}
PROGRESS_COLUMNS = {
    "date": "progress_date",
    "text": "progress_text",
    "quantity": "progress_quantity",
    "is_public": "progress_public",
}


@dataclass
class RowPlan:
    """An activity of the file: the existing one, or (once applied) the one created."""

    activity: Activity | None
    values: dict[str, object] = field(default_factory=dict)


@dataclass
class ProgressPlan:
    row: RowPlan
    date: object
    text: str
    quantity: int
    is_public: bool
    new_status: str | None = None


def _same(old: object, new: object) -> bool:
    if isinstance(old, str) or isinstance(new, str):
        return (old or "").replace("\r\n", "\n").strip() == (new or "").strip()
    return old == new


class ActivityPlanImporter(Importer):
    kind = "activity_plan"

    def __init__(
        self, *, promise: Promise, user: AbstractBaseUser | None = None, via: str = ""
    ) -> None:
        """`user` is whose rights apply and who is named in the audit trail; without one, the
        import is the platform's own command line, with every right. `via` names the channel
        (file, command line) in the audit trail."""
        super().__init__(target=promise, user=user)
        self.promise = promise
        self.via = via
        self.access = access_for(user) if user is not None else None

    def may_edit(self) -> bool:
        return self.access is None or can_edit_promise(self.access, self.promise)

    def may_report(self, activity: Activity) -> bool:
        return self.access is None or can_record_progress(self.access, activity)

    def reviewed_at_once(self, activity: Activity) -> bool:
        return self.access is None or can_moderate_progress(self.access, activity)

    # Planning

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        sheet = read_table(source, preferred_sheet=SHEET)
        self.lookups = PlanLookups.for_promise(self.promise)
        columns = ColumnMap(sheet, self.lookups.columns(), plan.errors)
        if not columns.ok:
            return
        seen: dict[int, int] = {}
        for row in sheet.rows:
            values = columns.parse(row, plan.errors)
            if values is not None:
                yield from self._row_changes(row, values, plan, seen)

    def _error(self, plan: Plan, row: SourceRow, key: str, message: str) -> None:
        plan.errors.add(message, row=row.number, column=HEADERS.get(key, ""), sheet=row.sheet)

    def _row_changes(
        self, row: SourceRow, values: dict, plan: Plan, seen: dict[int, int]
    ) -> Iterator[Change]:
        reference = values["reference"]
        activity = None
        if reference is not None:
            activity = self.lookups.activities.get(reference)
            if activity is None:
                message = _(
                    "Det finns ingen aktivitet %(ref)s i det här löftet. Lämna referensen tom "
                    "för att lägga till en ny aktivitet."
                ) % {"ref": activity_reference(reference)}
                return self._error(plan, row, "reference", message)
            if reference in seen:
                message = _(
                    "Aktiviteten %(ref)s står redan på rad %(row)s. Varje aktivitet får stå på "
                    "en rad."
                ) % {"ref": activity_reference(reference), "row": seen[reference]}
                return self._error(plan, row, "reference", message)
            seen[reference] = row.number
        fields = self._fields(row, values, plan, activity)
        if fields is None:
            return
        self._note_done(row, values, plan, activity)
        if activity is None:
            yield from self._create(row, values, plan, fields)
        else:
            yield from self._update(row, values, plan, activity, fields)

    def _fields(
        self, row: SourceRow, values: dict, plan: Plan, activity: Activity | None
    ) -> dict | None:
        problems = len(plan.errors)
        fields = {"commitment": self._commitment(row, values, plan)}
        for name in ACTIVITY_FIELDS[1:]:
            if name in values:
                fields[name] = values[name]
            elif activity is None:
                fields[name] = OPTIONAL_FIELDS[name]
        if not fields["status"]:
            if activity is not None:
                self._error(plan, row, "status", _("Ange aktivitetens status."))
            fields["status"] = ActivityStatus.PLANNED
        responsible = fields["responsible"]
        current = activity.responsible_id if activity else None
        if responsible.pk not in self.lookups.candidates and responsible.pk != current:
            message = _(
                "%(org)s kan inte vara ansvarig för aktiviteter i det här löftet. Välj en av: "
                "%(options)s."
            ) % {"org": responsible.name, "options": self.lookups.candidate_names()}
            self._error(plan, row, "responsible", message)
        focus = fields["focus_area"]
        current = activity.focus_area_id if activity else None
        if focus is not None and focus.pk not in self.lookups.focus_areas and focus.pk != current:
            message = _(
                "Fokusområdet ”%(name)s” hör inte till löftet. Välj ett av: %(options)s."
            ) % {"name": focus.name, "options": self.lookups.focus_area_names()}
            self._error(plan, row, "focus_area", message)
        return fields if len(plan.errors) == problems else None

    def _commitment(self, row: SourceRow, values: dict, plan: Plan) -> object:
        reference, text = values["commitment_ref"], values["commitment"]
        if reference is not None:
            commitment = self.lookups.commitments.get(reference)
            if commitment is None:
                message = _(
                    "Det finns inget åtagande %(ref)s i det här löftet. Åtagandena är %(options)s."
                ) % {
                    "ref": commitment_reference(reference),
                    "options": self.lookups.commitment_references(),
                }
                self._error(plan, row, "commitment_ref", message)
            return commitment
        matches = self.lookups.commitments_by_text.get(" ".join(text.split()).casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if not text:
            message = _("Ange åtagandet: dess referens (t.ex. Å-3) eller dess exakta text.")
            self._error(plan, row, "commitment_ref", message)
        elif matches:
            message = _("Flera åtaganden har den här texten. Ange referensen i Åtagande-ref.")
            self._error(plan, row, "commitment", message)
        else:
            message = _(
                "Inget åtagande i löftet har den här texten. Ange referensen (t.ex. Å-3) i "
                "Åtagande-ref; åtagandena står på bladet ”Listor”."
            )
            self._error(plan, row, "commitment", message)
        return None

    def _valid(self, activity: Activity, row: SourceRow, plan: Plan) -> bool:
        """The model's own rules (end not before start, a unit for a target...)."""
        try:
            activity.full_clean(
                exclude=["commitment", "responsible", "focus_area"], validate_constraints=False
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                key = FIELD_COLUMNS.get(name, "")
                for message in messages:
                    self._error(plan, row, key, message)
            return False
        return True

    def _may_change(self, row: SourceRow, plan: Plan, key: str) -> bool:
        if not self.promise.is_text_editable:
            message = _(
                "Löftet är avslutat eller ersatt, så aktiviteterna kan inte ändras. "
                "Lägesrapporter kan fortfarande läggas till."
            )
        elif not self.may_edit():
            message = _(
                "Du får inte ändra aktiviteterna i det här löftet: det får redaktörer och "
                "administratörer hos parterna. Du kan lägga till lägesrapporter för aktiviteter "
                "som din organisation ansvarar för."
            )
        else:
            return True
        self._error(plan, row, key, message)
        return False

    def _create(self, row: SourceRow, values: dict, plan: Plan, fields: dict) -> Iterator[Change]:
        activity = Activity(**fields)
        if not (self._valid(activity, row, plan) and self._may_change(row, plan, "title")):
            return
        target = RowPlan(activity=None, values=fields)
        changes = [
            FieldChange(field_label(name), "", describe_value(name, value))
            for name, value in fields.items()
            if value not in (None, "")
        ]
        description = _("Ny aktivitet ”%(title)s” under åtagandet %(commitment)s") % {
            "title": fields["title"],
            "commitment": commitment_reference(fields["commitment"].pk),
        }
        yield Change("create", description, row.number, row.sheet, changes, target)
        yield from self._progress(row, values, plan, target, activity)

    def _update(
        self, row: SourceRow, values: dict, plan: Plan, activity: Activity, fields: dict
    ) -> Iterator[Change]:
        changed = {n: v for n, v in fields.items() if not _same(getattr(activity, n), v)}
        target = RowPlan(activity=activity, values=changed)
        new_status = None
        has_progress = self._progress_given(values)
        if set(changed) == {"status"} and has_progress and not self.may_edit():
            # As on the progress form: a reporter changes the status with a progress update.
            new_status = changed.pop("status")
        if changed:
            candidate = copy.copy(activity)
            for name, value in changed.items():
                setattr(candidate, name, value)
            first = FIELD_COLUMNS[next(iter(changed))]
            if not (self._valid(candidate, row, plan) and self._may_change(row, plan, first)):
                return
            description = _("Ändrad aktivitet %(ref)s ”%(title)s”") % {
                "ref": activity_reference(activity.pk),
                "title": activity.title,
            }
            diff = [
                FieldChange(
                    field_label(n),
                    describe_value(n, getattr(activity, n)),
                    describe_value(n, v),
                )
                for n, v in changed.items()
            ]
            yield Change("update", description, row.number, row.sheet, diff, target)
        yield from self._progress(row, values, plan, target, activity, new_status)

    def _note_done(
        self, row: SourceRow, values: dict, plan: Plan, activity: Activity | None
    ) -> None:
        written = values.get("done")
        current = activity.done_quantity if activity is not None else 0
        if written is not None and written != current:
            message = _(
                "Genomfört hittills ändras inte via filen: det är summan av lägesrapporterna "
                "(nu %(done)s). Skriv det som har gjorts i kolumnerna ”Ny lägesrapport: antal” "
                "och ”Ny lägesrapport: text”."
            ) % {"done": current}
            plan.notes.add(message, row=row.number, column=HEADERS["done"], sheet=row.sheet)

    # Progress

    @staticmethod
    def _progress_given(values: dict) -> bool:
        return bool(
            values.get("progress_text")
            or values.get("progress_quantity") is not None
            or values.get("progress_date") is not None
            or values.get("progress_public")
        )

    def _progress(
        self,
        row: SourceRow,
        values: dict,
        plan: Plan,
        target: RowPlan,
        activity: Activity,
        new_status: str | None = None,
    ) -> Iterator[Change]:
        if not self._progress_given(values):
            return
        if not self.may_report(activity):
            return self._error(plan, row, "progress_text", PROGRESS_ONLY)
        date = values.get("progress_date") or timezone.localdate()
        data = {
            "date": date.isoformat(),
            "text": values.get("progress_text") or "",
            "quantity": values.get("progress_quantity") or 0,
            "is_public": "on" if values.get("progress_public") else "",
        }
        form = ProgressForm(data, activity=activity)
        if not form.is_valid():
            for name, messages in form.errors.items():
                for message in messages:
                    self._error(plan, row, PROGRESS_COLUMNS.get(name, "progress_text"), message)
            return
        clean = form.cleaned_data
        if target.activity is not None and self._already_recorded(target.activity, clean):
            message = _(
                "Den här lägesrapporten finns redan för aktiviteten och läggs inte till igen."
            )
            plan.notes.add(
                message, row=row.number, column=HEADERS["progress_text"], sheet=row.sheet
            )
            return
        progress = ProgressPlan(
            target, clean["date"], clean["text"], clean["quantity"], clean["is_public"], new_status
        )
        yield Change(
            "progress",
            self._progress_description(activity, progress),
            row.number,
            row.sheet,
            self._progress_fields(activity, progress),
            progress,
        )

    @staticmethod
    def _already_recorded(activity: Activity, clean: dict) -> bool:
        return activity.updates.filter(text=clean["text"], quantity=clean["quantity"]).exists()

    def _progress_description(self, activity: Activity, progress: ProgressPlan) -> str:
        if not progress.is_public:
            visibility = _("intern")
        elif self.reviewed_at_once(activity):
            visibility = _("publik")
        else:
            visibility = _("publik när en redaktör har granskat den")
        return _("Ny lägesrapport för ”%(title)s” (%(visibility)s)") % {
            "title": activity.title,
            "visibility": visibility,
        }

    def _progress_fields(self, activity: Activity, progress: ProgressPlan) -> list[FieldChange]:
        fields = [
            FieldChange(_("Datum"), "", describe_value("start", progress.date)),
            FieldChange(_("Vad gjordes"), "", progress.text),
            FieldChange(_("Antal genomförda"), "", f"+{progress.quantity} {activity.unit}".strip()),
        ]
        if progress.new_status:
            before = describe_value("status", activity.status)
            fields.append(
                FieldChange(
                    field_label("status"), before, describe_value("status", progress.new_status)
                )
            )
        return fields

    # Applying

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        with acting_via(self.via) if self.via else nullcontext():
            super().apply_changes(changes, on_progress)

    def apply_change(self, change: Change) -> None:
        payload = change.payload
        if change.action == "create":
            payload.activity = audited_create(
                Activity(**payload.values), user=self.user, action="activity.created"
            )
        elif change.action == "update":
            audited_update(
                payload.activity, user=self.user, action="activity.changed", **payload.values
            )
        else:
            update = ProgressUpdate(
                date=payload.date,
                text=payload.text,
                quantity=payload.quantity,
                is_public=payload.is_public,
            )
            record_progress(
                activity=payload.row.activity,
                user=self.user,
                update=update,
                new_status=payload.new_status,
            )
