"""The question bank pages: browse by topic and search, an item's versions, own items written
and changed through the new-version rule."""

import pytest
from django.urls import reverse

from organisations.models import AuditEntry
from surveys.models import Item, ItemVersion
from surveys.services import open_wave
from tests import survey_factories as sf


def own_item(org, code="otrygg_hamnen"):
    item = Item.objects.create(code=code, organisation=org, kind="single", topic="platser")
    ItemVersion.objects.create(
        item=item,
        number=1,
        wording={
            "sv": "Känner du dig otrygg vid hamnen?",
            "en": "Do you feel unsafe at the harbour?",
        },
        options=[
            {"value": "ja", "label": {"sv": "Ja", "en": "Yes"}},
            {"value": "nej", "label": {"sv": "Nej", "en": "No"}},
        ],
    )
    return item


def test_list_by_topic_and_search(client, cast):
    own_item(cast.tjorn)
    own_item(cast.harryda, code="harryda_egen")
    client.force_login(cast.viewer)
    page = client.get(reverse("surveys_staff:bank_list")).content.decode()
    assert "otrygg_kvall" in page and "otrygg_hamnen" in page and "harryda_egen" not in page
    page = client.get(reverse("surveys_staff:bank_list"), {"amne": "problem"}).content.decode()
    assert "problem_klotter" in page and "otrygg_kvall<" not in page
    page = client.get(reverse("surveys_staff:bank_list"), {"sok": "förtroende"}).content.decode()
    assert "fortroende_polis" in page and "problem_klotter" not in page
    page = client.get(reverse("surveys_staff:bank_list"), {"sok": "zzz"}).content.decode()
    assert "Inga frågor matchar sökningen" in page


def test_list_refuses_post(client, cast):
    client.force_login(cast.alice)
    assert client.post(reverse("surveys_staff:bank_list")).status_code == 405


def test_item_detail_shows_languages_and_use(client, cast):
    survey = sf.survey(cast.tjorn)
    client.force_login(cast.viewer)
    item = Item.objects.get(code="otrygg_kvall")
    page = client.get(reverse("surveys_staff:item_detail", args=[item.pk])).content.decode()
    assert "Version 1" in page and "لا أعرف" in page and str(survey) in page
    assert "Ändra frågan" not in page


def test_other_tenants_own_item_is_404(client, cast):
    item = own_item(cast.harryda)
    client.force_login(cast.alice)
    assert client.get(reverse("surveys_staff:item_detail", args=[item.pk])).status_code == 404
    assert client.get(reverse("surveys_staff:item_edit", args=[item.pk])).status_code == 404


def test_standard_items_cannot_be_edited(client, cast):
    client.force_login(cast.alice)
    item = Item.objects.get(code="otrygg_kvall")
    response = client.get(reverse("surveys_staff:item_edit", args=[item.pk]))
    assert response.status_code == 403


def item_data(**overrides):
    return {
        "code": "belysning_gangvag",
        "kind": "scale",
        "topic": "problem",
        "wording": "Hur väl upplyst är gångvägen till din bostad?",
        "minimum": "1",
        "maximum": "5",
        "min_label": "Mycket dåligt",
        "max_label": "Mycket väl",
        **overrides,
    }


def test_create_own_item(client, cast):
    client.force_login(cast.alice)
    response = client.post(reverse("surveys_staff:item_create"), item_data())
    item = Item.objects.get(code="belysning_gangvag")
    assert response.status_code == 302 and item.organisation == cast.tjorn
    assert item.latest_version().constraints == {
        "min": 1,
        "max": 5,
        "min_label": {"sv": "Mycket dåligt"},
        "max_label": {"sv": "Mycket väl"},
    }


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"minimum": "5", "maximum": "1"}, "Största värdet måste vara större än minsta värdet."),
        ({"minimum": "1.5"}, "En skalas ändpunkter är heltal."),
        ({"wording": ""}, "Frågetext på svenska"),
        ({"code": ""}, "Kod"),
    ],
)
def test_create_own_item_errors(client, cast, overrides, message):
    client.force_login(cast.alice)
    response = client.post(reverse("surveys_staff:item_create"), item_data(**overrides))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Item.objects.filter(organisation__isnull=False).exists()


def test_create_is_for_editors(client, cast):
    client.force_login(cast.viewer)
    assert client.post(reverse("surveys_staff:item_create"), item_data()).status_code == 403


def test_editing_an_unasked_item_changes_the_version(client, cast):
    item = own_item(cast.tjorn)
    client.force_login(cast.alice)
    data = {
        "topic": "platser",
        "wording": "Känner du dig otrygg vid hamnen i Skärhamn?",
        "options": "ja = Ja\nnej = Nej\nvet_ej = Vet ej",
        "missing": "vet_ej",
    }
    assert client.post(reverse("surveys_staff:item_edit", args=[item.pk]), data).status_code == 302
    version = item.versions.get()
    assert version.wording == {"sv": data["wording"], "en": "Do you feel unsafe at the harbour?"}
    assert version.options[0] == {"value": "ja", "label": {"sv": "Ja", "en": "Yes"}}
    assert version.options[2] == {"value": "vet_ej", "label": {"sv": "Vet ej"}, "missing": True}
    assert AuditEntry.objects.filter(action="survey_item.changed").exists()


def test_editing_an_asked_item_makes_a_new_version(client, cast):
    item = own_item(cast.tjorn)
    survey = sf.survey(cast.tjorn, codes=["otrygg_hamnen"])
    open_wave(wave=sf.wave(survey), user=cast.alice, parties=[cast.tjorn.pk])
    client.force_login(cast.alice)
    url = reverse("surveys_staff:item_edit", args=[item.pk])
    assert "Ändringen blir en ny version" in client.get(url).content.decode()
    data = {"topic": "platser", "wording": "Ny text", "options": "ja = Ja\nnej = Nej"}
    client.post(url, data)
    assert [v.wording["sv"] for v in item.versions.order_by("number")] == [
        "Känner du dig otrygg vid hamnen?",
        "Ny text",
    ]
    assert AuditEntry.objects.filter(action="survey_item.new_version").exists()


def test_edit_errors_change_nothing(client, cast):
    item = own_item(cast.tjorn)
    client.force_login(cast.alice)
    response = client.post(
        reverse("surveys_staff:item_edit", args=[item.pk]),
        {"topic": "platser", "wording": "X", "options": "Bara ett"},
    )
    assert response.status_code == 400
    assert item.latest_version().wording["sv"] == "Känner du dig otrygg vid hamnen?"


def test_viewer_cannot_edit_own_item(client, cast):
    item = own_item(cast.tjorn)
    client.force_login(cast.viewer)
    assert client.get(reverse("surveys_staff:item_edit", args=[item.pk])).status_code == 403
