"""The demo as residents and a BRÅ member see it: every page checked with axe."""

import pytest
from django.core.management import call_command

from e2e.conftest import log_in
from promises.models import Promise

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_resident_reads_every_seed(checked_page):
    call_command("load_demo", verbosity=0)
    p = checked_page
    p.goto("/")
    for slug in ["tjorn", "stenungsund", "orust", "harryda", "svenljunga", "mellerud"]:
        p.goto(f"/kommun/{slug}/")
    assert "Brottsaktiva individer" in p.text()
    harryda = Promise.objects.get(title__contains="Härryda")
    p.goto(f"/medborgarlofte/{harryda.pk}/")
    assert "Versionshistorik" in p.text()
    p.follow("Läs en lättläst sammanfattning")
    p.goto(f"/medborgarlofte/{harryda.pk}/version/1/")
    svenljunga = Promise.objects.get(title__contains="Svenljunga")
    p.goto(f"/medborgarlofte/{svenljunga.pk}/")
    assert "Genomförd" in p.text()
    p.follow("In English")
    assert p.page.url.endswith(f"/en/medborgarlofte/{svenljunga.pk}/")
    assert "Find your municipality" in p.text() or "Follow-up" in p.text()
    p.goto("/kommun/mellerud/")


def test_bra_member_publishes_a_follow_up(checked_page):
    call_command("load_demo", verbosity=0)
    mellerud = Promise.objects.get(title__contains="Mellerud")
    p = checked_page
    p.goto("/logga-in/")
    p.page.fill("#id_username", "bra")
    p.page.fill("#id_password", "wrong")
    p.submit("Logga in")
    assert "Fel användarnamn eller lösenord" in p.text()
    log_in(p, "bra", "demo-lofte-2026")
    p.menu("Löften och planer", "Löften")
    p.follow(mellerud.title)
    p.follow("Registrera uppföljning")
    p.page.fill("#id_date", "2025-02-10")
    p.page.select_option("#id_reviewer_kind", "bra")
    p.page.fill("#id_summary", "Uppföljning 2025: trafikarbetet är klart.")
    commitment = mellerud.commitments.order_by("order").last()
    p.page.select_option(f"#id_verdict_{commitment.pk}", "genomford")
    p.page.fill(f"#id_reason_{commitment.pk}", "Alla planerade kontroller genomfördes.")
    p.submit("Spara uppföljningen")
    p.submit("Publicera uppföljningen")
    assert "Uppföljningen är publicerad." in p.text()
    for group, link in [
        ("Konto och logg", "Händelselogg"),
        ("Löften och planer", "Överenskommelser"),
        ("Löften och planer", "Kontakter"),
        ("Löften och planer", "Mina aktiviteter"),
    ]:
        p.menu(group, link)
    p.goto("/personal/fokusomraden/")
    p.goto("/kommun/mellerud/")
    assert "Alla planerade kontroller genomfördes." in p.text()
