"""Staff pages for dialogues: the recording organisation's editors edit, its members read,
everyone else gets 404; every change audited."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from participation.models import Dialogue, DialogueRemark
from promises.models import FocusArea
from tests.factories import D, promise
from tests.voices_factories import dialogue


def url(name, *args):
    return reverse(f"participation_staff:{name}", args=args)


def dialogue_data(cast, **overrides):
    data = {
        "organisation": cast.tjorn.pk,
        "kind": "citizen",
        "title": "Medborgardialog om trygghet i Skärhamn",
        "held_on": "2025-10-07",
        "municipality": cast.tjorn.municipality_id,
        "place": "Kulturhuset Fregatten",
        "format": "meeting",
        "target_group": "Boende i Skärhamn",
        "participants": "23",
        "organisations_present": [cast.police.pk, cast.bra.pk],
        "summary": "Deltagarna tog upp belysning och trafik.",
    }
    return {**data, **overrides}


def test_editor_records_a_dialogue_with_organisations_and_promises(client, cast, world):
    client.force_login(cast.alice)
    response = client.post(url("dialogue_create"), dialogue_data(cast, promises=[world.promise.pk]))
    d = Dialogue.objects.get()
    assert response.status_code == 302 and response["Location"] == d.get_staff_url()
    assert d.created_by == cast.alice and d.organisation == cast.tjorn
    assert set(d.organisations_present.all()) == {cast.police, cast.bra}
    assert list(d.promises.all()) == [world.promise]
    entry = AuditEntry.objects.get(action="dialogue.created")
    assert list(entry.parties.all()) == [cast.tjorn]
    page = client.get(d.get_staff_url()).content.decode()
    assert "Kulturhuset Fregatten" in page and "LPO Södra Fyrbodal" in page


def test_bad_input_is_refused_with_the_form_kept(client, cast, world):
    client.force_login(cast.alice)
    data = dialogue_data(cast, held_on="2999-01-01", municipality=cast.harryda.municipality_id)
    response = client.post(url("dialogue_create"), data)
    body = response.content.decode()
    assert response.status_code == 400 and not Dialogue.objects.exists()
    assert "Datumet ligger i framtiden" in body
    assert "Medborgardialog om trygghet i Skärhamn" in body  # what was typed is kept


def test_municipality_must_be_one_the_organisation_works_in(client, cast):
    client.force_login(cast.bob)  # LPO Södra Fyrbodal covers Tjörn and Orust, not Härryda
    ok = client.post(
        url("dialogue_create"),
        dialogue_data(cast, organisation=cast.police.pk, municipality=cast.orust.municipality_id),
    )
    assert ok.status_code == 302
    refused = client.post(
        url("dialogue_create"),
        dialogue_data(cast, organisation=cast.police.pk, municipality=cast.harryda.municipality_id),
    )
    assert refused.status_code == 400


def test_linked_promise_must_concern_the_municipality(client, cast, world):
    orust_only = promise([cast.police, cast.orust], title="Orusts löfte")
    client.force_login(cast.bob)  # a party to both promises
    data = dialogue_data(cast, organisation=cast.police.pk, promises=[world.promise.pk])
    assert client.post(url("dialogue_create"), data).status_code == 302
    data["promises"] = [orust_only.pk]
    response = client.post(url("dialogue_create"), data)
    assert response.status_code == 400 and Dialogue.objects.count() == 1
    assert "Löftet ”Orusts löfte” gäller inte Tjörn." in response.content.decode()


def test_cannot_record_for_an_organisation_one_only_views(client, cast):
    client.force_login(cast.viewer)
    assert client.get(url("dialogue_create")).status_code == 403
    client.force_login(cast.alice)
    response = client.post(url("dialogue_create"), dialogue_data(cast, organisation=cast.police.pk))
    assert response.status_code == 400 and not Dialogue.objects.exists()


def test_list_shows_own_dialogues_with_filters(client, cast):
    safety = FocusArea.objects.create(name="Trygghet i hamnen")
    a = dialogue(cast.tjorn, title="Höstdialog", held_on=D(2024, 10, 1))
    DialogueRemark.objects.create(dialogue=a, text="Mörkt.", focus_area=safety)
    dialogue(cast.tjorn, title="Personaldialog", kind="staff", held_on=D(2025, 3, 1))
    dialogue(cast.harryda, title="Härrydas dialog")
    client.force_login(cast.viewer)

    def titles(**params):
        body = client.get(url("dialogue_list"), params).content.decode()
        return {t for t in ("Höstdialog", "Personaldialog", "Härrydas dialog") if t in body}

    assert titles() == {"Höstdialog", "Personaldialog"}
    listed = client.get(url("dialogue_list")).content.decode()
    assert listed.index("Personaldialog") < listed.index("Höstdialog")  # newest first
    assert titles(kind="staff") == {"Personaldialog"}
    assert titles(year="2024") == {"Höstdialog"}
    assert titles(focus_area=safety.pk) == {"Höstdialog"}
    body = client.get(url("dialogue_list"), {"year": "2023"}).content.decode()
    assert "Inga dialoger matchar filtret" not in body  # 2023 is no choice: the filter is ignored
    assert (
        "Inga dialoger matchar filtret"
        in client.get(url("dialogue_list"), {"kind": "staff", "year": "2024"}).content.decode()
    )


def test_other_tenant_gets_404_and_viewer_cannot_edit(client, cast):
    d = dialogue(cast.tjorn)
    client.force_login(cast.charlie)
    for name in ("dialogue_detail", "dialogue_edit", "dialogue_publish", "dialogue_delete"):
        assert client.get(url(name, d.pk)).status_code == 404
    client.force_login(cast.viewer)
    assert client.get(url("dialogue_detail", d.pk)).status_code == 200
    for name in ("dialogue_edit", "dialogue_publish", "dialogue_delete", "remark_create"):
        assert client.get(url(name, d.pk)).status_code == 403
        assert client.post(url(name, d.pk)).status_code == 403
    assert Dialogue.objects.filter(pk=d.pk, is_published=False).exists()


def test_wrong_method(client, cast):
    d = dialogue(cast.tjorn)
    client.force_login(cast.alice)
    assert client.post(url("dialogue_list")).status_code == 405
    assert client.put(url("dialogue_edit", d.pk)).status_code == 405


def test_edit_dialogue(client, cast):
    d = dialogue(cast.tjorn)
    client.force_login(cast.alice)
    response = client.post(url("dialogue_edit", d.pk), dialogue_data(cast, title="Nytt namn"))
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.title == "Nytt namn"
    entry = AuditEntry.objects.get(action="dialogue.changed")
    assert entry.before["title"] == "Medborgardialog i Skärhamn"


def test_remarks_added_one_after_another_coded_to_focus_areas(client, cast):
    d = dialogue(cast.tjorn)
    traffic = FocusArea.objects.get_or_create(name="Trafik")[0]
    client.force_login(cast.alice)
    page = client.get(url("remark_create", d.pk)).content.decode()
    assert "Skriv aldrig namn eller uppgifter som kan peka ut en person." in page
    response = client.post(
        url("remark_create", d.pk),
        {
            "text": "Bilar kör för fort på Södra Hamnvägen.",
            "focus_area": traffic.pk,
            "is_public": "on",
            "another": "1",
        },
    )
    assert response["Location"] == url("remark_create", d.pk)
    response = client.post(
        url("remark_create", d.pk), {"text": "Internt: lokalen var för liten.", "focus_area": ""}
    )
    assert response["Location"] == d.get_staff_url()
    remarks = list(d.remarks.all())
    assert [r.text[:5] for r in remarks] == ["Mörkt", "Bilar", "Inter"]
    assert remarks[1].focus_area == traffic and remarks[1].is_public
    assert not remarks[2].is_public and remarks[2].order > remarks[1].order
    assert AuditEntry.objects.filter(action="dialogue.remark_added").count() == 2


def test_empty_remark_refused(client, cast):
    d = dialogue(cast.tjorn)
    client.force_login(cast.alice)
    response = client.post(url("remark_create", d.pk), {"text": " "})
    assert response.status_code == 400 and d.remarks.count() == 1


def test_edit_and_delete_remark_recorded_on_the_dialogue(client, cast):
    d = dialogue(cast.tjorn)
    remark = d.remarks.get()
    client.force_login(cast.alice)
    client.post(url("remark_edit", d.pk, remark.pk), {"text": "Mörkt vid gästhamnen."})
    remark.refresh_from_db()
    assert remark.text == "Mörkt vid gästhamnen." and not remark.is_public
    confirm = client.get(url("remark_delete", d.pk, remark.pk))
    assert "Det går inte att ångra" in confirm.content.decode()
    assert d.remarks.exists()
    client.post(url("remark_delete", d.pk, remark.pk))
    assert not d.remarks.exists()
    history = client.get(d.get_staff_url()).content.decode()
    assert "dialogue.remark_changed" in history and "dialogue.remark_deleted" in history


def test_remark_of_another_dialogue_is_404(client, cast):
    mine, theirs = dialogue(cast.tjorn), dialogue(cast.harryda)
    client.force_login(cast.alice)
    other_remark = theirs.remarks.get()
    assert client.get(url("remark_edit", mine.pk, other_remark.pk)).status_code == 404
    assert client.post(url("remark_delete", mine.pk, other_remark.pk)).status_code == 404
    assert theirs.remarks.exists()


def test_publish_shows_what_becomes_public_then_unpublish(client, cast):
    d = dialogue(cast.tjorn, participants=3)
    DialogueRemark.objects.create(dialogue=d, text="Bara internt.", is_public=False)
    client.force_login(cast.alice)
    confirm = client.get(url("dialogue_publish", d.pk)).content.decode()
    assert "färre än 5" in confirm  # 3 participants are shown suppressed
    assert "Mörkt vid hamnen" in confirm and "Bara internt." not in confirm
    client.post(url("dialogue_publish", d.pk))
    d.refresh_from_db()
    assert d.is_published
    client.post(url("dialogue_publish", d.pk))
    d.refresh_from_db()
    assert not d.is_published
    actions = list(
        AuditEntry.objects.exclude(action__startswith="login.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["dialogue.published", "dialogue.unpublished"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_delete_asks_first(client, cast, method):
    d = dialogue(cast.tjorn)
    client.force_login(cast.alice)
    response = getattr(client, method)(url("dialogue_delete", d.pk))
    if method == "get":
        assert "Det går inte att ångra" in response.content.decode()
        assert Dialogue.objects.exists()
    else:
        assert response["Location"] == url("dialogue_list")
        assert not Dialogue.objects.exists() and not DialogueRemark.objects.exists()
        assert AuditEntry.objects.filter(action="dialogue.deleted").exists()


def test_only_the_users_own_promises_are_offered(client, cast, world):
    world.other_promise.title = "Härrydas löfte"
    world.other_promise.save()
    client.force_login(cast.alice)
    form = client.get(url("dialogue_create")).content.decode()
    assert f'value="{world.promise.pk}"' in form.split('id="id_promises"')[1]
    assert "Härrydas löfte" not in form


def test_area_offered_only_where_areas_exist_and_must_lie_in_the_municipality(client, cast):
    from organisations.models import Area

    client.force_login(cast.bob)
    assert 'name="area"' not in client.get(url("dialogue_create")).content.decode()
    orust = Area.objects.create(municipality=cast.orust.municipality, name="Henån", code="henan")
    assert 'name="area"' in client.get(url("dialogue_create")).content.decode()
    data = dialogue_data(cast, organisation=cast.police.pk, area=orust.pk)  # held in Tjörn
    response = client.post(url("dialogue_create"), data)
    assert response.status_code == 400
    assert "Området ligger inte i den valda kommunen." in response.content.decode()
    data["municipality"] = cast.orust.municipality_id
    assert client.post(url("dialogue_create"), data).status_code == 302
