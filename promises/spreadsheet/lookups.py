"""What the cells of one promise's plan may name: its commitments, the organisations that may
be responsible, its focus areas, and the statuses. Read once per import."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.imports import (
    Choice,
    Column,
    Date,
    Integer,
    Lookup,
    Text,
    YesNo,
    normalise_key,
)
from organisations.models import Organisation
from promises.forms.choices import responsible_candidates
from promises.forms.promises import focus_area_choices
from promises.models import Activity, Commitment, FocusArea, Promise
from promises.spreadsheet.columns import PLAN_COLUMNS, Reference, commitment_reference
from promises.spreadsheet.export import plan_activities, status_labels

MAX_QUANTITY = 1_000_000


@dataclass
class PlanLookups:
    promise: Promise
    activities: dict[int, Activity]
    commitments: dict[int, Commitment]
    commitments_by_text: dict[str, list[Commitment]]
    candidates: dict[int, Organisation]  # may be named responsible on any row
    organisations: dict[str, Organisation]  # by name: candidates and current responsibles
    focus_areas: dict[int, FocusArea]  # may be chosen on any row
    all_focus_areas: dict[str, FocusArea] = field(default_factory=dict)

    @classmethod
    def for_promise(cls, promise: Promise) -> "PlanLookups":
        commitments = {c.pk: c for c in Commitment.objects.filter(promise=promise)}
        by_text: dict[str, list[Commitment]] = defaultdict(list)
        for c in commitments.values():
            c.promise = promise  # one promise object, so the access checks cache its parties
            by_text[normalise_key(c.text)].append(c)
        activities = {}
        for a in plan_activities(promise):
            a.commitment = commitments[a.commitment_id]
            activities[a.pk] = a
        candidates = {o.pk: o for o in responsible_candidates(promise)}
        current = {a.responsible for a in activities.values()}
        return cls(
            promise=promise,
            activities=activities,
            commitments=commitments,
            commitments_by_text=dict(by_text),
            candidates=candidates,
            organisations={o.name: o for o in [*current, *candidates.values()]},
            focus_areas={f.pk: f for f in focus_area_choices(promise, None)},
            all_focus_areas={f.name: f for f in FocusArea.objects.all()},
        )

    def candidate_names(self) -> str:
        return ", ".join(o.name for o in self.candidates.values())

    def focus_area_names(self) -> str:
        return ", ".join(f.name for f in self.focus_areas.values())

    def commitment_references(self) -> str:
        return ", ".join(commitment_reference(pk) for pk in self.commitments)

    def columns(self) -> list[Column]:
        parsers = {
            "reference": Reference("A-", "A-12"),
            "commitment_ref": Reference("Å-", "Å-3"),
            "commitment": Text(),
            "title": Text(max_length=200, required=True),
            "description": Text(),
            "responsible": Lookup(
                self.organisations,
                required=True,
                unknown=_(
                    "Okänd organisation ”%(value)s”. Skriv namnet som på plattformen, "
                    "t.ex. en av: %(options)s."
                ),
            ),
            "responsible_function": Text(max_length=120),
            "focus_area": Lookup(
                self.all_focus_areas,
                unknown=_("Okänt fokusområde ”%(value)s”. Välj ett av: %(options)s."),
            ),
            "start": Date(required=True),
            "end": Date(required=True),
            "target_quantity": Integer(max_value=MAX_QUANTITY),
            "unit": Text(max_length=60),
            "counts_people": YesNo(),
            "resources": Text(max_length=200),
            "follow_up_on": Date(),
            "status": Choice(status_labels().items()),
            "done": Integer(),
            "progress_quantity": Integer(max_value=MAX_QUANTITY),
            "progress_text": Text(max_length=5000),
            "progress_date": Date(),
            "progress_public": YesNo(),
        }
        return [Column(c.key, c.header, parsers[c.key], required=c.required) for c in PLAN_COLUMNS]
