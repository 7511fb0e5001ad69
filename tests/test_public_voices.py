"""What residents see of dialogues and safety walks: only what is published and public, small
participant counts suppressed, points coarsened unless approved, constant queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.privacy import coarsen_point
from participation.models import DialogueRemark, WalkAction, WalkStop
from promises.models import FocusArea, Promise
from tests.factories import D
from tests.voices_factories import SKARHAMN, dialogue, walk


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status
    return response.content.decode()


def published_walk(cast, **fields):
    return walk(cast.tjorn, is_published=True, revisit_on=D(2026, 3, 10), **fields)


def test_walk_summary_only_when_published(client, cast):
    w = walk(cast.tjorn)
    get(client, w.get_absolute_url(), 404)
    w.is_published = True
    w.save()
    body = get(client, w.get_absolute_url())
    assert w.title in body and "I mörker" in body.replace("i mörker", "I mörker")
    assert "Mörk gångväg." in body and "Ny belysning längs gångvägen." in body
    assert "Gatuchef, Tjörn kommun" in body and "Föreslagen" in body


def test_walk_points_are_coarsened_unless_the_stop_allows_the_exact_point(client, cast):
    w = published_walk(cast)
    stop = w.stops.get()
    precise = f"{SKARHAMN[0]}"
    body = get(client, w.get_absolute_url())
    assert precise not in body and "Ungefärlig plats" in body
    lat, lon = coarsen_point(*SKARHAMN)
    assert str(lat) in body and str(lon) in body  # in the map data
    stop.precise_approved = True
    stop.save()
    body = get(client, w.get_absolute_url())
    assert precise in body and "Exakt plats" in body


def test_walk_participants_suppressed_below_five(client, cast):
    w = published_walk(cast, participants=4)
    assert "färre än 5" in get(client, w.get_absolute_url())
    w.participants = 14
    w.save()
    body = get(client, w.get_absolute_url())
    assert "färre än 5" not in body and "<dd>14</dd>" in body


def test_walk_revisit_result_and_stop_without_point(client, cast):
    w = published_walk(cast)
    action = WalkAction.objects.get()
    action.revisit_result, action.revisit_note = "partly", "Två av tre lampor byttes."
    action.save()
    WalkStop.objects.create(
        walk=w, place_text="Trappan vid kyrkan", category="klotter", remark="Klotter på räcket."
    )
    body = get(client, w.get_absolute_url())
    assert "Återbesöket 10 mars 2026" in body and "Delvis åtgärdat: 1" in body
    assert "Två av tre lampor byttes." in body
    assert "Trappan vid kyrkan" in body and "Ingen åtgärd föreslagen här." in body


def test_dialogue_page_shows_only_public_remarks_by_focus_area(client, cast, world):
    traffic = FocusArea.objects.get_or_create(name="Trafik")[0]
    d = dialogue(cast.tjorn, participants=3, is_published=True)
    DialogueRemark.objects.create(dialogue=d, text="Fortkörning i centrum.", focus_area=traffic)
    DialogueRemark.objects.create(dialogue=d, text="Hemlig notering.", is_public=False)
    d.organisations_present.set([cast.police])
    body = get(client, d.get_absolute_url())
    assert "Fortkörning i centrum." in body and "Mörkt vid hamnen" in body
    assert "Hemlig notering." not in body
    assert "färre än 5" in body and "LPO Södra Fyrbodal" in body
    assert body.index("Trafik") < body.index("Fortkörning") < body.index("Övrigt")
    d.is_published = False
    d.save()
    get(client, d.get_absolute_url(), 404)


def test_vad_vi_horde_on_the_promise_page(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    url = reverse("public:promise", args=[p.pk])
    assert "Vad vi hörde" not in get(client, url)
    safety = FocusArea.objects.get_or_create(name="Trygghet")[0]
    heard = dialogue(cast.tjorn, title="Höstens dialog", is_published=True)
    heard.promises.set([p])
    DialogueRemark.objects.create(
        dialogue=heard, text="De flesta känner sig trygga.", focus_area=safety
    )
    DialogueRemark.objects.create(dialogue=heard, text="Intern.", is_public=False)
    draft = dialogue(cast.tjorn, title="Opublicerad dialog")
    draft.promises.set([p])
    body = get(client, url)
    assert "Vad vi hörde" in body and "Höstens dialog" in body
    assert "De flesta känner sig trygga." in body and "Trygghet</h3>" in body
    assert "Intern." not in body and "Opublicerad dialog" not in body


def test_municipality_page_lists_published_dialogues_and_walks(client, cast, world):
    page = reverse("public:municipality", args=["tjorn"])
    assert "Dialoger och trygghetsvandringar" not in get(client, page)
    w = published_walk(cast, title="Kvällsvandring i Skärhamn")
    d = dialogue(cast.tjorn, title="Dialog på torget", is_published=True)
    walk(cast.tjorn, title="Intern vandring")
    dialogue(cast.harryda, title="Härrydas dialog", is_published=True)
    body = get(client, page)
    assert "Dialoger och trygghetsvandringar" in body
    assert w.get_absolute_url() in body and d.get_absolute_url() in body
    assert "Intern vandring" not in body and "Härrydas dialog" not in body


def _count(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def _grow_walk(w, org, stops):
    for i in range(stops):
        s = WalkStop.objects.create(
            walk=w, latitude=58.0, longitude=11.6, category="klotter", remark=f"Stopp {i}"
        )
        WalkAction.objects.create(
            stop=s, text="Tvätta bort.", responsible=org, responsible_role="Gatuchef"
        )


def test_public_pages_use_a_constant_number_of_queries(client, cast, world):
    p = world.promise
    p.status = Promise.Status.PUBLISHED
    p.save()
    w = published_walk(cast)
    d = dialogue(cast.tjorn, is_published=True)
    d.promises.set([p])
    d.organisations_present.set([cast.police])
    paths = [
        w.get_absolute_url(),
        d.get_absolute_url(),
        reverse("public:promise", args=[p.pk]),
        reverse("public:municipality", args=["tjorn"]),
    ]
    small = [_count(client, path) for path in paths]
    _grow_walk(w, cast.tjorn, 30)
    area = FocusArea.objects.get_or_create(name="Trafik")[0]
    for i in range(30):
        DialogueRemark.objects.create(dialogue=d, text=f"Synpunkt {i}", focus_area=area)
        more = dialogue(cast.tjorn, title=f"Dialog {i}", is_published=True)
        more.promises.set([p])
        more.organisations_present.set([cast.police, cast.bra])
        published_walk(cast, title=f"Vandring {i}")
    assert [_count(client, path) for path in paths] == small
