"""What dialogues and safety walks give the lägesbild (issue 8): plain data, no pages.

The caller has already decided that the user may read these municipalities' material (the
lägesbild's own access helper); these functions only read. Everything recorded is included –
unpublished dialogues and remarks kept internal are input too – and each item says whether it
is public, so a published lägesbild can keep to what residents may see. Participant counts are
raw here; anything published from them goes through core.privacy.public_count.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from participation.models import Dialogue, DialogueRemark, SafetyWalk, WalkAction, WalkStop

UNCODED = None  # remarks without a focus area are counted under None


@dataclass(frozen=True)
class RemarkInput:
    dialogue_id: int
    text: str
    focus_area: str | None
    is_public: bool


@dataclass(frozen=True)
class DialogueInput:
    id: int
    kind: str  # "citizen" or "staff"
    title: str
    held_on: datetime.date
    municipality_code: str
    format: str
    target_group: str
    participants: int | None
    is_published: bool
    remarks: list[RemarkInput]


@dataclass
class DialogueInputs:
    dialogues: list[DialogueInput] = field(default_factory=list)
    remarks_by_focus_area: dict[str | None, int] = field(default_factory=dict)
    dialogues_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def participants(self) -> int:
        return sum(d.participants or 0 for d in self.dialogues)


@dataclass(frozen=True)
class ActionInput:
    text: str
    responsible: str
    responsible_role: str
    due_on: datetime.date | None
    status: str
    revisit_result: str  # "" until the revisit has checked it


@dataclass(frozen=True)
class StopInput:
    walk_id: int
    category: str
    remark: str
    place_text: str
    latitude: float | None  # precise: for the staff lägesbild, never public as is
    longitude: float | None
    precise_approved: bool
    actions: list[ActionInput]


@dataclass(frozen=True)
class WalkInput:
    id: int
    title: str
    walked_on: datetime.date
    light: str
    municipality_code: str
    participants: int | None
    is_published: bool
    stops: list[StopInput]


@dataclass
class WalkFindings:
    walks: list[WalkInput] = field(default_factory=list)
    stops_by_category: dict[str, int] = field(default_factory=dict)
    actions_by_status: dict[str, int] = field(default_factory=dict)
    actions_by_revisit_result: dict[str, int] = field(default_factory=dict)

    @property
    def stops(self) -> list[StopInput]:
        return [s for w in self.walks for s in w.stops]


def dialogue_inputs(
    municipality_ids: list[int] | set[int], start: datetime.date, end: datetime.date
) -> DialogueInputs:
    """Dialogues held in the municipalities from `start` to `end` (both included), with their
    remarks and counts by focus area and by kind. Three queries."""
    remarks = DialogueRemark.objects.select_related("focus_area")
    dialogues = (
        Dialogue.objects.filter(municipality_id__in=municipality_ids, held_on__range=(start, end))
        .select_related("municipality")
        .prefetch_related(Prefetch("remarks", queryset=remarks))
        .order_by("held_on", "id")
    )
    result = DialogueInputs()
    by_area: Counter = Counter()
    for d in dialogues:
        items = [
            RemarkInput(
                dialogue_id=d.pk,
                text=r.text,
                focus_area=r.focus_area.name if r.focus_area else UNCODED,
                is_public=r.is_public,
            )
            for r in d.remarks.all()
        ]
        by_area.update(r.focus_area for r in items)
        result.dialogues.append(
            DialogueInput(
                id=d.pk,
                kind=d.kind,
                title=d.title,
                held_on=d.held_on,
                municipality_code=d.municipality.code,
                format=d.format,
                target_group=d.target_group,
                participants=d.participants,
                is_published=d.is_published,
                remarks=items,
            )
        )
    result.remarks_by_focus_area = dict(by_area.most_common())
    result.dialogues_by_kind = dict(Counter(d.kind for d in result.dialogues))
    return result


def _action(a: WalkAction) -> ActionInput:
    return ActionInput(
        text=a.text,
        responsible=a.responsible.name,
        responsible_role=a.responsible_role,
        due_on=a.due_on,
        status=a.status,
        revisit_result=a.revisit_result,
    )


def _stop(walk_id: int, s: WalkStop) -> StopInput:
    return StopInput(
        walk_id=walk_id,
        category=s.category,
        remark=s.remark,
        place_text=s.place_text,
        latitude=s.latitude,
        longitude=s.longitude,
        precise_approved=s.precise_approved,
        actions=[_action(a) for a in s.actions.all()],
    )


def walk_findings(
    municipality_ids: list[int] | set[int], start: datetime.date, end: datetime.date
) -> WalkFindings:
    """Safety walks walked in the municipalities from `start` to `end` (both included): their
    stops, counts by category, and the proposed actions by status and by revisit result.
    Four queries."""
    actions = WalkAction.objects.select_related("responsible")
    stops = WalkStop.objects.prefetch_related(Prefetch("actions", queryset=actions))
    walks = (
        SafetyWalk.objects.filter(
            municipality_id__in=municipality_ids, walked_on__range=(start, end)
        )
        .select_related("municipality")
        .prefetch_related(Prefetch("stops", queryset=stops))
        .order_by("walked_on", "id")
    )
    result = WalkFindings()
    for w in walks:
        result.walks.append(
            WalkInput(
                id=w.pk,
                title=w.title,
                walked_on=w.walked_on,
                light=w.light,
                municipality_code=w.municipality.code,
                participants=w.participants,
                is_published=w.is_published,
                stops=[_stop(w.pk, s) for s in w.stops.all()],
            )
        )
    all_actions = [a for s in result.stops for a in s.actions]
    result.stops_by_category = dict(Counter(s.category for s in result.stops).most_common())
    result.actions_by_status = dict(Counter(a.status for a in all_actions))
    result.actions_by_revisit_result = dict(
        Counter(a.revisit_result or "unchecked" for a in all_actions)
    )
    return result
