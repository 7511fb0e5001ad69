"""What an XLSForm becomes: the survey, its languages, sections and questions, checked and
ready to be written (surveys.imports.xlsform.build)."""

from dataclasses import dataclass, field

from surveys.imports.xlsform.languages import Language
from surveys.imports.xlsform.structure import FormQuestion, FormSection
from surveys.models import ItemVersion


@dataclass
class PlannedQuestion:
    form: FormQuestion
    kind: str
    bank_version: ItemVersion | None = None
    item_code: str = ""  # the own item's code (when not from the bank)
    wording: dict[str, str] = field(default_factory=dict)
    help: dict[str, str] = field(default_factory=dict)
    options: list[dict] = field(default_factory=list)
    constraints: dict = field(default_factory=dict)
    show_if: dict | None = None
    bank_note: str = ""  # why a question named like a bank item is an own item

    @property
    def key(self) -> str:
        return self.form.name

    @property
    def from_bank(self) -> bool:
        return self.bank_version is not None

    def option_values(self) -> list[str]:
        if self.bank_version is not None:
            return self.bank_version.option_values()
        return [o["value"] for o in self.options]

    def text(self, language: str = "sv") -> str:
        texts = self.bank_version.wording if self.bank_version is not None else self.wording
        return texts.get(language) or texts.get("sv", "")

    def option_label(self, value: str, language: str = "sv") -> str:
        if self.bank_version is not None:
            return self.bank_version.option_label(value, language)
        for option in self.options:
            if option["value"] == value:
                return option["label"].get(language) or option["label"].get("sv", value)
        return value


@dataclass
class PlannedSection:
    form: FormSection
    kind: str  # page | matrix
    title: dict[str, str]
    questions: list[PlannedQuestion] = field(default_factory=list)


@dataclass
class PlannedSurvey:
    title: dict[str, str]
    languages: list[Language]
    sections: list[PlannedSection] = field(default_factory=list)

    def questions(self) -> list[PlannedQuestion]:
        return [q for s in self.sections for q in s.questions]
