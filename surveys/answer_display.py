"""What the answer templates show for each question, in the respondent's language: labels,
hints, choices with what was typed, and the answers read back on the summary page. The builder's
preview (surveys.builder.preview) renders the same `QuestionView`s with
templates/surveys/answer/_question.html, which needs `q` (a QuestionView) and `ui`
(surveys.answer_texts.ui_texts); a page with a map also includes "maps/assets.html" once.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format

from core.maps import MapBlock, MapTexts, municipality_background
from surveys import conditions
from surveys.answering import Questionnaire
from surveys.models import Question, Section
from surveys.validation import QuestionSpec

# Scales up to this many steps are radio buttons; longer ones a number field.
MAX_SCALE_RADIOS = 11
# Areas up to this many are radio buttons; more are a drop-down list.
MAX_AREA_RADIOS = 12


@dataclass
class Choice:
    value: str
    label: str
    id: str
    checked: bool = False


@dataclass
class QuestionView:
    key: str
    kind: str
    widget: str  # radios | checkboxes | scale | number | text | point | area_radios | area_select | note
    label: str
    required: bool
    help: str = ""
    hints: list[str] = field(default_factory=list)
    error: str = ""
    choices: list[Choice] = field(default_factory=list)
    value: str = ""
    limit: int = 0
    integer: bool = False
    map: MapBlock | None = None
    map_choice: Choice | None = None
    # "sv" where the question has no text in the page's language and is shown in Swedish.
    text_lang: str = ""

    @property
    def id(self) -> str:
        return f"q-{self.key}"

    @property
    def anchor(self) -> str:
        """Where the error summary links to: the first thing to answer with."""
        return self.choices[0].id if self.choices else self.id

    @property
    def uses_fieldset(self) -> bool:
        return self.widget in ("radios", "checkboxes", "scale", "point", "area_radios")

    @property
    def described_by(self) -> str:
        ids = [f"{self.id}-hint"] if self.help or self.hints else []
        return " ".join(ids + ([f"{self.id}-error"] if self.error else []))


@dataclass
class DisplayContext:
    """What every question on a page needs: language, texts, areas, municipality."""

    language: str
    ui: Mapping[str, str]
    questionnaire: Questionnaire
    # Keys of the other questions shown on the same page: a question depending on one of them
    # says when to answer it (answering.split_pages puts such a question on a page of its own,
    # so this holds only for pages built some other way).
    page_keys: frozenset[str] = frozenset()


def _plain(number: float | int) -> str:
    """A number as the respondent's language writes it, grouped: "2 000", "2,000"."""
    value = int(number) if float(number).is_integer() else number
    return number_format(value, force_grouping=True)


def _choices(key: str, options: Sequence[tuple[str, str]], raw: Sequence[str]) -> list[Choice]:
    return [
        Choice(value, label, f"q-{key}-{i}", value in raw)
        for i, (value, label) in enumerate(options)
    ]


def _number_hint(spec: QuestionSpec, ui: Mapping[str, str]) -> str:
    low, high = spec.minimum, spec.maximum
    if low is not None and high is not None:
        return ui["number_range"] % {"min": _plain(low), "max": _plain(high)}
    if low is not None:
        return ui["number_min"] % {"min": _plain(low)}
    if high is not None:
        return ui["number_max"] % {"max": _plain(high)}
    return ""


def _show_if_hint(question: Question, ctx: DisplayContext) -> str:
    """On a page built before the answer it depends on was typed."""
    condition = question.show_if or {}
    if condition.get("op") != "in" or len(condition.get("values", [])) != 1:
        return ""
    source = next((q for q in ctx.questionnaire.questions if q.key == condition["q"]), None)
    if source is None:
        return ""
    return ctx.ui["show_if_hint"] % {
        "answer": source.option_label(condition["values"][0], ctx.language),
        "question": source.text(ctx.language),
    }


def _point(view: QuestionView, raw: Sequence[str], ctx: DisplayContext) -> None:
    q = ctx.questionnaire
    ui = ctx.ui
    typed = raw[0] if raw else ""
    areas = [(a.code, a.name) for a in q.areas]
    view.choices = [Choice("", ui["point_skip"], f"{view.id}-0", typed == "")] + [
        Choice(code, name, f"{view.id}-{i}", typed == code)
        for i, (code, name) in enumerate(areas, start=1)
    ]
    marker = None
    if typed and typed not in dict(areas) and "," in typed:
        try:
            marker = tuple(float(part) for part in typed.split(",", 1))
        except ValueError:
            marker = None
    view.map_choice = Choice(
        typed if marker else "", ui["point_marked"], f"{view.id}-map", bool(marker)
    )
    view.map = MapBlock(
        id=f"{view.id}-map-block",
        texts=MapTexts(
            label=ui["map_label"],
            help=ui["map_help"],
            place_centre=ui["map_place_centre"],
            remove=ui["map_remove"],
            marked=ui["map_marked"],
            none=ui["map_none"],
            marker=ui["map_marker"],
            zoom_in=ui["map_zoom_in"],
            zoom_out=ui["map_zoom_out"],
        ),
        features=municipality_background(q.municipality, q.areas),
        input_id=view.map_choice.id,
        marker=marker,
    )
    if areas:
        view.hints.append(ui["point_areas"])


