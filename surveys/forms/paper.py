"""The paper questionnaire entry form: every question of the survey on one page, validated with
the same rules as the web form (surveys.validation.clean_answers)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from organisations.models import Area
from surveys.conditions import referenced_keys
from surveys.models import Question, SurveyLanguage, translated
from surveys.validation import QuestionSpec, clean_answers

FIELD_PREFIX = "q_"
CONFIRM_FIELD = "utan_svar"


class PaperHeaderForm(forms.Form):
    """Where the questionnaire came from and in which language it was printed. Kept between
    entries, since a pile of envelopes usually comes from one area."""

    area = forms.ChoiceField(
        label=gettext_lazy("Område"),
        required=False,
        help_text=gettext_lazy("Området som enkäten skickades till (står på svarskuvertet)."),
    )
    language = forms.ChoiceField(label=gettext_lazy("Enkätens språk"))

    def __init__(
        self,
        data: QueryDict | None,
        *,
        areas: Sequence[Area],
        languages: Sequence[SurveyLanguage],
        initial: Mapping | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.fields["area"].choices = [("", _("Okänt område"))] + [
            (str(a.pk), a.name) for a in areas
        ]
        self.fields["language"].choices = [(lang.code, lang.name) for lang in languages]
        self.areas = {str(a.pk): a for a in areas}

    def area_id(self) -> int | None:
        chosen = self.areas.get(self.cleaned_data.get("area") or "")
        return chosen.pk if chosen else None


@dataclass
class PaperQuestion:
    """One question as the entry form shows it."""

    number: int | None
    key: str
    kind: str
    text: str
    help: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    scale_labels: tuple[str, str] = ("", "")
    condition: str = ""
    error: str = ""

    @property
    def name(self) -> str:
        return FIELD_PREFIX + self.key

    @property
    def value(self) -> str:
        return self.values[0] if self.values else ""


@dataclass
class PaperSection:
    title: str
    questions: list[PaperQuestion]


class PaperQuestionnaire:
    """The answers typed from one paper questionnaire. `is_valid()` runs the shared validation;
    afterwards `answers` holds what is stored and each question's `error` what to correct.
    A question left blank on paper stays blank: required questions are not enforced, since staff
    cannot answer for the respondent."""

    def __init__(
        self,
        questions: Sequence[Question],
        specs: Sequence[QuestionSpec],
        areas: Sequence[Area],
        data: QueryDict | None = None,
    ) -> None:
        self.language = (get_language() or "sv")[:2]
        self.specs = list(specs)
        self.data = data
        self.raw = {
            spec.key: data.getlist(FIELD_PREFIX + spec.key) if data else [] for spec in self.specs
        }
        self.area_choices = [(a.code, a.name) for a in areas]
        self.questions: dict[str, PaperQuestion] = {}
        self.sections = self._sections(questions)
        self.answers: dict[str, object] = {}
        self.errors: dict[str, str] = {}
        self.non_field_error = ""
        self.dropped: list[str] = []

    def _sections(self, questions: Sequence[Question]) -> list[PaperSection]:
        sections: list[PaperSection] = []
        numbers: dict[str, int] = {}
        for question, spec in zip(questions, self.specs, strict=True):
            if not sections or sections[-1].title != self._title(question):
                sections.append(PaperSection(self._title(question), []))
            if spec.kind != "note":
                numbers[spec.key] = len(numbers) + 1
            row = self._row(question, spec, numbers)
            self.questions[spec.key] = row
            sections[-1].questions.append(row)
        return sections

    def _title(self, question: Question) -> str:
        return translated(question.section.title, self.language)

    def _row(self, question: Question, spec: QuestionSpec, numbers: dict) -> PaperQuestion:
        version = question.item_version
        limits = version.constraints or {}
        options = [(v, version.option_label(v, self.language)) for v in spec.options]
        if spec.kind in ("area", "point"):
            options = self.area_choices
        return PaperQuestion(
            number=numbers.get(spec.key),
            key=spec.key,
            kind=spec.kind,
            text=version.text(self.language),
            help=version.help_text(self.language),
            options=options,
            values=self.raw[spec.key],
            minimum=spec.minimum,
            maximum=spec.maximum,
            integer=spec.integer or spec.kind == "scale",
            scale_labels=(
                translated(limits.get("min_label"), self.language),
                translated(limits.get("max_label"), self.language),
            ),
            condition=self._describe(spec.show_if, numbers),
        )

    def _describe(self, condition: Mapping | None, numbers: dict) -> str:
        if not condition:
            return ""
        asked = sorted(numbers[k] for k in referenced_keys(condition) if k in numbers)
        shown = ", ".join(str(n) for n in asked) or "–"
        return _(
            "Besvaras bara vid vissa svar på fråga %(numbers)s; annars sparas svaret inte."
        ) % {"numbers": shown}

    def is_valid(self) -> bool:
        result = clean_answers(self.specs, self.raw, check_required=False)
        self.answers, self.errors = result.answers, result.errors
        for key, message in self.errors.items():
            self.questions[key].error = message
        typed = {key for key, values in self.raw.items() if any(v.strip() for v in values)}
        self.dropped = [key for key in self.raw if key in typed and key not in result.shown]
        if self.errors:
            return False
        if not self.answers:
            self.non_field_error = _(
                "Inga svar är ifyllda. Skriv in svaren från enkäten, eller avbryt om den är tom."
            )
        elif self.dropped and self.data.get(CONFIRM_FIELD) != self.dropped_token:
            # Answers to questions the routing skips are not stored; say so before saving.
            self.non_field_error = ngettext(
                "Fråga %(numbers)s ska bara besvaras vid vissa svar på en tidigare fråga, och "
                "svaret på den sparas inte. Kontrollera den tidigare frågan. Stämmer allt, "
                "spara igen så registreras enkäten utan det svaret.",
                "Frågorna %(numbers)s ska bara besvaras vid vissa svar på tidigare frågor, och "
                "svaren på dem sparas inte. Kontrollera de tidigare frågorna. Stämmer allt, "
                "spara igen så registreras enkäten utan de svaren.",
                len(self.dropped),
            ) % {"numbers": ", ".join(str(self.questions[k].number) for k in self.dropped)}
            for key in self.dropped:
                self.questions[key].error = _("Svaret sparas inte med svaren på frågorna före.")
        return not self.non_field_error

    @property
    def dropped_token(self) -> str:
        """Which answers the staff member agreed to leave out (the next save confirms them)."""
        return ",".join(self.dropped)

    @property
    def is_bound(self) -> bool:
        return self.data is not None

    @property
    def first_key(self) -> str:
        """The first question to answer: it takes the focus when the page opens."""
        return next((s.key for s in self.specs if s.kind != "note"), "")

    def error_list(self) -> list[tuple[PaperQuestion, str]]:
        return [(self.questions[key], message) for key, message in self.errors.items()]
