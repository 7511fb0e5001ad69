"""A coordinator imports Brå's crime table from the web, records the municipality's
åtgärdsplan with a measure carried out by an activity, residents see it on the municipality's
page, and the BRÅ opens the follow-up's report to kommunfullmäktige and its PDF link. Every
page is checked with axe."""

import pytest

from e2e.conftest import log_in
from promises.models import Promise
from situation.models import ActionPlan, CrimeStatistic
from tests.factories import PASSWORD, make_cast, make_world
from tests.test_imports_crime_statistics import SAMPLE

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_action_plan_statistics_and_report(checked_page, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cast = make_cast()
    world = make_world(cast, status=Promise.Status.PUBLISHED)
    p = checked_page
    log_in(p, "alice", PASSWORD)
    p.goto("/personal/lagesbild/")
    p.follow("Läs in Brås statistik över anmälda brott")
    path = tmp_path / "bra-2024.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    p.page.get_by_label("Brås tabell över anmälda brott (CSV eller XLSX)").set_input_files(
        str(path)
    )
    p.submit("Läs in filen")
    assert "Klar" in p.text() and "Nya siffror\t22" in p.text()
    assert CrimeStatistic.objects.count() == 22

    p.goto("/personal/lagesbild/")
    p.follow("Åtgärdsplaner")
    p.follow("Registrera en åtgärdsplan")
    p.page.get_by_label("Rubrik").fill("Åtgärdsplan mot brott 2025–2026")
    p.page.get_by_label("Beslutande organ").fill("Kommunfullmäktige")
    p.page.get_by_label("Beslutsdatum").fill("2025-06-16")
    p.page.get_by_label("Paragraf").fill("§ 112")
    p.page.get_by_label("Visa publikt").check()
    p.submit("Spara åtgärdsplanen")
    assert "16 juni 2027" in p.text()  # the next review, two years on
    p.follow("Lägg till åtgärd")
    p.page.get_by_label("Åtgärd", exact=True).fill("Fler föräldraträffar")
    p.page.get_by_label(f"{world.tjorn_activity.title} ({world.promise.title})").check()
    p.submit("Spara åtgärden")
    assert "Fler föräldraträffar" in p.text() and world.promise.title in p.text()
    assert ActionPlan.objects.get().measures.get().promises.get() == world.promise

    p.goto("/kommun/tjorn/")
    assert "Åtgärdsplan mot brott 2025–2026" in p.text() and "Fler föräldraträffar" in p.text()
    p.goto(world.promise.get_absolute_url())
    assert "Del av kommunens åtgärdsplan" in p.text()

    log_in(p, "bra_member", PASSWORD)
    p.goto(f"/personal/uppfoljningar/{world.follow_up.pk}/")
    p.follow("Rapport till kommunfullmäktige")
    text = p.text()
    for title in ("Sammanfattning", "Bedömning per åtagande", "Aktiviteternas framsteg"):
        assert title in text
    assert "Ladda ner rapporten som PDF" in text
