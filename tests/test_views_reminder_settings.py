"""/personal/paminnelser/: a staff user turns reminder e-mails off and on for themselves."""

import re

from django.urls import reverse

from notifications.models import ReminderSettings
from organisations.models import AuditEntry

URL = reverse("notifications_staff:reminder_settings")


def test_page_explains_and_shows_the_address(client, cast):
    cast.alice.email = "alice@example.se"
    cast.alice.save()
    client.force_login(cast.alice)
    body = client.get(URL).content.decode()
    assert "<h1>Påminnelser</h1>" in body
    assert "E-postpåminnelser skickas till alice@example.se." in body
    assert "8 veckor" in body and "12 månader" in body
    assert re.search(r'<input type="checkbox" name="email_reminders"[^>]* checked>', body)
    assert not ReminderSettings.objects.exists()  # looking changes nothing


def test_without_an_address_the_page_says_so(client, cast):
    client.force_login(cast.viewer)
    body = client.get(URL).content.decode()
    assert "Ditt konto har ingen e-postadress" in body


def test_turning_reminders_off_and_on_is_audited(client, cast):
    client.force_login(cast.alice)
    response = client.post(URL, {})  # an unticked box is not sent
    assert response.status_code == 302
    assert not ReminderSettings.objects.get(user=cast.alice).email_reminders
    entry = AuditEntry.objects.get(action="reminder_settings.changed")
    assert entry.actor == cast.alice and entry.after["email_reminders"] is False
    assert set(entry.parties.all()) == {cast.tjorn}
    assert "Ditt val för påminnelser är sparat." in client.get(URL).content.decode()
    client.post(URL, {"email_reminders": "on"})
    assert ReminderSettings.objects.get(user=cast.alice).email_reminders
    latest = AuditEntry.objects.filter(action="reminder_settings.changed").first()
    assert latest.before["email_reminders"] is False and latest.after["email_reminders"] is True


def test_each_user_changes_only_their_own(client, cast):
    client.force_login(cast.bob)
    client.post(URL, {})
    body = client.get(URL).content.decode()
    assert not re.search(r'<input type="checkbox" name="email_reminders"[^>]* checked>', body)
    assert list(ReminderSettings.objects.values_list("user__username", flat=True)) == ["bob"]


def test_anonymous_is_sent_to_login_and_wrong_method(client, cast):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(cast.alice)
    assert client.put(URL).status_code == 405


def test_staff_navigation_links_the_page(client, cast):
    client.force_login(cast.viewer)
    assert (
        f'<a href="{URL}">Påminnelser</a>'
        in client.get(reverse("staff:dashboard")).content.decode()
    )
