"""The private follow page /rapport/<token>/: shown after sending with "spara länken", the
status history with public notes and the moderation state in plain words; the link by e-mail
when an address was left; never the text as typed nor the contact details."""

import pytest
from django.core import mail

from participation.models import ReportUpdate, ResidentReport
from tests.report_helpers import post_report, published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]


def test_after_sending_the_page_says_save_the_link(client):
    response = post_report(client, follow=True)
    html = response.content.decode()
    path = response.redirect_chain[-1][0]
    assert "Tack! Din rapport är skickad" in html and "Spara länken" in html
    assert f"http://testserver{path}" in html
    assert "väntar på granskning" in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    again = client.get(path).content.decode()  # later visits: no thank-you box
    assert "Tack! Din rapport är skickad" not in again and "väntar på granskning" in again


def test_history_public_note_and_moderation_in_plain_words(client):
    report = published("min-token", public_note="Lampan byts på måndag.")
    ReportUpdate.objects.create(
        report=report, status="in_progress", public_note="Vi tittar på det."
    )
    ReportUpdate.objects.create(report=report, status="planned", public_note="Beställt.")
    html = client.get("/rapport/min-token/").content.decode()
    assert "Under behandling" in html and "Vi tittar på det." in html
    assert "Planerad åtgärd" in html and "Beställt." in html
    assert "Lampan byts på måndag." in html
    assert "är publicerad" in html and report.public_text in html
    assert "Anna Andersson" not in html  # the text as typed is for moderators only
    assert "Visas ungefärligt" in html


def test_a_rejected_report_says_why(client):
    published("avvisad", moderation="rejected", rejection_reason="Gäller en enskild person.")
    html = client.get("/rapport/avvisad/").content.decode()
    assert "publiceras inte" in html and "Gäller en enskild person." in html


def test_an_unknown_token_is_404(client):
    assert client.get("/rapport/finns-inte/").status_code == 404
    assert client.post("/rapport/finns-inte/").status_code == 405


def test_contact_details_are_never_on_the_page(client):
    response = post_report(client, email="boende@example.org", phone="0304-123 45", follow=True)
    html = response.content.decode()
    assert "boende@example.org" not in html and "0304-123 45" not in html
    assert "Du lämnade kontaktuppgifter" in html and "raderas senast" in html


def test_the_link_is_e_mailed_when_an_address_was_left(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(client, email="boende@example.org")
    [message] = mail.outbox
    assert message.to == ["boende@example.org"]
    assert "Din rapport: Trasig eller dålig belysning" in message.subject
    assert response["Location"] in message.body and message.body.count("http") == 1
    assert ResidentReport.objects.get().tracking_token_hash not in message.body


def test_no_mail_without_an_address(client, immediate_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_report(client, phone="0304-123 45")
        post_report(client)
    assert mail.outbox == []
