"""A wave's answers as numpy arrays, loaded in a fixed number of queries whatever the size.

Every later step (weighting, tables, indicators, exports) works on a WaveData: one array per
question with one entry per respondent, plus the groups each respondent belongs to.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from organisations.models import Area
from surveys.models import ItemKind, ItemVersion, Question, Response, Wave, translated
from surveys.models.waves import MarginVariable

SEX_KEY, AGE_KEY, AREA_KEY = "kon", "alder", "omrade"
# Used when a survey does not ask about sex or age itself (the bank's categories).
DEFAULT_SEXES = [("kvinna", "Kvinna"), ("man", "Man")]
DEFAULT_AGES = [
    ("16-29", "16–29 år"),
    ("30-44", "30–44 år"),
    ("45-64", "45–64 år"),
    ("65-84", "65–84 år"),
]
SHARE_KINDS = (ItemKind.SINGLE, ItemKind.MULTIPLE, ItemKind.AREA)
MEAN_KINDS = (ItemKind.NUMBER, ItemKind.SCALE)


@dataclass
class QuestionInfo:
    """A question as the wave asked it: the frozen item version and its answer options."""

    key: str
    kind: str
    version: ItemVersion
    values: list[str]  # option values (area codes for an area question)
    labels: list[str]
    substantive: np.ndarray  # per value: counted in shares (False for "Vet ej" and the like)

    def text(self) -> str:
        return self.version.text(get_language() or "sv")

    @property
    def has_missing(self) -> bool:
        """Whether an option ("Vet ej") is left out of the shares."""
        return not self.substantive.all()

    @property
    def short_text(self) -> str:
        """The item's own words for a matrix row (problem items keep them in `help`)."""
        return translated(self.version.help, get_language() or "sv") or self.text()


@dataclass
class Dimension:
    """A breakdown variable: each respondent's group number (-1 for none)."""

    key: str
    name: str
    labels: list[str]
    codes: np.ndarray
    values: list[str] = field(default_factory=list)


@dataclass
class WaveData:
    wave: Wave
    questions: list[QuestionInfo]
    areas: list[Area]
    ids: np.ndarray
    representative: np.ndarray
    stored_weights: np.ndarray  # NaN where none is stored
    answers: dict[str, np.ndarray]
    raw: list[dict]
    dimensions: dict[str, Dimension]

    @property
    def size(self) -> int:
        return int(self.representative.size)

    def question(self, key: str) -> QuestionInfo | None:
        return next((q for q in self.questions if q.key == key), None)

    def subset(self, mask: np.ndarray) -> "WaveData":
        """The same wave restricted to some respondents (e.g. the representative ones)."""
        rows = np.flatnonzero(mask)
        return WaveData(
            wave=self.wave,
            questions=self.questions,
            areas=self.areas,
            ids=self.ids[rows],
            representative=self.representative[rows],
            stored_weights=self.stored_weights[rows],
            answers={k: v[rows] for k, v in self.answers.items()},
            raw=[self.raw[i] for i in rows],
            dimensions={
                k: Dimension(d.key, d.name, d.labels, d.codes[rows], d.values)
                for k, d in self.dimensions.items()
            },
        )


def wave_questions(waves: Iterable[Wave]) -> dict[int, list[tuple[str, ItemVersion]]]:
    """The questions each wave asked, in the survey's order, in two queries for all waves.
    An opened wave asks its frozen versions; a draft the survey's current ones."""
    waves = list(waves)
    survey_ids = {w.survey_id for w in waves}
    questions = list(
        Question.objects.filter(survey_id__in=survey_ids)
        .select_related("item_version__item")
        .order_by("section__order", "section_id", "order", "id")
    )
    frozen_ids = {vid for w in waves for vid in (w.question_versions or {}).values()}
    versions = {
        v.pk: v for v in ItemVersion.objects.filter(pk__in=frozen_ids).select_related("item")
    }
    out = {}
    for w in waves:
        own = [q for q in questions if q.survey_id == w.survey_id]
        order = {q.key: i for i, q in enumerate(own)}
        if w.question_versions:
            pairs = [(k, versions.get(v)) for k, v in w.question_versions.items()]
            pairs = [(k, v) for k, v in pairs if v is not None]
        else:
            pairs = [(q.key, q.item_version) for q in own]
        pairs.sort(key=lambda kv: order.get(kv[0], len(order)))
        out[w.pk] = [(k, v) for k, v in pairs if v.item.kind != ItemKind.NOTE]
    return out


def _info(key: str, version: ItemVersion, areas: list[Area]) -> QuestionInfo:
    kind = version.item.kind
    if kind == ItemKind.AREA:
        values, labels = [a.code for a in areas], [a.name for a in areas]
        substantive = np.ones(len(values), dtype=bool)
    else:
        values = version.option_values()
        language = get_language() or "sv"
        labels = [version.option_label(v, language) for v in values]
        substantive = np.array([not o.get("missing") for o in version.options], dtype=bool)
    return QuestionInfo(key, kind, version, values, labels, substantive.reshape(-1))


