"""Asking to follow a municipality or a promise by e-mail: the confirmation mail (double opt-in),
bad addresses, asking twice, and never revealing whether an address follows already."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Subscription
from organisations.models import Municipality
from promises.models import Promise
from tests.factories import subscription

pytestmark = pytest.mark.usefixtures("immediate_tasks")

TJORN = "/folj/kommun/tjorn/"
LINK = re.compile(r"http://testserver(/folj/bekrafta/[\w-]+/)")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "http://testserver"


def page_text(client, path):
    """The page without its CSRF tokens (different on every response)."""
    return re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", client.get(path).content.decode()
    )


def follow(client, path=TJORN, email="Invanare@Example.se", frequency="weekly"):
    return client.post(path, {"email": email, "frequency": frequency})


def test_following_sends_a_confirmation_link(client, db, mailoutbox, settings):
    response = follow(client)
    assert response.status_code == 302
    assert response["Location"] == "/folj/kommun/tjorn/skickat/"
    subscription = Subscription.objects.get()
    assert subscription.email == "invanare@example.se"
    assert subscription.municipality == Municipality.objects.get(slug="tjorn")
    assert not subscription.is_confirmed
    assert subscription.language == "sv" and subscription.frequency == "weekly"
    [mail] = mailoutbox
    assert mail.to == ["invanare@example.se"]
    assert mail.from_email == settings.DEFAULT_FROM_EMAIL
    assert mail.subject == "Bekräfta att du vill följa Tjörn"
    assert LINK.search(mail.body).group(1) == f"/folj/bekrafta/{subscription.token}/"
    unsubscribe = f"http://testserver/folj/avsluta/{subscription.token}/"
    assert mail.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in mail.body
    page = client.get(response["Location"]).content.decode()
    assert "Titta i din e-post" in page and "invanare" not in page.lower()


def test_following_a_promise(client, cast, world, mailoutbox):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    path = reverse("notifications:follow_promise", args=[world.promise.pk])
    response = follow(client, path, frequency="immediate")
    assert response["Location"] == f"/folj/medborgarlofte/{world.promise.pk}/skickat/"
    subscription = Subscription.objects.get()
    assert subscription.promise == world.promise and subscription.frequency == "immediate"
    assert mailoutbox[0].subject == f"Bekräfta att du vill följa {world.promise.title}"


def test_a_draft_promise_cannot_be_followed(client, cast, world, mailoutbox):
    path = reverse("notifications:follow_promise", args=[world.promise.pk])
    assert client.get(path).status_code == 404
    assert follow(client, path).status_code == 404
    assert not Subscription.objects.exists() and not mailoutbox


def test_english_page_gives_english_mail(client, db, mailoutbox):
    follow(client, path="/en" + TJORN)
    assert Subscription.objects.get().language == "en"
    assert mailoutbox[0].subject == "Confirm that you want to follow Tjörn"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("invanare.example.se", "Skriv e-postadressen i formen namn@exempel.se"),
        ("namn@", "Skriv e-postadressen i formen namn@exempel.se"),
        ("", "Skriv den e-postadress du vill få mejlen till."),
    ],
)
def test_malformed_address_is_refused_next_to_the_field(client, db, mailoutbox, email, message):
    response = follow(client, email=email)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert 'class="field field-error"' in body
    assert f'value="{email}"' in body if email else 'name="email"' in body
    assert not Subscription.objects.exists() and not mailoutbox


def test_unknown_frequency_is_refused(client, db, mailoutbox):
    response = follow(client, frequency="daily")
    assert response.status_code == 400
    assert "Välj ett av alternativen för hur ofta du vill få mejl." in response.content.decode()
    assert not Subscription.objects.exists()


def test_asking_twice_within_a_minute_sends_one_mail_and_says_the_same(client, db, mailoutbox):
    first = follow(client)
    second = follow(client, email="invanare@example.se ")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert len(mailoutbox) == 1
    assert Subscription.objects.count() == 1


def test_asking_again_after_a_minute_sends_the_link_again(client, db, mailoutbox):
    follow(client)
    Subscription.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=2))
    follow(client, frequency="immediate")
    assert len(mailoutbox) == 2
    assert Subscription.objects.get().frequency == "immediate"  # not confirmed: latest choice


def test_an_address_that_follows_already_is_told_so_by_mail_only(client, db, mailoutbox):
    tjorn = Municipality.objects.get(slug="tjorn")
    existing = subscription("invanare@example.se", municipality=tjorn)
    response = follow(client, frequency="immediate")
    fresh = follow(client, email="ny@example.se")
    assert response["Location"] == fresh["Location"]  # the same answer either way
    assert page_text(client, response["Location"]) == page_text(client, fresh["Location"])
    [already, confirmation] = mailoutbox
    assert already.to == ["invanare@example.se"]
    assert already.subject == "Du följer redan Tjörn"
    assert "/folj/bekrafta/" not in already.body
    existing.refresh_from_db()
    assert existing.frequency == "weekly"  # someone who only knows the address changes nothing
    assert confirmation.to == ["ny@example.se"]


def test_an_address_gets_at_most_ten_such_mails_a_day(client, db, mailoutbox):
    for municipality in Municipality.objects.order_by("code")[:12]:
        response = follow(client, f"/folj/kommun/{municipality.slug}/")
        assert response.status_code == 302
    assert len(mailoutbox) == 10
    assert Subscription.objects.count() == 12


def test_follow_page_and_wrong_method(client, db):
    page = client.get(TJORN)
    assert page.status_code == 200
    assert "Följ Tjörn via e-post" in page.content.decode()
    assert client.put(TJORN).status_code == 405
    assert client.post("/folj/kommun/tjorn/skickat/").status_code == 405
    assert client.get("/folj/kommun/finns-inte/").status_code == 404


def test_the_public_pages_carry_the_form(client, cast, world):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    body = client.get("/kommun/tjorn/").content.decode()
    assert 'action="/folj/kommun/tjorn/"' in body
    body = client.get(reverse("public:promise", args=[world.promise.pk])).content.decode()
    assert f'action="/folj/medborgarlofte/{world.promise.pk}/"' in body
    assert "Vi sparar bara din e-postadress" in body
