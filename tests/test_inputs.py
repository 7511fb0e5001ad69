"""The lägesbild's read API: dialogues and walk findings of some municipalities in a period,
counted by focus area, category, action status and revisit result."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.inputs import dialogue_inputs, walk_findings
from participation.models import DialogueRemark, WalkAction, WalkStop
from promises.models import FocusArea
from tests.factories import D
from tests.voices_factories import dialogue, walk

AUTUMN = (D(2025, 9, 1), D(2025, 12, 31))


def test_dialogue_inputs_count_remarks_by_focus_area(cast):
    traffic = FocusArea.objects.get_or_create(name="Trafik")[0]
    d = dialogue(cast.tjorn, participants=24)  # one uncoded remark
    DialogueRemark.objects.create(dialogue=d, text="Fort.", focus_area=traffic)
    DialogueRemark.objects.create(
        dialogue=d, text="Buskörning.", focus_area=traffic, is_public=False
    )
    dialogue(cast.tjorn, kind="staff", participants=None)  # one more uncoded remark
    dialogue(cast.tjorn, held_on=D(2024, 10, 1))  # outside the period
    dialogue(cast.harryda)  # another municipality
    result = dialogue_inputs({cast.tjorn.municipality_id}, *AUTUMN)
    assert len(result.dialogues) == 2
    assert result.remarks_by_focus_area == {None: 2, "Trafik": 2}
    assert result.dialogues_by_kind == {"citizen": 1, "staff": 1}
    assert result.participants == 24
    first = result.dialogues[0]
    assert first.municipality_code == "1419" and not first.is_published
    assert [r.is_public for r in first.remarks] == [True, True, False]


def test_period_bounds_are_included(cast):
    dialogue(cast.tjorn, held_on=AUTUMN[0])
    dialogue(cast.tjorn, held_on=AUTUMN[1])
    walk(cast.tjorn, walked_on=AUTUMN[1])
    assert len(dialogue_inputs([cast.tjorn.municipality_id], *AUTUMN).dialogues) == 2
    assert len(walk_findings([cast.tjorn.municipality_id], *AUTUMN).walks) == 1


def test_walk_findings_count_categories_statuses_and_revisit(cast):
    w = walk(cast.tjorn)  # a lighting stop with one proposed action
    s = WalkStop.objects.create(walk=w, category="klotter", remark="Klotter.")
    WalkAction.objects.create(
        stop=s,
        text="Tvätta.",
        responsible=cast.tjorn,
        responsible_role="Gatuchef",
        status="done",
        revisit_result="fixed",
    )
    WalkAction.objects.create(
        stop=s,
        text="Kamera.",
        responsible=cast.police,
        responsible_role="Kommunpolis",
        status="declined",
        revisit_result="not_fixed",
    )
    walk(cast.orust)
    result = walk_findings([cast.tjorn.municipality_id, cast.orust.municipality_id], *AUTUMN)
    assert len(result.walks) == 2 and len(result.stops) == 3
    assert result.stops_by_category == {"belysning": 2, "klotter": 1}
    assert result.actions_by_status == {"proposed": 2, "done": 1, "declined": 1}
    assert result.actions_by_revisit_result == {"unchecked": 2, "fixed": 1, "not_fixed": 1}
    action = result.walks[0].stops[1].actions[1]
    assert (action.responsible, action.responsible_role) == ("LPO Södra Fyrbodal", "Kommunpolis")


def test_queries_do_not_grow_with_the_data(cast):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            dialogue_inputs([cast.tjorn.municipality_id], *AUTUMN)
            walk_findings([cast.tjorn.municipality_id], *AUTUMN)
        return len(ctx.captured_queries)

    dialogue(cast.tjorn)
    walk(cast.tjorn)
    few = queries()
    for _ in range(10):
        dialogue(cast.tjorn)
        walk(cast.tjorn)
    assert queries() == few