def code_answers(question: QuestionInfo, raw: list) -> np.ndarray:
    """One question's answers as an array: option numbers (-1 unanswered) for single choice and
    areas, a boolean matrix for multiple choice, floats (NaN unanswered) for numbers and
    scales, and answered-or-not for free text and points."""
    if question.kind in (ItemKind.SINGLE, ItemKind.AREA):
        index = {v: i for i, v in enumerate(question.values)}
        return np.fromiter(
            (index.get(a, -1) if isinstance(a, str) else -1 for a in raw), np.intp, len(raw)
        )
    if question.kind == ItemKind.MULTIPLE:
        index = {v: i for i, v in enumerate(question.values)}
        chosen = np.zeros((len(raw), len(question.values)), dtype=bool)
        for row, answer in enumerate(raw):
            for value in answer if isinstance(answer, list) else ():
                if value in index:
                    chosen[row, index[value]] = True
        return chosen
    if question.kind in MEAN_KINDS:
        return np.fromiter(
            (
                float(a) if isinstance(a, int | float) and not isinstance(a, bool) else np.nan
                for a in raw
            ),
            float,
            len(raw),
        )
    return np.fromiter((a not in (None, "", [], {}) for a in raw), bool, len(raw))


def load_waves(
    waves: Iterable[Wave], select: Callable[[str, ItemVersion], bool] | None = None
) -> dict[int, WaveData]:
    """Several waves at once (e.g. for a trend) in a fixed number of queries. With `select`,
    only the questions it accepts (and the groups' questions) are read from the database."""
    waves = list(waves)
    if not waves:
        return {}
    municipality_ids = {w.survey.municipality_id for w in waves}
    areas = list(Area.objects.filter(municipality_id__in=municipality_ids).order_by("name"))
    asked = wave_questions(waves)
    wanted = None
    if select is not None:
        wanted = {k for pairs in asked.values() for k, v in pairs if select(k, v)}
        wanted |= {SEX_KEY, AGE_KEY, AREA_KEY}
    fields = ["wave_id", "id", "area_id", "is_representative", "weight"]
    responses = Response.objects.filter(wave__in=waves).order_by("id")
    if wanted is None:
        rows = list(responses.values_list(*fields, "answers"))
    else:
        ordered = sorted(wanted)
        rows = [
            (*r[:5], dict(zip(ordered, r[5:], strict=True)))
            for r in responses.values_list(*fields, *[f"answers__{k}" for k in ordered])
        ]
    by_wave: dict[int, list] = {w.pk: [] for w in waves}
    for row in rows:
        by_wave[row[0]].append(row)
    out = {}
    for w in waves:
        own_areas = [a for a in areas if a.municipality_id == w.survey.municipality_id]
        pairs = asked[w.pk]
        if wanted is not None:
            pairs = [(k, v) for k, v in pairs if k in wanted]
        out[w.pk] = _wave_data(
            w, [_info(k, v, own_areas) for k, v in pairs], own_areas, by_wave[w.pk]
        )
    return out


def load_wave(wave: Wave) -> WaveData:
    return load_waves([wave])[wave.pk]


def _wave_data(
    wave: Wave, questions: list[QuestionInfo], areas: list[Area], rows: list
) -> WaveData:
    raw = [r[5] or {} for r in rows]
    answers = {q.key: code_answers(q, [a.get(q.key) for a in raw]) for q in questions}
    area_index = {a.pk: i for i, a in enumerate(areas)}
    code_index = {a.code: i for i, a in enumerate(areas)}
    area_codes = np.fromiter(
        (
            area_index[r[2]] if r[2] in area_index else code_index.get(a.get(AREA_KEY), -1)
            for r, a in zip(rows, raw, strict=True)
        ),
        np.intp,
        len(rows),
    )
    dimensions = {
        AREA_KEY: Dimension(
            AREA_KEY, _("Område"), [a.name for a in areas], area_codes, [a.code for a in areas]
        ),
        SEX_KEY: _answer_dimension(SEX_KEY, _("Kön"), questions, raw, DEFAULT_SEXES),
        AGE_KEY: _answer_dimension(AGE_KEY, _("Ålder"), questions, raw, DEFAULT_AGES),
    }
    return WaveData(
        wave=wave,
        questions=questions,
        areas=areas,
        ids=np.fromiter((r[1] for r in rows), np.int64, len(rows)),
        representative=np.fromiter((bool(r[3]) for r in rows), bool, len(rows)),
        stored_weights=np.fromiter(
            (np.nan if r[4] is None else r[4] for r in rows), float, len(rows)
        ),
        answers=answers,
        raw=raw,
        dimensions=dimensions,
    )


def _answer_dimension(
    key: str, name: str, questions: list[QuestionInfo], raw: list[dict], default: list
) -> Dimension:
    """Groups from a background question (sex, age band): its substantive options, so "annat /
    vill inte svara" is in no group."""
    question = next((q for q in questions if q.key == key), None)
    if question is not None:
        pairs = [
            (v, label)
            for v, label, counted in zip(
                question.values, question.labels, question.substantive, strict=True
            )
            if counted
        ]
    else:
        pairs = default
    index = {v: i for i, (v, _label) in enumerate(pairs)}
    codes = np.fromiter((index.get(a.get(key), -1) for a in raw), np.intp, len(raw))
    return Dimension(key, name, [label for _v, label in pairs], codes, [v for v, _l in pairs])


MARGIN_DIMENSIONS = {
    MarginVariable.AREA: AREA_KEY,
    MarginVariable.SEX: SEX_KEY,
    MarginVariable.AGE: AGE_KEY,
}
