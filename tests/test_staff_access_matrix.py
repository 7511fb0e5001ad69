"""Every staff view against the shared cast: wrong HTTP method, another organisation's object
(404), a member who may read but not write (403), the right member (200), and an anonymous
visitor (sent to the login page). Effects of each view are tested in test_views_*.py."""

import pytest
from django.urls import reverse

# (url name, attribute of the world giving the object, or None)
READ_VIEWS = [
    ("staff:promise_detail", "promise"),
    ("staff:activity_detail", "tjorn_activity"),
    ("staff:follow_up_detail", "follow_up"),
    ("staff:agreement_detail", "agreement"),
]
EDIT_VIEWS = [
    ("staff:promise_edit", "promise"),
    ("staff:promise_adopt", "promise"),
    ("staff:promise_return_to_draft", "promise"),
    ("staff:promise_publish", "promise"),
    ("staff:promise_conclude", "promise"),
    ("staff:promise_extend", "promise"),
    ("staff:promise_replace", "promise"),
    ("staff:commitment_create", "promise"),
    ("staff:commitment_edit", "police_commitment"),
    ("staff:commitment_delete", "police_commitment"),
    ("staff:activity_create", "police_commitment"),
    ("staff:activity_edit", "tjorn_activity"),
    ("staff:activity_delete", "tjorn_activity"),
    ("staff:plan_revision_create", "promise"),
    ("staff:agreement_edit", "agreement"),
    ("staff:group_create", "agreement"),
    ("staff:group_edit", "group"),
    ("staff:group_delete", "group"),
    ("staff:contact_edit", "contact"),
    ("staff:contact_delete", "contact"),
]
FOLLOW_UP_VIEWS = [
    ("staff:follow_up_create", "promise"),
    ("staff:follow_up_edit", "follow_up"),
    ("staff:indicator_create", "promise"),
    ("staff:indicator_edit", "indicator"),
    ("staff:measurement_create", "indicator"),
]
LIST_VIEWS = [
    "staff:dashboard",
    "staff:promise_list",
    "staff:agreement_list",
    "staff:my_activities",
    "staff:audit_log",
    "staff:focus_area_list",
    "staff:contact_list",
]
CREATE_VIEWS = [
    "staff:promise_create",
    "staff:agreement_create",
    "staff:focus_area_create",
    "staff:contact_create",
]
OTHER = {
    "promise": "other_promise",
    "police_commitment": "other_commitment",
    "tjorn_activity": "other_activity",
    "follow_up": "other_follow_up",
    "indicator": "other_indicator",
    "agreement": "other_agreement",
    "group": "other_group",
    "contact": "other_contact",
}


def url(world, name, attr):
    return reverse(name, args=[getattr(world, attr).pk])


@pytest.mark.parametrize(("name", "attr"), READ_VIEWS)
def test_read_view(client, cast, world, name, attr):
    client.force_login(cast.viewer)
    assert client.get(url(world, name, attr)).status_code == 200
    assert client.post(url(world, name, attr)).status_code == 405
    assert client.get(url(world, name, OTHER[attr])).status_code == 404


@pytest.mark.parametrize(("name", "attr"), EDIT_VIEWS)
def test_edit_view(client, cast, world, name, attr):
    client.force_login(cast.alice)
    assert client.get(url(world, name, attr)).status_code == 200
    assert client.put(url(world, name, attr)).status_code == 405
    assert client.get(url(world, name, OTHER[attr])).status_code == 404
    assert client.post(url(world, name, OTHER[attr])).status_code == 404
    client.force_login(cast.viewer)
    assert client.get(url(world, name, attr)).status_code == 403
    assert client.post(url(world, name, attr)).status_code == 403


@pytest.mark.parametrize(("name", "attr"), FOLLOW_UP_VIEWS)
def test_follow_up_view(client, cast, world, name, attr):
    client.force_login(cast.bra_member)
    assert client.get(url(world, name, attr)).status_code == 200
    assert client.put(url(world, name, attr)).status_code == 405
    assert client.get(url(world, name, OTHER[attr])).status_code == 404
    client.force_login(cast.bra_viewer)
    assert client.get(url(world, name, attr)).status_code == 403
    assert client.post(url(world, name, attr)).status_code == 403


def test_follow_up_publish_view(client, cast, world):
    target = url(world, "staff:follow_up_publish", "follow_up")
    client.force_login(cast.bra_member)
    assert client.get(target).status_code == 405
    assert client.post(url(world, "staff:follow_up_publish", "other_follow_up")).status_code == 404
    client.force_login(cast.bra_viewer)
    assert client.post(target, {"publish": "1"}).status_code == 403


def test_progress_view(client, cast, world):
    target = url(world, "staff:progress_create", "tjorn_activity")
    client.force_login(cast.reporter)
    assert client.get(target).status_code == 200
    assert client.put(target).status_code == 405
    assert client.get(url(world, "staff:progress_create", "other_activity")).status_code == 404
    client.force_login(cast.viewer)
    assert client.get(target).status_code == 403
    assert client.post(target).status_code == 403


@pytest.mark.parametrize("name", LIST_VIEWS)
def test_list_view(client, cast, world, name):
    client.force_login(cast.viewer)
    assert client.get(reverse(name)).status_code == 200
    assert client.post(reverse(name)).status_code == 405


@pytest.mark.parametrize("name", CREATE_VIEWS)
def test_create_view(client, cast, world, name):
    client.force_login(cast.alice)
    assert client.get(reverse(name)).status_code == 200
    assert client.put(reverse(name)).status_code == 405
    client.force_login(cast.viewer)
    assert client.get(reverse(name)).status_code == 403
    assert client.post(reverse(name)).status_code == 403


def test_organisation_view(client, cast, world):
    client.force_login(cast.viewer)
    assert client.get(reverse("staff:organisation_detail", args=[cast.tjorn.pk])).status_code == 200
    assert (
        client.post(reverse("staff:organisation_detail", args=[cast.tjorn.pk])).status_code == 405
    )
    assert (
        client.get(reverse("staff:organisation_detail", args=[cast.harryda.pk])).status_code == 404
    )


@pytest.mark.parametrize(
    ("name", "attr"),
    READ_VIEWS + EDIT_VIEWS + FOLLOW_UP_VIEWS + [(n, None) for n in LIST_VIEWS + CREATE_VIEWS],
)
def test_anonymous_is_sent_to_login(client, world, name, attr):
    target = reverse(name) if attr is None else url(world, name, attr)
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
