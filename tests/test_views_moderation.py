"""The moderation queue and a report's page: filters with counts, overdue reports, each decision
on its own URL under the access rules (moderators, routed organisation, nobody else), response
templates, confirmation before anything that cannot be undone."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import AuditEntry
from participation.models import ResidentReport, ResponseTemplate
from tests.factories import other_org, user
from tests.voices_factories import approved_report, report

ORIGINAL = "Kalle Andersson på Storgatan 3 är den som klottrar"


def url(name, *args):
    return reverse(f"participation_staff:{name}", args=args)


def old(r: ResidentReport, days: int) -> ResidentReport:
    ResidentReport.objects.filter(pk=r.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )
    return r


def test_queue_lists_the_moderators_reports_with_counts(client, cast):
    report("1419")
    report("1419", category="klotter")
    approved_report(municipality_code="1419")
    report("1401")  # Härryda: not Tjörn's
    client.force_login(cast.alice)
    page = client.get(url("report_queue")).content.decode()
    assert "3 rapporter" in page
    assert "Väntar på granskning</a>: 2" in page
    assert "Godkänd för publicering</a>: 1" in page
    assert "Klotter" in page


def test_queue_filters_by_state_status_category_and_overdue(client, cast):
    pending = old(report("1419"), 20)
    approved = approved_report(municipality_code="1419", category="klotter")
    client.force_login(cast.alice)
    get = lambda **q: client.get(url("report_queue"), q).content.decode()  # noqa: E731
    detail = lambda r: url("report_detail", r.pk)  # noqa: E731
    assert detail(approved) in get(moderation="approved")
    assert detail(pending) not in get(moderation="approved")
    assert detail(approved) in get(category="klotter")
    assert detail(pending) not in get(category="klotter")
    page = get(overdue="on")
    assert detail(pending) in page and detail(approved) not in page
    assert "1 rapport är försenad" in get()
    assert 'class="overdue"' in get()


def test_overdue_follows_the_setting(client, cast, settings):
    old(report("1419"), 5)
    client.force_login(cast.alice)
    assert "är försenad" not in client.get(url("report_queue")).content.decode()
    settings.REPORT_OVERDUE_DAYS = 3
    assert "1 rapport är försenad" in client.get(url("report_queue")).content.decode()


def test_queue_per_organisation(client, cast):
    housing = other_org("Tjörns Bostäder", "1419")
    editor = user("bostad", housing)
    routed = report("1419", responsible=housing)
    other = report("1419")
    client.force_login(editor)
    page = client.get(url("report_queue")).content.decode()
    assert url("report_detail", routed.pk) in page and url("report_detail", other.pk) not in page
    client.force_login(cast.bob)  # police: Tjörn and Orust
    orust = report("1421")
    page = client.get(url("report_queue"), {"organisation": cast.police.pk}).content.decode()
    assert url("report_detail", orust.pk) in page and url("report_detail", other.pk) in page


def test_outsiders_get_404(client, cast):
    r = report("1419")
    for u in (cast.charlie, cast.viewer):
        client.force_login(u)
        assert client.get(url("report_detail", r.pk)).status_code == 404
        assert client.post(url("report_approve", r.pk)).status_code == 404
    assert ResidentReport.objects.get(pk=r.pk).moderation == "pending"


def test_moderator_redacts_and_approves(client, cast):
    r = report("1419", description=ORIGINAL)
    client.force_login(cast.alice)
    page = client.get(url("report_detail", r.pk)).content.decode()
    assert ORIGINAL in page  # the moderator reads the original
    response = client.post(url("report_redact", r.pk), {"public_text": "Någon klottrar."})
    assert response.status_code == 302
    assert client.post(url("report_approve", r.pk)).status_code == 302
    r.refresh_from_db()
    assert r.moderation == "approved" and r.public_text == "Någon klottrar."
    assert AuditEntry.objects.filter(action="resident_report.approved", actor=cast.alice).exists()


def test_empty_redaction_is_refused_on_the_page(client, cast):
    r = report("1419")
    client.force_login(cast.alice)
    response = client.post(url("report_redact", r.pk), {"public_text": ""})
    assert response.status_code == 400 and "error-message" in response.content.decode()


def test_get_does_not_approve(client, cast):
    r = report("1419")
    client.force_login(cast.alice)
    assert client.get(url("report_approve", r.pk)).status_code == 405
    assert ResidentReport.objects.get(pk=r.pk).moderation == "pending"


def test_reject_asks_first_and_needs_a_reason(client, cast):
    r = report("1419")
    client.force_login(cast.alice)
    page = client.get(url("report_reject", r.pk)).content.decode()
    assert "Avvisa rapporten?" in page and "button-danger" in page
    assert client.post(url("report_reject", r.pk), {"reason": ""}).status_code == 400
    client.post(url("report_reject", r.pk), {"reason": "Handlar om en enskild person."})
    r.refresh_from_db()
    assert r.moderation == "rejected" and r.rejection_reason == "Handlar om en enskild person."


def test_precision_is_coarsened_by_default_and_set_by_choice(client, cast):
    r = report("1419")
    client.force_login(cast.alice)
    page = client.get(url("report_detail", r.pk)).content.decode()
    assert re.search(r'<input[^>]*value="ungefar"[^>]*checked', page)
    assert not re.search(r'<input[^>]*value="exakt"[^>]*checked', page)
    client.post(url("report_precision", r.pk), {"precise": "exakt"})
    assert ResidentReport.objects.get(pk=r.pk).precise_approved
    client.post(url("report_precision", r.pk), {"precise": "ungefar"})
    assert not ResidentReport.objects.get(pk=r.pk).precise_approved


def test_routing_lets_the_organisation_answer_but_not_moderate(client, cast):
    housing = other_org("Tjörns Bostäder", "1419")
    editor = user("bostad", housing)
    r = report("1419", description=ORIGINAL)
    client.force_login(cast.alice)
    client.post(url("report_route", r.pk), {"responsible": housing.pk})
    assert ResidentReport.objects.get(pk=r.pk).responsible == housing
    client.force_login(editor)
    page = client.get(url("report_detail", r.pk)).content.decode()
    assert ORIGINAL not in page  # the original is for moderators only
    response = client.post(
        url("report_status", r.pk), {"status": "planned", "public_note": "Vi lagar det."}
    )
    assert response.status_code == 302
    assert ResidentReport.objects.get(pk=r.pk).status == "planned"
    assert client.post(url("report_approve", r.pk)).status_code == 403


def test_another_municipalitys_organisation_is_not_a_routing_choice(client, cast):
    r = report("1419")
    client.force_login(cast.alice)
    response = client.post(url("report_route", r.pk), {"responsible": cast.harryda.pk})
    assert response.status_code == 400
    assert ResidentReport.objects.get(pk=r.pk).responsible is None


def test_response_template_is_inserted_into_the_note(client, cast):
    template = ResponseTemplate.objects.create(
        organisation=cast.tjorn, title="Felanmält", text="Vi har felanmält det till gatuenheten."
    )
    r = approved_report(municipality_code="1419")
    client.force_login(cast.alice)
    page = client.get(url("report_detail", r.pk), {"mall": template.pk}).content.decode()
    assert "Vi har felanmält det till gatuenheten.</textarea>" in page


def test_response_templates_crud(client, cast):
    client.force_login(cast.alice)
    data = {"organisation": cast.tjorn.pk, "title": "Tack", "text": "Tack för rapporten."}
    assert client.post(url("template_create"), data).status_code == 302
    template = ResponseTemplate.objects.get()
    client.post(url("template_edit", template.pk), {**data, "title": "Tack!"})
    assert ResponseTemplate.objects.get().title == "Tack!"
    assert (
        "Ta bort svarsmallen?" in client.get(url("template_delete", template.pk)).content.decode()
    )
    client.post(url("template_delete", template.pk))
    assert not ResponseTemplate.objects.exists()
    assert AuditEntry.objects.filter(action__startswith="response_template.").count() == 3


def test_templates_of_another_organisation_are_404(client, cast):
    template = ResponseTemplate.objects.create(organisation=cast.harryda, title="X", text="Y")
    client.force_login(cast.alice)
    assert client.get(url("template_edit", template.pk)).status_code == 404
    data = {"organisation": cast.harryda.pk, "title": "Tack", "text": "Tack."}
    assert client.post(url("template_create"), data).status_code == 400


def test_viewer_cannot_write_templates(client, cast):
    client.force_login(cast.viewer)
    assert client.get(url("template_create")).status_code == 403


@pytest.mark.parametrize("action", ["sudda", "avvisa"])
def test_photo_actions_ask_first(client, cast, action):
    r = report("1419")
    client.force_login(cast.alice)
    response = client.get(url("report_photo_action", r.pk, action))
    assert response.status_code == 200 and "button-danger" in response.content.decode()


def test_queue_is_in_the_staff_navigation(client, cast):
    client.force_login(cast.alice)
    assert url("report_queue") in client.get(reverse("staff:dashboard")).content.decode()
