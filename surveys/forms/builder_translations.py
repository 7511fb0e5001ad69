"""The translator's page: every text of a survey in one language, in one form.

Each row shows the Swedish source next to the field; texts that live in the bank (or are locked
while a wave is open) are shown, not offered for editing (see surveys.builder.translations).
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _

from surveys.answer_texts import (
    CATALOGUE_LANGUAGES,
    PLACEHOLDER,
    UI_TEXTS,
    catalogue_texts,
    english_defaults,
)
from surveys.builder.translations import (
    FROM_BANK,
    IN_ITEM,
    LOCKED,
    OLDER_VERSION,
    ON_SURVEY,
    QuestionTexts,
    current_texts,
    where_texts_live,
)
from surveys.models import ItemKind, Question, Section, Survey, SurveyLanguage, translated


def placeholder_problem(key: str, text: str) -> str:
    """Why a translator's `text` for `key` cannot be shown (its placeholders differ from the
    Swedish text's, or a lone % would break the filling in), or "" when it can."""
    source = catalogue_texts("sv")[key]
    wanted = set(PLACEHOLDER.findall(source))
    if not wanted:
        return ""
    try:
        text % dict.fromkeys(wanted, "")
    except (KeyError, ValueError, TypeError):
        pass
    else:
        if set(PLACEHOLDER.findall(text)) == wanted:
            return ""
    return _(
        "Behåll platshållarna %(names)s precis som i originalet (skriv %%%% för ett procenttecken)."
    ) % {"names": ", ".join(f"%({name})s" for name in sorted(wanted))}


@dataclass
class Row:
    label: str
    source: str
    name: str = ""  # the form field, or "" for a text shown only
    shown: str = ""
    field: object = None  # the bound field


@dataclass
class Group:
    title: str
    rows: list[Row] = field(default_factory=list)
    note: str = ""


def _note(mode: str) -> str:
    messages = {
        FROM_BANK: _("Texten kommer från frågebanken, som har frågan på språket."),
        IN_ITEM: _(
            "Egen fråga: översättningen sparas i frågebanken och kan användas i andra "
            "undersökningar."
        ),
        OLDER_VERSION: _(
            "Frågan använder en äldre version av den egna frågan. Byt till den senaste "
            "versionen i byggaren för att översätta den."
        ),
        LOCKED: _("En omgång är öppen för svar: frågornas texter kan inte ändras just nu."),
    }
    return messages.get(mode, "")


