"""What followers are sent: the weekly digest's content, news at once on publishing, only what
residents may see, each piece of news once, in the follower's language."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.digests import send_notices
from notifications.models import Subscription
from notifications.sending import send_all
from organisations.models import Municipality
from promises.models import FollowUp, Promise, PromiseRevision
from tests.factories import D, activity, progress, subscription

H = datetime.timedelta(hours=1)
NOW = timezone.make_aware(datetime.datetime(2025, 6, 20, 9, 0))
START = NOW - datetime.timedelta(days=8)
WEEKLY = Subscription.Frequency.WEEKLY
IMMEDIATE = Subscription.Frequency.IMMEDIATE


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://loften.example.se"


@pytest.fixture
def published(world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    Promise.objects.filter(pk=world.other_promise.pk).update(status=Promise.Status.PUBLISHED)
    return world


def follower(world, **fields):
    defaults = {"promise": world.promise, "confirmed_at": START, "last_sent_at": START}
    return subscription(**{**defaults, **fields})


def news(world):
    """Published news inside the week, and things a resident must not be told about."""
    progress(
        world.police_activity,
        quantity=5,
        date=D(2025, 6, 14),
        text="Fem kontroller vid skolan.",
        approved_at=START + H,
    )
    progress(world.police_activity, text="Intern anteckning.", is_public=False)
    progress(world.tjorn_activity, text="Väntar på granskning.", approved_at=None)
    progress(world.tjorn_activity, text="Gammal nyhet.", approved_at=START - H)
    progress(world.other_activity, text="Härryda: annat löfte.", approved_at=START + H)
    FollowUp.objects.filter(pk=world.follow_up.pk).update(
        is_published=True, published_at=START + 2 * H, summary="Det mesta blev gjort i år."
    )
    FollowUp.objects.create(
        promise=world.promise,
        date=D(2025, 6, 1),
        reviewer_kind="bra",
        summary="Utkast, inte publicerat.",
    )
    PromiseRevision.objects.create(
        promise=world.promise,
        number=2,
        published_at=START + 3 * H,
        snapshot={},
        change_note="Nytt åtagande om belysning.",
    )


def test_weekly_digest_tells_of_published_news_only(published, mailoutbox):
    world = published
    sub = follower(world)
    news(world)
    report = send_all(NOW)
    assert report.digests_sent == 1
    [mail] = mailoutbox
    assert mail.to == ["invanare@example.se"]
    assert mail.subject == "Veckans nyheter om Medborgarlöfte 2025"
    body = mail.body
    assert "Lägesrapport, 14 juni 2025: Riktade insatser" in body
    assert "Fem kontroller vid skolan. (5 insatser)" in body
    promise_url = f"https://loften.example.se/medborgarlofte/{world.promise.pk}/"
    assert promise_url + "#uppdatering-" in body
    assert "Uppföljning, 1 december 2025: Uppföljning av Lokalt brottsförebyggande råd" in body
    assert "Det mesta blev gjort i år." in body
    assert f"{promise_url}#uppfoljning-{world.follow_up.pk}" in body
    assert "Ny version av löftet" in body and "Nytt åtagande om belysning." in body
    assert f"{promise_url}version/2/" in body
    assert "(3 nyheter)" in body
    for secret in [
        "Intern anteckning",
        "Väntar på granskning",
        "Gammal nyhet",
        "Härryda",
        "Utkast",
    ]:
        assert secret not in body
    assert mail.extra_headers["List-Unsubscribe"] == (
        f"<https://loften.example.se/folj/avsluta/{sub.token}/>"
    )
    assert f"https://loften.example.se/folj/avsluta/{sub.token}/" in body
    assert mail.content_subtype == "plain" and not getattr(mail, "alternatives", [])
    sub.refresh_from_db()
    assert sub.last_sent_at == NOW


def test_sending_again_sends_nothing_twice(published, mailoutbox):
    follower(published)
    news(published)
    send_all(NOW)
    send_all(NOW)
    send_all(NOW + datetime.timedelta(days=8))
    assert len(mailoutbox) == 1


def test_a_quiet_week_sends_nothing_and_the_next_news_goes_out_when_due(published, mailoutbox):
    follower(published, last_sent_at=NOW - datetime.timedelta(days=3))
    progress(published.police_activity, text="Ny insats.", approved_at=NOW - H)
    assert send_notices(WEEKLY, NOW) == 0  # a digest went out three days ago
    assert send_notices(WEEKLY, NOW + datetime.timedelta(days=5)) == 1
    assert "Ny insats." in mailoutbox[0].body


def test_following_a_municipality_covers_its_public_promises(published, mailoutbox):
    world = published
    tjorn = Municipality.objects.get(slug="tjorn")
    follower(world, promise=None, municipality=tjorn)
    news(world)
    send_all(NOW)
    [mail] = mailoutbox
    assert mail.subject == "Veckans nyheter om Tjörn"
    assert "== Medborgarlöfte 2025 ==" in mail.body
    assert "Fem kontroller vid skolan." in mail.body and "Härryda" not in mail.body


def test_a_new_promise_is_news_for_the_municipality(published, mailoutbox, cast):
    tjorn = Municipality.objects.get(slug="tjorn")
    follower(published, promise=None, municipality=tjorn, frequency=IMMEDIATE)
    PromiseRevision.objects.create(
        promise=published.promise, number=1, published_at=NOW - H, snapshot={}, change_note=""
    )
    send_notices(IMMEDIATE, NOW)
    assert "Nytt medborgarlöfte" in mailoutbox[0].body


def test_counts_of_people_are_not_told(published, mailoutbox, cast):
    people = activity(
        published.police_commitment,
        cast.police,
        title="Samtal",
        unit="personer",
        counts_people=True,
    )
    follower(published, frequency=IMMEDIATE)
    progress(people, quantity=3, text="Samtal med unga.", approved_at=NOW - H)
    send_notices(IMMEDIATE, NOW)
    assert "Samtal med unga." in mailoutbox[0].body
    assert "3 personer" not in mailoutbox[0].body


def test_unconfirmed_get_nothing_and_others_only_their_own(published, mailoutbox):
    follower(published, confirmed_at=None, last_sent_at=None)
    follower(published, email="annan@example.se", promise=published.other_promise)
    news(published)
    send_all(NOW)
    [mail] = mailoutbox
    assert mail.to == ["annan@example.se"]
    assert "Härryda: annat löfte." in mail.body and "Fem kontroller" not in mail.body


def test_news_from_before_confirming_is_not_sent(published, mailoutbox):
    follower(published, frequency=IMMEDIATE, confirmed_at=NOW - H, last_sent_at=NOW - H)
    progress(published.police_activity, text="Före bekräftelsen.", approved_at=NOW - 2 * H)
    assert send_notices(IMMEDIATE, NOW) == 0


def test_news_committed_late_is_sent_once(published, mailoutbox):
    """A transaction may commit after a run has passed its timestamp: it is still sent."""
    sub = follower(published, frequency=IMMEDIATE, last_sent_at=NOW - H)
    progress(
        published.police_activity,
        text="Först.",
        approved_at=NOW - H + datetime.timedelta(minutes=1),
    )
    send_notices(IMMEDIATE, NOW)
    progress(
        published.police_activity,
        text="Sent inskickad.",
        approved_at=NOW - datetime.timedelta(minutes=5),
    )
    later = NOW + datetime.timedelta(minutes=1)
    send_notices(IMMEDIATE, later)
    send_notices(IMMEDIATE, later + datetime.timedelta(minutes=1))
    assert [("Först." in m.body, "Sent inskickad." in m.body) for m in mailoutbox] == [
        (True, False),
        (False, True),
    ]
    sub.refresh_from_db()
    assert list(sub.recent_notice_keys) == [
        f"progress_update:{published.police_activity.updates.get(text='Sent inskickad.').pk}"
    ]


def test_a_follower_reads_english(published, mailoutbox):
    follower(published, language="en")
    news(published)
    send_all(NOW)
    [mail] = mailoutbox
    assert mail.subject == "This week's news about Medborgarlöfte 2025"
    assert "Progress update, 14 June 2025: Riktade insatser" in mail.body
    assert "Unsubscribe" in mail.body


def test_a_refused_address_is_tried_again_next_run(published, mailoutbox, settings, caplog):
    sub = follower(published)
    news(published)
    settings.EMAIL_BACKEND = "tests.email_backends.RefusingBackend"
    assert send_all(NOW).digests_sent == 0
    sub.refresh_from_db()
    assert sub.last_sent_at == START  # nothing recorded as sent
    assert "invanare" not in caplog.text and f"subscription {sub.pk}" in caplog.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_all(NOW).digests_sent == 1


@pytest.mark.usefixtures("immediate_tasks")
def test_immediate_follower_is_told_when_an_editor_publishes(
    client, cast, published, mailoutbox, django_capture_on_commit_callbacks
):
    follower(published, frequency=IMMEDIATE, confirmed_at=timezone.now() - H)
    client.force_login(cast.reporter)
    report = reverse("staff:progress_create", args=[published.tjorn_activity.pk])
    data = {"date": "2025-06-18", "text": "Föräldraträff i Skärhamn.", "quantity": 1}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(report, {**data, "is_public": "on"}).status_code == 302
    assert mailoutbox == []  # a reporter's update is not public until reviewed
    update = published.tjorn_activity.updates.get()
    client.force_login(cast.alice)
    review = reverse("staff:progress_review", args=[update.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review, {"text": "Föräldraträff i Skärhamn.", "decision": "publish"})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.subject == "Nytt om Medborgarlöfte 2025"
    assert "Föräldraträff i Skärhamn." in mail.body
