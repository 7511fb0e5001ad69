"""The personnummer detector that free-text forms use before anything is saved."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from core.personal_data import (
    Confidence,
    find_personal_numbers,
    luhn_check_digit,
    luhn_valid,
    mask,
    personal_number_errors,
)

DATES = st.dates(min_value=datetime.date(1890, 1, 1), max_value=datetime.date(2026, 12, 31))
SERIALS = st.integers(min_value=0, max_value=999).map(lambda n: f"{n:03d}")
# Text around a number never touches it with a digit.
WORDS = st.text(alphabet=st.characters(exclude_categories=("Nd",)), max_size=30)


def valid_number(day: datetime.date, serial: str, style: str, coordination: bool = False) -> str:
    dd = day.day + (60 if coordination else 0)
    short = f"{day:%y%m}{dd:02d}"
    ten = short + serial + luhn_check_digit(short + serial)
    if style == "dash":
        return f"{ten[:6]}-{ten[6:]}"
    if style == "plus":
        return f"{ten[:6]}+{ten[6:]}"
    if style == "plain":
        return ten
    if style == "long":
        return f"{day.year // 100}{ten}"
    return f"{day.year // 100}{ten[:6]}-{ten[6:]}"


STYLES = st.sampled_from(["dash", "plus", "plain", "long", "long_dash"])


def test_by_hand():
    assert luhn_valid("8112289874")
    assert not luhn_valid("8112289875")
    assert luhn_check_digit("811228987") == "4"
    [finding] = find_personal_numbers("Ring 811228-9874 i morgon")
    assert finding.span == (5, 16) and finding.confidence is Confidence.LIKELY
    [finding] = find_personal_numbers("198112289874")
    assert finding.span == (0, 12) and finding.confidence is Confidence.LIKELY


def test_a_wrong_check_digit_is_only_possible():
    [finding] = find_personal_numbers("811228-9875")
    assert finding.confidence is Confidence.POSSIBLE


def test_impossible_dates_are_not_flagged():
    # Month 13, day 32, 30 February, 29 February 1900 with the century given, century 21.
    for text in ["811328-9874", "811232-1234", "810230-1234", "19000229-1234", "21811228-9874"]:
        assert find_personal_numbers(text) == [], text


def test_part_of_a_longer_number_is_not_flagged():
    assert find_personal_numbers("Ärende 48112289874 och 5198112289874") == []


def test_plus_belongs_to_the_short_form_only():
    assert find_personal_numbers("19811228+9874") == []


def test_dates_and_times_written_as_such_are_not_flagged():
    assert find_personal_numbers("Den 2025-03-14 kl. 22.30 vid busstationen, 3 personer") == []


@settings(max_examples=300)
@given(WORDS, DATES, SERIALS, STYLES, WORDS, st.booleans())
def test_every_valid_number_is_found_where_it_is(before, day, serial, style, after, coord):
    number = valid_number(day, serial, style, coord)
    text = f"{before} {number} {after}"
    findings = find_personal_numbers(text)
    assert [(f.text, f.confidence) for f in findings] == [(number, Confidence.LIKELY)]
    start = len(before) + 1
    assert findings[0].span == (start, start + len(number))
    assert findings[0].coordination_number is coord


@settings(max_examples=200)
@given(DATES, SERIALS, STYLES, st.integers(min_value=1, max_value=9))
def test_a_changed_check_digit_is_possible_not_likely(day, serial, style, shift):
    number = valid_number(day, serial, style)
    wrong = number[:-1] + str((int(number[-1]) + shift) % 10)
    [finding] = find_personal_numbers(wrong)
    assert finding.confidence is Confidence.POSSIBLE


@settings(max_examples=300)
@given(st.text(alphabet="0123456789-+ abc", max_size=60))
def test_findings_are_ordered_disjoint_spans_of_the_text(text):
    findings = find_personal_numbers(text)
    previous_end = 0
    for finding in findings:
        assert previous_end <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        digits = finding.text.replace("-", "").replace("+", "").replace(" ", "")
        assert len(digits) in (10, 12) and digits.isdigit()
        previous_end = finding.end
    assert not find_personal_numbers(mask(text, "X"))


@given(WORDS)
def test_text_without_digits_has_no_findings(text):
    assert find_personal_numbers(text) == []
    assert personal_number_errors(text) == []


def test_errors_name_what_to_remove_and_possible_ones_can_be_confirmed():
    [error] = personal_number_errors("Han med 811228-9874 stod där")
    assert "811228-9874" in error
    assert personal_number_errors("Nummer 811228-9875")
    assert personal_number_errors("Nummer 811228-9875", possible_confirmed=True) == []
    assert personal_number_errors("811228-9874", possible_confirmed=True)
