"""The Atom feed is valid Atom 1.0 and everything staff type reaches it as inert plain text."""

import xml.etree.ElementTree as ET

import feedparser
from django.urls import reverse

from promises.models import Activity, Promise
from tests.test_views_activities import activity_data

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert(1)</script><b>fet</b> & "citat" &lt;'


def publish(world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)


def write_hostile_text_through_staff_forms(client, cast, world) -> Activity:
    client.force_login(cast.bob)
    edit = reverse("staff:activity_edit", args=[world.police_activity.pk])
    data = activity_data(cast, world, title=f"Insats {HOSTILE}", responsible=cast.police.pk)
    assert client.post(edit, {**data, "change_note": "Ny rubrik"}).status_code == 302
    report = reverse("staff:progress_create", args=[world.police_activity.pk])
    posted = {"date": "2025-03-01", "text": HOSTILE, "quantity": 2, "is_public": "on"}
    assert client.post(report, posted).status_code == 302
    return Activity.objects.get(pk=world.police_activity.pk)


def check_rfc4287(root: ET.Element) -> None:
    """The elements RFC 4287 requires of a feed and of each entry (section 4.1)."""
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    links = root.findall(f"{ATOM}link")
    assert any(link.get("rel") == "self" and link.get("href").startswith("http") for link in links)
    assert any(link.get("rel") == "alternate" for link in links)
    feed_author = root.find(f"{ATOM}author/{ATOM}name")
    for entry in root.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert feed_author is not None or entry.find(f"{ATOM}author/{ATOM}name") is not None
        for text in entry.findall(f"{ATOM}summary") + entry.findall(f"{ATOM}title"):
            assert text.get("type", "text") == "text"
    assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1].lower() == "script"]


def test_feed_is_valid_atom_and_markup_stays_text(client, cast, world):
    publish(world)
    write_hostile_text_through_staff_forms(client, cast, world)
    response = client.get(reverse("public:promise_feed", args=[world.promise.pk]))
    root = ET.fromstring(response.content)
    check_rfc4287(root)
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    entry = parsed.entries[0]
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == f"{HOSTILE} (2 kontroller)"
    assert entry.title == f"Insats {HOSTILE}"
    assert entry.title_detail.type == "text/plain"
    assert b"&amp;lt;script" not in response.content  # escaped once, not twice
    assert parsed.feed.author == "LPO Södra Fyrbodal, Orust kommun, Tjörn kommun"


def test_empty_feed_is_valid(client, cast, world):
    publish(world)
    response = client.get(reverse("public:promise_feed", args=[world.promise.pk]))
    check_rfc4287(ET.fromstring(response.content))
    assert feedparser.parse(response.content).bozo == 0


def test_public_pages_show_typed_markup_as_text(client, cast, world):
    publish(world)
    write_hostile_text_through_staff_forms(client, cast, world)
    for url in (reverse("public:promise", args=[world.promise.pk]), "/kommun/tjorn/"):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body and "<b>fet</b>" not in body, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, url
