"""Markup and script typed through the staff forms reach the API, the open-data files and the
e-mails as the exact text that was typed: JSON strings, CSV cells and plain-text mail carry it
verbatim as data, never as markup that a consumer's page or mail program would run, and the
responses say they are not HTML."""

import csv
import datetime
import email
import email.policy
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Subscription
from notifications.sending import send_all
from promises.models import Promise
from tests.factories import subscription
from tests.test_feeds_atom import HOSTILE, publish, write_hostile_text_through_staff_forms


def test_api_returns_typed_markup_as_plain_json_strings(client, cast, world):
    publish(world)
    activity = write_hostile_text_through_staff_forms(client, cast, world)
    client.logout()
    response = client.get(f"/api/v1/promises/{world.promise.pk}")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.json()
    titles = [
        a["title"]
        for group in body["commitment_groups"]
        for c in group["commitments"]
        for a in c["activities"]
    ]
    assert activity.title in titles
    updates = client.get("/api/v1/progress-updates", {"kommunkod": "1419"}).json()["items"]
    assert [u["text"] for u in updates] == [HOSTILE]


def test_open_data_files_carry_typed_markup_verbatim(client, cast, world):
    publish(world)
    activity = write_hostile_text_through_staff_forms(client, cast, world)
    client.logout()
    scope = "kommun-1419"
    response = client.get(reverse("public:open_data_csv", args=[scope, "progress_updates"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["text"] for r in rows] == [HOSTILE]
    response = client.get(reverse("public:open_data_json", args=[scope, "activities"]))
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(b"".join(response.streaming_content))
    assert activity.title in [row["title"] for row in data]


def test_emails_carry_typed_markup_as_plain_text(client, cast, world, mailoutbox):
    """E-mails are text/plain only (no HTML alternative): what staff typed is in the body as the
    characters they typed, never escaped into entities and never markup."""
    publish(world)
    subscription(
        promise=world.promise,
        frequency=Subscription.Frequency.IMMEDIATE,
        confirmed_at=timezone.now() - datetime.timedelta(hours=1),
        last_sent_at=timezone.now() - datetime.timedelta(hours=1),
    )
    activity = write_hostile_text_through_staff_forms(client, cast, world)
    assert send_all().immediate_sent == 1
    [mail] = mailoutbox
    assert mail.content_subtype == "plain" and not getattr(mail, "alternatives", None)
    assert mail.message().get_content_type() == "text/plain"
    assert b"text/html" not in mail.message().as_bytes()
    assert f"{HOSTILE} (2 kontroller)" in mail.body
    assert f"{activity.title}\n" in mail.body
    assert "&lt;" not in mail.body.replace(HOSTILE, "")  # nothing escaped on the way


@pytest.mark.usefixtures("immediate_tasks")
def test_email_subjects_stay_one_line(client, cast, world, mailoutbox):
    publish(world)
    Promise.objects.filter(pk=world.promise.pk).update(
        title="Löfte\r\nBcc: angripare@example.se <b>fet</b>"
    )
    path = reverse("notifications:follow_promise", args=[world.promise.pk])
    client.post(path, {"email": "invanare@example.se", "frequency": "weekly"})
    [mail] = mailoutbox
    message = email.message_from_bytes(mail.message().as_bytes(), policy=email.policy.default)
    subject = "Bekräfta att du vill följa Löfte Bcc: angripare@example.se <b>fet</b>"
    assert mail.subject == subject and message["Subject"].strip() == subject
    assert message["Bcc"] is None and mail.recipients() == ["invanare@example.se"]
