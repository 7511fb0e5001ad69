"""Checking one respondent's answers against the questionnaire: the same rules for the web
form, the paper entry form and imported files. No ORM here: a questionnaire is turned into
`QuestionSpec`s once (surveys.questionnaire) and reused for every submission.

Raw answers come as strings, the way a form posts them: `raw[key]` is a list of strings (one for
most kinds, several for multiple choice); a point comes as "LAT,LON" and may fall back to an
area code typed or chosen instead.
"""

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from surveys import conditions

DEFAULT_TEXT_LIMIT = 2000
# Roughly Sweden with its sea areas; a point outside is a mistake, not a place in the survey.
SWEDEN_BOUNDS = (55.0, 69.2, 10.5, 24.3)


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    kind: str
    required: bool = False
    options: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    max_length: int = DEFAULT_TEXT_LIMIT
    show_if: Mapping | None = None
    area_codes: tuple[str, ...] = ()


@dataclass
class Cleaned:
    answers: dict[str, object] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _clean_choice(spec: QuestionSpec, values: list[str]) -> object:
    unknown = [v for v in values if v not in spec.options]
    if unknown:
        raise ValueError(_("Välj bland svarsalternativen."))
    if spec.kind == "multiple":
        return [v for v in spec.options if v in values]  # stable order, no repeats
    if len(values) > 1:
        raise ValueError(_("Välj bara ett svarsalternativ."))
    return values[0]


def _clean_number(spec: QuestionSpec, text: str) -> float | int:
    value = _number(text)
    if value is None:
        raise ValueError(_("Skriv ett tal, till exempel 3."))
    if spec.integer or spec.kind == "scale":
        if value != int(value):
            raise ValueError(_("Skriv ett heltal, utan decimaler."))
        value = int(value)
    if spec.minimum is not None and value < spec.minimum:
        raise ValueError(
            _("Talet får inte vara mindre än %(min)s.") % {"min": _plain(spec.minimum)}
        )
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(
            _("Talet får inte vara större än %(max)s.") % {"max": _plain(spec.maximum)}
        )
    return value


def _plain(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number).replace(".", ",")


def _clean_text(spec: QuestionSpec, text: str) -> str:
    text = text.replace("\r\n", "\n").strip()
    if len(text) > spec.max_length:
        raise ValueError(
            _("Svaret är för långt: högst %(max)s tecken, du har skrivit %(n)s.")
            % {"max": spec.max_length, "n": len(text)}
        )
    return text


def _clean_point(spec: QuestionSpec, text: str) -> dict | str:
    if text in spec.area_codes:
        return text
    parts = text.split(",")
    if len(parts) != 2:
        raise ValueError(_("Markera platsen på kartan eller välj ett område."))
    lat, lon = _number(parts[0]), _number(parts[1])
    south, north, west, east = SWEDEN_BOUNDS
    if lat is None or lon is None or not (south <= lat <= north and west <= lon <= east):
        raise ValueError(_("Platsen ligger inte i Sverige. Markera den igen på kartan."))
    return {"lat": round(lat, 6), "lon": round(lon, 6)}


def _clean_area(spec: QuestionSpec, text: str) -> str:
    if text not in spec.area_codes:
        raise ValueError(_("Välj ett av områdena i listan."))
    return text


CLEANERS: dict[str, Callable[[QuestionSpec, str], object]] = {
    "scale": _clean_number,
    "number": _clean_number,
    "text": _clean_text,
    "point": _clean_point,
    "area": _clean_area,
}


def clean_answer(spec: QuestionSpec, raw: Sequence[str]) -> object | None:
    """The stored value of one answer, None when unanswered; ValueError with a message for the
    respondent when the answer is not acceptable."""
    values = [v.strip() for v in raw if v is not None and v.strip() != ""]
    if not values:
        return None
    if spec.kind in ("single", "multiple"):
        return _clean_choice(spec, values)
    if len(values) > 1:
        raise ValueError(_("Svara bara en gång på frågan."))
    value = CLEANERS[spec.kind](spec, values[0])
    return None if value == "" else value


def clean_answers(
    specs: Sequence[QuestionSpec],
    raw: Mapping[str, Sequence[str]],
    *,
    check_required: bool = True,
) -> Cleaned:
    """All answers of one respondent, in questionnaire order. A question whose show-if does not
    hold for the answers before it is not asked: whatever was sent for it is dropped."""
    result = Cleaned()
    for spec in specs:
        if spec.kind == "note":
            continue
        if not conditions.evaluate(spec.show_if, result.answers):
            continue
        result.shown.append(spec.key)
        try:
            value = clean_answer(spec, raw.get(spec.key, ()))
        except ValueError as error:
            result.errors[spec.key] = str(error)
            continue
        if value is None:
            if spec.required and check_required:
                result.errors[spec.key] = _("Frågan måste besvaras.")
            continue
        result.answers[spec.key] = value
    return result
