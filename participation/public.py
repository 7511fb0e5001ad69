"""What residents see of dialogues and safety walks, assembled with a fixed number of queries.

Only published dialogues and walks, only remarks marked public, participant counts through
core.privacy.public_count and every point through core.privacy.public_point.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.privacy import PublicFigure, PublicPoint, public_count, public_point
from organisations.models import Municipality
from participation.models import Dialogue, DialogueRemark, SafetyWalk, WalkAction, WalkStop
from participation.models.walks import RevisitResult
from promises.models import Promise

VOICES_ON_MUNICIPALITY_PAGE = 10


@dataclass
class RemarkGroup:
    focus_area: str | None  # None: not coded to a focus area
    remarks: list[DialogueRemark] = field(default_factory=list)


@dataclass
class PublicDialogue:
    dialogue: Dialogue
    participants: PublicFigure
    groups: list[RemarkGroup]


@dataclass
class PublicStop:
    stop: WalkStop
    number: int
    point: PublicPoint | None
    actions: list[WalkAction]


@dataclass
class PublicWalk:
    walk: SafetyWalk
    participants: PublicFigure
    stops: list[PublicStop]
    revisit_counts: list[tuple[str, str, int]]  # (result, label, count), unchecked last

    @property
    def revisit_checked(self) -> int:
        return sum(count for result, _label, count in self.revisit_counts if result)

    @property
    def map_points(self) -> list[dict]:
        return [
            {
                "lat": s.point.lat,
                "lon": s.point.lon,
                "precise": s.point.precise,
                "label": f"{s.number}. {s.stop.get_category_display()}",
                "anchor": f"stopp-{s.number}",
            }
            for s in self.stops
            if s.point is not None
        ]


def _public_remarks() -> Prefetch:
    return Prefetch(
        "remarks",
        queryset=DialogueRemark.objects.filter(is_public=True).select_related("focus_area"),
        to_attr="public_remarks",
    )


def group_by_focus_area(remarks: list[DialogueRemark]) -> list[RemarkGroup]:
    """Remarks grouped by focus area in the order the areas first appear; uncoded ones last."""
    groups: dict[str | None, RemarkGroup] = {}
    for remark in remarks:
        name = remark.focus_area.name if remark.focus_area else None
        groups.setdefault(name, RemarkGroup(name)).remarks.append(remark)
    return sorted(groups.values(), key=lambda g: g.focus_area is None)


def _dialogue_view(dialogue: Dialogue) -> PublicDialogue:
    return PublicDialogue(
        dialogue=dialogue,
        participants=public_count(dialogue.participants, counts_people=True),
        groups=group_by_focus_area(dialogue.public_remarks),
    )


def public_dialogue(pk: int) -> PublicDialogue | None:
    dialogue = (
        Dialogue.objects.published()
        .select_related("municipality", "area")
        .prefetch_related(
            _public_remarks(),
            "organisations_present",
            Prefetch("promises", queryset=Promise.objects.public(), to_attr="public_promises"),
        )
        .filter(pk=pk)
        .first()
    )
    return _dialogue_view(dialogue) if dialogue else None


@dataclass
class Heard:
    """ "Vad vi hörde" on a promise: its published dialogues and their public remarks by focus
    area, across all of them."""

    dialogues: list[PublicDialogue]
    groups: list[RemarkGroup]


def heard_for_promise(promise: Promise) -> Heard:
    dialogues = list(
        Dialogue.objects.published()
        .filter(promises=promise)
        .select_related("municipality")
        .prefetch_related(_public_remarks())
        .order_by("held_on", "id")
    )
    remarks = [r for d in dialogues for r in d.public_remarks]
    return Heard([_dialogue_view(d) for d in dialogues], group_by_focus_area(remarks))


def _revisit_counts(actions: list[WalkAction]) -> list[tuple[str, str, int]]:
    counts = [
        (value, label, sum(1 for a in actions if a.revisit_result == value))
        for value, label in RevisitResult.choices
    ]
    unchecked = sum(1 for a in actions if not a.revisit_result)
    return [*counts, ("", _("Inte kontrollerad än"), unchecked)]


def public_walk(pk: int) -> PublicWalk | None:
    actions = WalkAction.objects.select_related("responsible")
    walk = (
        SafetyWalk.objects.published()
        .select_related("municipality", "area", "organisation")
        .prefetch_related(
            Prefetch(
                "stops",
                queryset=WalkStop.objects.prefetch_related(Prefetch("actions", queryset=actions)),
            )
        )
        .filter(pk=pk)
        .first()
    )
    if walk is None:
        return None
    stops = [
        PublicStop(
            stop=stop,
            number=number,
            point=public_point(
                stop.latitude, stop.longitude, precise_approved=stop.precise_approved
            ),
            actions=list(stop.actions.all()),
        )
        for number, stop in enumerate(walk.stops.all(), start=1)
    ]
    return PublicWalk(
        walk=walk,
        participants=public_count(walk.participants, counts_people=True),
        stops=stops,
        revisit_counts=_revisit_counts([a for s in stops for a in s.actions]),
    )


def municipality_voices(municipality: Municipality) -> dict:
    """The latest published dialogues and walks of a municipality, for its page."""
    limit = VOICES_ON_MUNICIPALITY_PAGE
    return {
        "dialogues": list(Dialogue.objects.published().filter(municipality=municipality)[:limit]),
        "walks": list(SafetyWalk.objects.published().filter(municipality=municipality)[:limit]),
    }