class TranslationForm(forms.Form):
    def __init__(
        self,
        *args: object,
        survey: Survey,
        language: SurveyLanguage,
        sections: list[Section],
        questions: list[Question],
        locked: bool,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.survey, self.language = survey, language
        self.sections, self.questions = sections, questions
        self.modes = {q.pk: where_texts_live(q, language.code, locked) for q in questions}
        self.shared_options: dict[str, str] = {}  # Swedish label → field name
        self.groups: list[Group] = [self._survey_group()]
        shared = self._shared_options_group()
        if shared.rows:
            self.groups.append(shared)
        for section in sections:
            self.groups.append(self._section_group(section))
            self.groups += [
                self._question_group(q) for q in questions if q.section_id == section.pk
            ]
        if language.code not in CATALOGUE_LANGUAGES:
            self.groups.append(self._ui_group())

    def _text(self, name: str, label: str, source: str, initial: str, long: bool = False) -> Row:
        attrs = {"lang": self.language.code, "dir": "rtl" if self.language.rtl else "ltr"}
        if source != label:  # the Swedish source is shown as a hint under the label
            attrs["aria-describedby"] = f"id_{name}_helptext"
        widget = forms.Textarea(attrs={**attrs, "rows": 2}) if long else forms.TextInput(attrs)
        self.fields[name] = forms.CharField(
            label=label, required=False, max_length=4000, initial=initial, widget=widget
        )
        return Row(label=label, source=source, name=name, field=self[name])

    def _survey_group(self) -> Group:
        code, survey = self.language.code, self.survey
        group = Group(_("Undersökningen"))
        for name, label, long in (
            ("title", _("Rubrik"), False),
            ("intro", _("Inledning"), True),
            ("thanks", _("Tack-text"), True),
        ):
            texts = getattr(survey, name) or {}
            group.rows.append(
                self._text(f"survey_{name}", label, texts.get("sv", ""), texts.get(code, ""), long)
            )
        return group

    def _section_group(self, section: Section) -> Group:
        code = self.language.code
        group = Group(_("Avsnitt: %(title)s") % {"title": translated(section.title, "sv")})
        group.rows.append(
            self._text(
                f"section_{section.pk}_title",
                _("Rubrik"),
                section.title.get("sv", ""),
                section.title.get(code, ""),
            )
        )
        if section.intro.get("sv"):
            group.rows.append(
                self._text(
                    f"section_{section.pk}_intro",
                    _("Inledning"),
                    section.intro["sv"],
                    section.intro.get(code, ""),
                    long=True,
                )
            )
        return group

    def _shared_options_group(self) -> Group:
        """Options of the bank's batteries repeat ("Ett mycket stort problem" in 14 questions):
        where the survey keeps the texts, each distinct Swedish option is translated once."""
        group = Group(
            _("Svarsalternativ"),
            note=_(
                "Varje svarsalternativ står här en gång, också när flera frågor har det, och "
                "översättningen gäller alla frågorna."
            ),
        )
        code, current = self.language.code, {}
        for question in self.questions:
            if self.modes[question.pk] != ON_SURVEY:
                continue
            now = current_texts(question, code).options or {}
            for option in question.item_version.options:
                label = option["label"].get("sv", "")
                if label and not current.get(label):
                    current[label] = now.get(option["value"], "")
        for number, (label, text) in enumerate(current.items()):
            name = f"option_{number}"
            self.shared_options[label] = name
            group.rows.append(self._text(name, label, label, text))
        return group

    def _question_group(self, question: Question) -> Group:
        mode, code = self.modes[question.pk], self.language.code
        version = question.item_version
        now = current_texts(question, code)
        group = Group(_("Fråga %(key)s") % {"key": question.key}, note=_note(mode))
        editable = mode in (ON_SURVEY, IN_ITEM)
        prefix = f"q{question.pk}_"

        def row(name: str, label: str, source: str, current: str, long: bool = False) -> None:
            if not source:
                return
            if editable:
                group.rows.append(self._text(prefix + name, label, source, current, long))
            else:
                group.rows.append(Row(label=label, source=source, shown=current))

        row("wording", _("Frågetext"), version.wording.get("sv", ""), now.wording, long=True)
        row("help", _("Hjälptext"), (version.help or {}).get("sv", ""), now.help)
        for option in version.options if mode != ON_SURVEY else []:
            row(
                f"opt_{option['value']}",
                _("Svarsalternativ ”%(value)s”") % {"value": option["value"]},
                option["label"].get("sv", ""),
                (now.options or {}).get(option["value"], ""),
            )
        if version.item.kind == ItemKind.SCALE:
            limits = version.constraints or {}
            for end, label in (
                ("min_label", _("Text vid lägsta värdet")),
                ("max_label", _("Text vid högsta värdet")),
            ):
                row(end, label, (limits.get(end) or {}).get("sv", ""), getattr(now, end))
        return group

    def _ui_group(self) -> Group:
        english = english_defaults()
        group = Group(
            _("Texter på svarssidan"),
            note=_(
                "Knappar och meddelanden som de som svarar ser. Förifyllda med engelska: skriv "
                "över dem på språket."
            ),
        )
        for key, source in UI_TEXTS.items():
            current = (self.language.ui or {}).get(key) or english[key]
            group.rows.append(self._text(f"ui_{key}", english[key], str(source), current))
        return group

    def survey_texts(self) -> dict[str, str]:
        return {n: self.cleaned_data[f"survey_{n}"].strip() for n in ("title", "intro", "thanks")}

    def section_texts(self) -> dict[int, dict[str, str]]:
        data = self.cleaned_data
        return {
            s.pk: {
                "title": data.get(f"section_{s.pk}_title", "").strip(),
                "intro": data.get(
                    f"section_{s.pk}_intro", s.intro.get(self.language.code, "")
                ).strip(),
            }
            for s in self.sections
        }

    def question_texts(self) -> dict[int, QuestionTexts]:
        data, texts = self.cleaned_data, {}
        for question in self.questions:
            if self.modes[question.pk] not in (ON_SURVEY, IN_ITEM):
                continue
            prefix = f"q{question.pk}_"
            texts[question.pk] = QuestionTexts(
                wording=data.get(prefix + "wording", "").strip(),
                help=data.get(prefix + "help", "").strip(),
                options={
                    o["value"]: data.get(self._option_field(question, o), "").strip()
                    for o in question.item_version.options
                },
                min_label=data.get(prefix + "min_label", "").strip(),
                max_label=data.get(prefix + "max_label", "").strip(),
            )
        return texts

    def _option_field(self, question: Question, option: dict) -> str:
        if self.modes[question.pk] == ON_SURVEY:
            return self.shared_options.get(option["label"].get("sv", ""), "")
        return f"q{question.pk}_opt_{option['value']}"

    def clean(self) -> dict:
        data = super().clean()
        for key in UI_TEXTS:
            text = (data.get(f"ui_{key}") or "").strip()
            problem = placeholder_problem(key, text) if text else ""
            if problem:
                self.add_error(f"ui_{key}", problem)
        return data

    def ui(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"ui_{key}", "").strip() for key in UI_TEXTS}
