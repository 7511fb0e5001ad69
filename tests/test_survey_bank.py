"""The standard question bank of DOMAIN.md §5 is there after migrating, in three languages."""

from surveys.bank_data import PROBLEMS, QUESTION_BANK
from surveys.models import Item
from surveys.questionnaire import survey_specs
from tests.survey_factories import area, survey


def test_every_standard_item_is_loaded_with_a_first_version(db):
    items = Item.objects.standard()
    assert items.count() == len(QUESTION_BANK)
    for item in items.prefetch_related("versions"):
        (version,) = item.versions.all()
        assert version.number == 1
        assert {"sv", "en", "ar"} <= set(version.wording)


def test_the_problem_battery_and_core_indicators_are_there(db):
    codes = set(Item.objects.values_list("code", flat=True))
    assert {f"problem_{suffix}" for suffix, *_ in PROBLEMS} <= codes
    assert {"otrygg_kvall", "oro_samhalle", "avstatt", "fortroende_polis"} <= codes
    safety = Item.objects.get(code="otrygg_kvall").latest_version()
    assert safety.substantive_values()[-1] == "gar_aldrig_ut"
    assert safety.option_label("mycket_trygg", "ar") == "آمن جدًا"
    assert safety.option_label("mycket_trygg", "fi") == "Mycket trygg"  # falls back to Swedish


def test_survey_specs_carry_kinds_options_and_areas(cast):
    area("centrum", "Centrum")
    s = survey(cast.tjorn)
    specs = {spec.key: spec for spec in survey_specs(s)}
    assert specs["otrygg_kvall"].required
    assert "vet_ej" in specs["otrygg_kvall"].options
    assert specs["otrygg_kvall_orsak"].show_if["q"] == "otrygg_kvall"
    assert specs["kon"].area_codes == ("centrum",)