def question_view(
    question: Question,
    spec: QuestionSpec,
    raw: Sequence[str],
    ctx: DisplayContext,
    error: str = "",
) -> QuestionView:
    version = question.item_version
    ui, language = ctx.ui, ctx.language
    view = QuestionView(
        key=question.key,
        kind=spec.kind,
        widget=spec.kind,
        label=question.text(language),
        required=spec.required,
        help=question.help_text(language),
        error=error,
        value=raw[0] if raw else "",
    )
    if language != "sv" and view.label == question.text("sv"):
        view.text_lang = "sv"
    if spec.kind in ("single", "multiple"):
        view.widget = "radios" if spec.kind == "single" else "checkboxes"
        options = [(o["value"], o["label"]) for o in question.options_in(language)]
        view.choices = _choices(question.key, options, raw)
    elif spec.kind in ("scale", "number"):
        view.integer = spec.integer or spec.kind == "scale"
        limits = version.constraints or {}
        steps = (spec.maximum or 0) - (spec.minimum or 0) + 1
        if spec.kind == "scale" and spec.minimum is not None and 1 < steps <= MAX_SCALE_RADIOS:
            view.widget = "scale"
            values = [str(int(spec.minimum) + i) for i in range(int(steps))]
            view.choices = _choices(question.key, [(v, v) for v in values], raw)
            if limits.get("min_label") and limits.get("max_label"):
                view.hints.append(
                    ui["scale_ends"]
                    % {
                        "min": values[0],
                        "max": values[-1],
                        "min_label": question.scale_label("min_label", language),
                        "max_label": question.scale_label("max_label", language),
                    }
                )
        else:
            view.widget = "number"
            view.hints.append(_number_hint(spec, ui))
    elif spec.kind == "text":
        view.limit = spec.max_length
        view.hints.append(ui["text_limit"] % {"max": _plain(spec.max_length)})
        if view.help == ui["text_warning"]:
            view.help = ""
    elif spec.kind == "point":
        _point(view, raw, ctx)
    elif spec.kind == "area":
        areas = [(a.code, a.name) for a in ctx.questionnaire.areas]
        view.widget = "area_radios" if len(areas) <= MAX_AREA_RADIOS else "area_select"
        view.choices = _choices(question.key, areas, raw)
    if question.show_if and conditions.referenced_keys(question.show_if) & ctx.page_keys:
        view.hints.insert(0, _show_if_hint(question, ctx))
    view.hints = [h for h in view.hints if h]
    return view


def answer_text(question: Question, value: object, ctx: DisplayContext) -> str:
    """An answer read back on the summary page, in the respondent's language."""
    version = question.item_version
    kind = version.item.kind
    if value is None:
        return ctx.ui["not_answered"]
    if kind in ("single", "multiple"):
        values = value if isinstance(value, list) else [value]
        return ", ".join(question.option_label(v, ctx.language) for v in values)
    if kind in ("scale", "number"):
        return _plain(value)
    if kind in ("area", "point") and isinstance(value, str):
        return ctx.questionnaire.area_names().get(value, value)
    if kind == "point":
        return ctx.ui["a_place"]
    return str(value)


def matrix_layout(section: Section, views: list[QuestionView]) -> dict | None:
    """A matrix page whose items all use one scale: the scale's labels, the stem the items'
    wordings share (a bank item's wording is the stem followed by its short text, its help),
    and each row labelled by its short text. None where the page is not shown as a matrix."""
    if section.kind != "matrix" or not views:
        return None
    labels = [c.label for c in views[0].choices]
    if not all(v.widget == "radios" and [c.label for c in v.choices] == labels for v in views):
        return None
    stems = {v.label[: -len(v.help)].strip() for v in views if v.help and v.label.endswith(v.help)}
    stem = stems.pop() if len(stems) == 1 and len(views) > 1 else ""
    for v in views:
        if stem and v.label.endswith(v.help):
            v.label, v.help = v.help, ""
    return {"labels": labels, "stem": stem}
