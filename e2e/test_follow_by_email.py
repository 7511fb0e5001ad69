"""A resident follows Tjörn by e-mail from the municipality page, corrects a mistyped address,
confirms through the link in the mail, and unsubscribes; a staff member turns reminder e-mails
off. Every page is checked with axe."""

import re
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from e2e.conftest import log_in
from notifications.models import ReminderSettings, Subscription

pytestmark = [
    pytest.mark.usefixtures("reference_data", "immediate_tasks"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_resident_follows_confirms_and_unsubscribes(checked_page, mailoutbox):
    call_command("load_demo", verbosity=0)
    p = checked_page
    p.goto("/kommun/tjorn/")
    address = p.page.get_by_label("Din e-postadress")
    address.fill("invanare.example.se")
    p.submit("Följ via e-post")
    assert "Skriv e-postadressen i formen namn@exempel.se" in p.text()
    assert p.page.get_by_label("Din e-postadress").input_value() == "invanare.example.se"
    assert not mailoutbox

    p.page.get_by_label("Din e-postadress").fill("invanare@example.se")
    p.page.get_by_label("Direkt när något nytt publiceras").check()
    p.submit("Följ via e-post")
    assert "Titta i din e-post" in p.text()
    assert "invanare" not in p.page.content()

    [mail] = mailoutbox
    assert mail.subject == "Bekräfta att du vill följa Tjörn"
    link = re.search(r"https?://\S+/folj/bekrafta/\S+/", mail.body).group(0)
    p.goto(urlparse(link).path)
    assert not Subscription.objects.get().is_confirmed  # opening the link is not enough
    p.submit("Bekräfta och börja följa")
    assert "Du följer Tjörn" in p.text()
    subscription = Subscription.objects.get()
    assert subscription.is_confirmed and subscription.frequency == "immediate"

    p.follow("Sluta följa")
    assert "Sluta följa Tjörn?" in p.text()
    p.submit("Sluta följa")
    assert "Du följer inte längre" in p.text()
    assert not Subscription.objects.exists()


def test_staff_member_turns_reminder_emails_off(checked_page):
    call_command("load_demo", verbosity=0)
    p = checked_page
    log_in(p, "kommunpolis", "demo-lofte-2026")
    assert "Påminnelser" in p.text() and "har ingen slutstatus" in p.text()
    p.follow("Påminnelser med e-post: dina inställningar")
    assert "kommunpolis@demo.example.invalid" in p.text()
    p.page.get_by_label("Skicka påminnelser till min e-post").uncheck()
    p.submit("Spara")
    assert "Ditt val för påminnelser är sparat." in p.text()
    assert not ReminderSettings.objects.get(user__username="kommunpolis").email_reminders
