"""Password reset by e-mail (issue 9, part 2): the same answer whatever the address, the link
by e-mail, a new password, and the audit trail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from organisations.models import AuditEntry

pytestmark = [pytest.mark.plain_login, pytest.mark.django_db]
NEW_PASSWORD = "ett-nytt-langt-losenord-2026"


def ask(client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def test_the_login_page_links_to_the_reset(client):
    body = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in body and "Glömt lösenordet?" in body


def test_round_trip_from_the_email_to_a_new_password(client, cast, immediate_tasks):
    cast.viewer.email = "viewer@tjorn.example.invalid"
    cast.viewer.save()
    response = ask(client, "Viewer@Tjorn.example.invalid")
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["viewer@tjorn.example.invalid"]
    assert "nytt lösenord" in message.subject and "viewer" in message.body
    link = re.search(r"https?://\S+/losenord/nytt/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + path, follow=True)
    assert "Välj ett nytt lösenord" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done["Location"] == reverse("password_reset_complete")
    cast.viewer.refresh_from_db()
    assert cast.viewer.check_password(NEW_PASSWORD)
    # The link works once.
    again = client.get("/" + path, follow=True).content.decode()
    assert "Länken fungerar inte längre" in again
    actions = list(
        AuditEntry.objects.filter(object_id=str(cast.viewer.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["password.reset_requested", "password.reset_completed"]
    assert "losenord/nytt" not in str([e.after for e in AuditEntry.objects.all()])


def test_the_answer_is_the_same_whether_the_address_exists_or_not(client, cast, immediate_tasks):
    cast.alice.email = "alice@tjorn.example.invalid"
    cast.alice.save()
    known = ask(client, "alice@tjorn.example.invalid")
    unknown = ask(client, "nobody@tjorn.example.invalid")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
    done_known = client.get(known["Location"]).content.decode()
    assert "Om adressen hör till ett konto" in done_known
    assert (
        not AuditEntry.objects.filter(action="password.reset_requested")
        .exclude(object_id=str(cast.alice.pk))
        .exists()
    )


def test_a_new_password_still_asks_for_the_second_factor(client, cast, immediate_tasks):
    from tests.second_factor_helpers import confirmed_app

    confirmed_app(cast.alice)
    cast.alice.email = "alice@tjorn.example.invalid"
    cast.alice.save()
    ask(client, cast.alice.email)
    link = re.search(r"/losenord/nytt/\S+/", mail.outbox[0].body).group(0)
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    response = client.post(reverse("login"), {"username": "alice", "password": NEW_PASSWORD})
    assert response["Location"] == reverse("login_code")
    assert client.get("/personal/").status_code == 302
