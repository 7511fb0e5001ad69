"""Loads issue 7's demo (residents' voices) on top of the promises demo; idempotent on its own,
so a database loaded before issue 7 gets it on the next `load_demo`."""

from demo import voices_content as content
from organisations.models import Municipality, Organisation
from participation.models import (
    Dialogue,
    DialogueRemark,
    SafetyWalk,
    WalkAction,
    WalkStop,
)
from promises.models import FocusArea, Promise


def is_loaded() -> bool:
    return SafetyWalk.objects.filter(title=content.WALK["marker"]).exists()


def _orgs() -> dict[str, Organisation]:
    return {o.name: o for o in Organisation.objects.all()}


def _dialogue(data: dict, orgs: dict[str, Organisation]) -> None:
    dialogue = Dialogue.objects.create(
        organisation=orgs[data["organisation"]],
        municipality=Municipality.objects.get(code=data["municipality"]),
        kind=data["kind"],
        title=data["title"],
        held_on=data["held_on"],
        place=data["place"],
        format=data["format"],
        target_group=data["target_group"],
        participants=data["participants"],
        summary=data["summary"],
        is_published=True,
    )
    dialogue.organisations_present.set([orgs[name] for name in data["present"]])
    dialogue.promises.set(Promise.objects.filter(title__in=data["promises"]))
    for order, (text, area, is_public) in enumerate(data["remarks"]):
        DialogueRemark.objects.create(
            dialogue=dialogue,
            text=text,
            focus_area=FocusArea.objects.get_or_create(name=area)[0] if area else None,
            is_public=is_public,
            order=order,
        )


def _walk(data: dict, orgs: dict[str, Organisation]) -> None:
    walk = SafetyWalk.objects.create(
        organisation=orgs[data["organisation"]],
        municipality=Municipality.objects.get(code=data["municipality"]),
        title=data["title"],
        pre_meeting_on=data["pre_meeting_on"],
        walked_on=data["walked_on"],
        light=data["light"],
        participants=data["participants"],
        follow_up_on=data["follow_up_on"],
        revisit_on=data["revisit_on"],
        summary=data["summary"],
        is_published=True,
    )
    for order, stop_data in enumerate(data["stops"]):
        lat, lon = stop_data["point"] or (None, None)
        stop = WalkStop.objects.create(
            walk=walk,
            order=order,
            latitude=lat,
            longitude=lon,
            precise_approved=stop_data["precise"],
            place_text=stop_data["place"],
            category=stop_data["category"],
            remark=stop_data["remark"],
        )
        for text, responsible, role, due_on, status, result, note in stop_data["actions"]:
            WalkAction.objects.create(
                stop=stop,
                text=text,
                responsible=orgs[responsible],
                responsible_role=role,
                due_on=due_on,
                status=status,
                revisit_result=result,
                revisit_note=note,
            )


def load_voices() -> bool:
    """Load the voices demo; False when it was already there."""
    if is_loaded():
        return False
    orgs = _orgs()
    for data in content.DIALOGUES:
        _dialogue(data, orgs)
    _walk(content.WALK, orgs)
    return True
