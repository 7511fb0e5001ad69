"""Staff pages for safety walks: the cycle on one page, stops with a point or a place text,
actions with responsible manager, the revisit; the arranger's editors edit, members read."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from participation.models import SafetyWalk, WalkAction, WalkStop
from participation.walks.forms import parse_point
from tests.factories import D
from tests.voices_factories import walk


def url(name, *args):
    return reverse(f"participation_staff:{name}", args=args)


def walk_data(cast, **overrides):
    data = {
        "organisation": cast.tjorn.pk,
        "title": "Trygghetsvandring i Skärhamn",
        "municipality": cast.tjorn.municipality_id,
        "pre_meeting_on": "2025-10-14",
        "walked_on": "2025-11-04",
        "light": "darkness",
        "participants": "14",
        "follow_up_on": "2025-11-25",
        "revisit_on": "2026-03-10",
        "summary": "Vi gick från busstationen till hamnen.",
    }
    return {**data, **overrides}


def test_editor_records_a_walk_and_sees_the_cycle(client, cast):
    client.force_login(cast.alice)
    response = client.post(url("walk_create"), walk_data(cast))
    w = SafetyWalk.objects.get()
    assert response["Location"] == w.get_staff_url()
    page = client.get(w.get_staff_url()).content.decode()
    for text in (
        "Förmöte",
        "14 oktober 2025",
        "Vandring",
        "4 november 2025",
        "I mörker",
        "Uppföljningsmöte",
        "25 november 2025",
        "Återbesök",
        "10 mars 2026",
    ):
        assert text in page
    assert AuditEntry.objects.filter(action="safety_walk.created").count() == 1


def test_dates_out_of_order_are_refused(client, cast):
    client.force_login(cast.alice)
    response = client.post(
        url("walk_create"), walk_data(cast, follow_up_on="2025-11-01", revisit_on="")
    )
    assert response.status_code == 400 and not SafetyWalk.objects.exists()
    assert "Uppföljningsmötet kan inte ligga före vandringen." in response.content.decode()


def test_more_than_twenty_participants_gets_a_gentle_warning(client, cast):
    client.force_login(cast.alice)
    response = client.post(url("walk_create"), walk_data(cast, participants="35"), follow=True)
    body = response.content.decode()
    assert SafetyWalk.objects.get().participants == 35  # allowed
    assert "fungerar bäst med högst omkring 20 deltagare" in body


def test_viewer_reads_other_tenant_gets_404(client, cast):
    w = walk(cast.tjorn)
    stop = w.stops.get()
    client.force_login(cast.viewer)
    assert client.get(w.get_staff_url()).status_code == 200
    for name, args in [
        ("walk_edit", [w.pk]),
        ("walk_publish", [w.pk]),
        ("walk_delete", [w.pk]),
        ("walk_revisit", [w.pk]),
        ("stop_create", [w.pk]),
        ("stop_edit", [w.pk, stop.pk]),
        ("action_create", [w.pk, stop.pk]),
    ]:
        assert client.post(url(name, *args)).status_code == 403
    client.force_login(cast.charlie)
    assert client.get(w.get_staff_url()).status_code == 404
    assert client.post(url("stop_delete", w.pk, stop.pk)).status_code == 404
    assert WalkStop.objects.filter(pk=stop.pk).exists()


def test_list_shows_only_own_walks(client, cast):
    walk(cast.tjorn, title="Tjörns vandring")
    walk(cast.tjorn, title="Vårens vandring", walked_on=D(2026, 4, 20))
    walk(cast.harryda, title="Härrydas vandring")
    client.force_login(cast.alice)
    body = client.get(url("walk_list")).content.decode()
    assert "Tjörns vandring" in body and "Härrydas vandring" not in body
    assert body.index("Vårens vandring") < body.index("Tjörns vandring")  # newest first
    assert client.post(url("walk_list")).status_code == 405


def test_add_stop_with_a_point_or_a_place(client, cast):
    w = walk(cast.tjorn)
    client.force_login(cast.alice)
    response = client.post(
        url("stop_create", w.pk),
        {
            "point": "57.9921, 11.5490",
            "category": "skymd_sikt",
            "remark": "Häcken skymmer sikten vid övergångsstället.",
            "another": "1",
        },
    )
    assert response["Location"] == url("stop_create", w.pk)
    client.post(
        url("stop_create", w.pk),
        {
            "place_text": "Trappan ner mot gästhamnen",
            "category": "klotter",
            "remark": "Mycket klotter.",
            "precise_approved": "on",
        },
    )
    stops = list(w.stops.all())
    assert (stops[1].latitude, stops[1].longitude) == (57.9921, 11.549)
    assert stops[2].latitude is None and stops[2].place_text == "Trappan ner mot gästhamnen"
    assert stops[2].order > stops[1].order > stops[0].order
    assert AuditEntry.objects.filter(action="safety_walk.stop_added").count() == 2


@pytest.mark.parametrize(
    "point, message",
    [
        ("", "Ange en punkt på kartan eller beskriv platsen med ord."),
        ("Skärhamn", "Skriv punkten som latitud,longitud"),
        ("11.54778,57.99131", "ligger inte i Sverige"),
        ("48.85,2.35", "ligger inte i Sverige"),
    ],
)
def test_bad_stop_place_is_refused(client, cast, point, message):
    w = walk(cast.tjorn)
    client.force_login(cast.alice)
    response = client.post(
        url("stop_create", w.pk), {"point": point, "category": "belysning", "remark": "Mörkt."}
    )
    body = response.content.decode()
    assert response.status_code == 400 and w.stops.count() == 1
    assert message in body and "Mörkt." in body


def test_parse_point_accepts_common_ways_of_writing():
    assert parse_point("57.99131,11.54778") == (57.99131, 11.54778)
    assert parse_point(" 57.99131 ; 11.54778 ") == (57.99131, 11.54778)
    assert parse_point("57.99131 11.54778") == (57.99131, 11.54778)
    assert parse_point("  ") is None


def test_edit_stop_keeps_its_point_in_the_form(client, cast):
    w = walk(cast.tjorn)
    stop = w.stops.get()
    client.force_login(cast.alice)
    form = client.get(url("stop_edit", w.pk, stop.pk)).content.decode()
    assert f'value="{stop.latitude},{stop.longitude}"' in form
    client.post(
        url("stop_edit", w.pk, stop.pk),
        {"point": "", "place_text": "Hamnen", "category": "belysning", "remark": "Mörkt."},
    )
    stop.refresh_from_db()
    assert stop.latitude is None and stop.place_text == "Hamnen"
    entry = AuditEntry.objects.get(action="safety_walk.stop_changed")
    assert entry.before["latitude"] is not None and entry.after["latitude"] is None


def test_actions_with_responsible_manager_and_status(client, cast):
    w = walk(cast.tjorn)
    stop = w.stops.get()
    client.force_login(cast.alice)
    response = client.post(
        url("action_create", w.pk, stop.pk),
        {
            "text": "Klipp häcken.",
            "responsible": cast.tjorn.pk,
            "responsible_role": "Parkchef",
            "due_on": "2025-12-15",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    action = stop.actions.get(text="Klipp häcken.")
    assert action.responsible_role == "Parkchef" and action.status == "planned"
    client.post(
        url("action_edit", w.pk, action.pk),
        {
            "text": "Klipp häcken.",
            "responsible": cast.tjorn.pk,
            "responsible_role": "Parkchef",
            "status": "done",
        },
    )
    action.refresh_from_db()
    assert action.status == "done"
    page = client.get(w.get_staff_url()).content.decode()
    assert "Parkchef, Tjörn kommun" in page and "Genomförd" in page
    client.post(url("action_delete", w.pk, action.pk))
    assert not WalkAction.objects.filter(pk=action.pk).exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "safety_walk.action_added",
        "safety_walk.action_changed",
        "safety_walk.action_deleted",
    } <= actions


def test_action_needs_responsible_and_text(client, cast):
    w = walk(cast.tjorn)
    stop = w.stops.get()
    client.force_login(cast.alice)
    response = client.post(url("action_create", w.pk, stop.pk), {"status": "proposed"})
    assert response.status_code == 400 and stop.actions.count() == 1


def test_revisit_checks_each_action(client, cast):
    w = walk(cast.tjorn)
    first = WalkAction.objects.get()
    second = WalkAction.objects.create(
        stop=first.stop,
        text="Ta bort klottret.",
        responsible=cast.tjorn,
        responsible_role="Gatuchef",
    )
    client.force_login(cast.alice)
    page = client.get(url("walk_revisit", w.pk)).content.decode()
    assert "Ny belysning längs gångvägen." in page and "Ta bort klottret." in page
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-revisit_result": "fixed",
        "form-0-revisit_note": "",
        "form-1-id": second.pk,
        "form-1-revisit_result": "partly",
        "form-1-revisit_note": "Klottret är kvar på baksidan.",
    }
    response = client.post(url("walk_revisit", w.pk), data)
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.revisit_result == "fixed" and second.revisit_result == "partly"
    assert AuditEntry.objects.filter(action="safety_walk.action_revisited").count() == 2
    data["form-0-revisit_result"] = "kanske"
    assert client.post(url("walk_revisit", w.pk), data).status_code == 400
    first.refresh_from_db()
    assert first.revisit_result == "fixed"


def test_revisit_cannot_touch_another_walks_action(client, cast):
    w = walk(cast.tjorn)
    theirs = walk(cast.harryda).stops.get().actions.get()
    client.force_login(cast.alice)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": theirs.pk,
        "form-0-revisit_result": "fixed",
    }
    client.post(url("walk_revisit", w.pk), data)
    theirs.refresh_from_db()
    assert theirs.revisit_result == ""


def test_publish_unpublish_and_delete(client, cast):
    w = walk(cast.tjorn)
    client.force_login(cast.alice)
    assert "ungefärligt" in client.get(url("walk_publish", w.pk)).content.decode()
    client.post(url("walk_publish", w.pk))
    w.refresh_from_db()
    assert w.is_published
    client.post(url("walk_publish", w.pk))
    w.refresh_from_db()
    assert not w.is_published
    assert "Det går inte att ångra" in client.get(url("walk_delete", w.pk)).content.decode()
    response = client.post(url("walk_delete", w.pk))
    assert response["Location"] == url("walk_list")
    assert not SafetyWalk.objects.exists() and not WalkAction.objects.exists()
    actions = list(
        AuditEntry.objects.exclude(action__startswith="login.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["safety_walk.published", "safety_walk.unpublished", "safety_walk.deleted"]
