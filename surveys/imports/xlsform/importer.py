"""An XLSForm file read into a new survey of an organisation's municipality, all or nothing.

The plan lists what will be created (sections, questions, languages, conditions, bank links)
for the preview; any row the platform cannot represent is an error naming sheet, row and
column, and then nothing is created."""

from collections.abc import Iterator, Sequence
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from core.imports import Change, Importer, ImportFile, Plan, Sheet, Workbook
from core.imports.plan import ProgressCallback
from organisations.models import Organisation
from surveys import conditions
from surveys.imports.xlsform import bank
from surveys.imports.xlsform.build import build_survey
from surveys.imports.xlsform.choices import ChoiceList, check_labels, read_choices
from surveys.imports.xlsform.describe import question_change, section_change, survey_change
from surveys.imports.xlsform.expressions import (
    ExpressionError,
    Known,
    combine,
    parse_constraint,
    parse_relevant,
)
from surveys.imports.xlsform.languages import SWEDISH, language
from surveys.imports.xlsform.planned import PlannedQuestion, PlannedSection, PlannedSurvey
from surveys.imports.xlsform.sheets import (
    CHOICE_COLUMNS,
    SURVEY_COLUMNS,
    Columns,
    FormLanguages,
    FormSheets,
    open_sheets,
    read_columns,
    read_rows,
    settings_values,
)
from surveys.imports.xlsform.structure import FormQuestion, FormSection, StructureReader
from surveys.models import Item, ItemKind, Section, Survey

CHOICE_KINDS = (ItemKind.SINGLE, ItemKind.MULTIPLE)


class XLSFormImporter(Importer):
    kind = "xlsform"
    suffixes = (".xlsx",)

    def __init__(self, *, organisation: Organisation, user: AbstractBaseUser | None = None) -> None:
        super().__init__(target=organisation, user=user)
        self.organisation = organisation
        self.survey: Survey | None = None

    # Planning

    def changes(self, source: ImportFile, plan: Plan) -> Iterator[Change]:
        if not self.organisation.municipality_id:
            plan.errors.refuse(
                _(
                    "%(org)s hör inte till någon kommun. En undersökning gäller en kommun: "
                    "välj kommunens organisation."
                )
                % {"org": self.organisation.name}
            )
            return
        planned = FormPlanner(self.organisation, plan).read(source)
        if planned is None or plan.errors:
            return
        self.planned = planned
        yield survey_change(planned, self.organisation)
        for number, section in enumerate(planned.sections, start=1):
            yield section_change(section, number)
            for question in section.questions:
                yield question_change(question, planned)

    # Applying

    def apply_changes(
        self, changes: Sequence[Change], on_progress: ProgressCallback | None
    ) -> None:
        planned = changes[0].payload
        self.survey = build_survey(
            planned,
            organisation=self.organisation,
            user=self.user,
            file_name=self.source_name,
        )
        if on_progress is not None:
            on_progress(len(changes), len(changes))


class FormPlanner:
    """Reads the sheets and checks every row against what the platform can represent."""

    def __init__(self, organisation: Organisation, plan: Plan) -> None:
        self.organisation = organisation
        self.plan = plan
        self.errors, self.notes = plan.errors, plan.notes
        self.known: dict[str, Known] = {}

    def read(self, source: ImportFile) -> PlannedSurvey | None:
        sheets = open_sheets(Workbook(source))
        plain, titles, settings_row = settings_values(sheets.settings)
        default = plain.get("default_language", "")
        if default and language(default) is None:
            self.errors.add(
                _(
                    "Språket ”%(language)s” känns inte igen. Skriv det som ”Namn (kod)”, t.ex. ”Swedish (sv)”."
                )
                % {"language": default},
                row=settings_row,
                column="default_language",
                sheet=sheets.settings.name,
            )
            return None
        self.languages = FormLanguages(default)
        if not self.read_headers(sheets):
            return None
        sections = StructureReader(self.errors, self.notes).read(
            read_rows(sheets.survey, self.survey_columns)
        )
        self.lists: dict[str, ChoiceList] = {}
        if sheets.choices is not None:
            self.lists = read_choices(
                list(read_rows(sheets.choices, self.choice_columns)), self.errors
            )
        title = self.title(titles, source)
        if not self.has_swedish():
            return None
        if self.survey_columns.bare and not default:
            self.notes.add(
                _(
                    "Kolumnen label har inget språk och läses som svenska. Ange default_language "
                    "på bladet settings om den är på ett annat språk."
                ),
                row=sheets.survey.header_row,
                column="label",
                sheet=sheets.survey.name,
            )
        if not sections:
            self.errors.refuse(_("Formuläret har inga frågor."))
            return None
        return self.planned(sections, title)

    def read_headers(self, sheets: FormSheets) -> bool:
        """The columns of the survey and choices sheets; false when one that is needed lacks."""
        survey = sheets.survey
        self.survey_sheet = survey.name
        self.survey_columns = read_columns(
            survey, SURVEY_COLUMNS, self.languages, self.errors, self.notes
        )
        self.require(self.survey_columns, ("type", "name"), survey)
        if "label" not in {base for base, _code in self.survey_columns.texts}:
            self.errors.add(
                _("Bladet saknar kolumner för frågornas text (label eller label::Svenska (sv))."),
                row=survey.header_row,
                column="label",
                sheet=survey.name,
            )
        self.choice_columns: Columns | None = None
        self.choice_sheet = sheets.choices.name if sheets.choices else "choices"
        if sheets.choices is not None:
            self.choice_columns = read_columns(
                sheets.choices, CHOICE_COLUMNS, self.languages, self.errors, self.notes, ("label",)
            )
            self.require(self.choice_columns, ("list_name", "name"), sheets.choices)
        return not self.errors

    def require(self, columns: Columns, roles: tuple[str, ...], sheet: Sheet) -> None:
        for role in roles:
            if role not in columns.roles:
                self.errors.add(
                    _("Kolumnen saknas i rubrikraden."),
                    row=sheet.header_row,
                    column=role,
                    sheet=sheet.name,
                )

    def planned(self, sections: list[FormSection], title: dict[str, str]) -> PlannedSurvey:
        names = [q.name for s in sections for q in s.questions]
        self.bank = bank.bank_items(self.organisation, names)
        self.area_codes = set(self.organisation.municipality.areas.values_list("code", flat=True))
        self.taken = self.taken_codes(names)
        planned = PlannedSurvey(title=title, languages=self.languages.ordered())
        for section in sections:
            planned.sections.append(self.section(section))
        return planned

    def has_swedish(self) -> bool:
        if SWEDISH in self.languages.by_code:
            return True
        found = ", ".join(lang.written for lang in self.languages.ordered()) or _("inga")
        self.errors.refuse(
            _(
                "Formuläret har ingen text på svenska (språken i filen: %(languages)s). "
                "Svenska krävs: lägg till kolumnen ”label::Svenska (sv)” på bladen survey och "
                "choices, eller ange default_language = Svenska (sv) på bladet settings om "
                "kolumnen label är på svenska."
            )
            % {"languages": found}
        )
        return False

    def title(self, titles: dict[str, str], source: ImportFile) -> dict[str, str]:
        title = {}
        for written, text in titles.items():
            found = self.languages.resolve(written) if text else None
            if found is not None:
                title[found.code] = text
        if not title.get(SWEDISH):
            fallback = Path(source.name).stem.replace("_", " ").strip() or _(
                "Trygghetsundersökning"
            )
            title[SWEDISH] = fallback
            self.notes.add(
                _(
                    "Formuläret saknar form_title på svenska (bladet settings); undersökningen "
                    "får rubriken ”%(title)s”. Du kan ändra den i byggaren."
                )
                % {"title": fallback}
            )
        return title

    def taken_codes(self, names: list[str]) -> set[str]:
        """Codes that an own item may not take: every existing item's, in any organisation."""
        candidates = set(names)
        slug = self.organisation.municipality.slug.replace("-", "_")
        return set(Item.objects.filter(code__in=candidates).values_list("code", flat=True)) | set(
            Item.objects.filter(code__contains=f"_{slug}").values_list("code", flat=True)
        )

    # Sections and questions

    def section(self, form: FormSection) -> PlannedSection:
        group_condition = None
        if form.relevant:
            group_condition = self.relevant(form.relevant, form.row, self.known)
        planned = PlannedSection(form=form, kind=Section.Kind.PAGE, title=dict(form.labels))
        if form.row is not None and form.labels and not form.labels.get(SWEDISH):
            self.error(
                form.row,
                self.survey_columns.text_header("label", SWEDISH),
                _("Gruppen saknar rubrik på svenska."),
            )
        for question in form.questions:
            planned_question = self.question(question, group_condition)
            if planned_question is not None:
                planned.questions.append(planned_question)
        if self.is_matrix(form):
            planned.kind = Section.Kind.MATRIX
        elif form.appearance == "table-list":
            self.notes.add(
                _(
                    "Gruppen ”%(name)s” har appearance table-list, men frågorna är inte "
                    "select_one med samma svarslista; den blir en vanlig sida."
                )
                % {"name": form.name},
                row=form.row,
                column="appearance",
                sheet=self.survey_sheet,
            )
        return planned

    @staticmethod
    def is_matrix(form: FormSection) -> bool:
        lists = {q.list_name for q in form.questions}
        return (
            form.may_be_matrix
            and len(form.questions) >= 2
            and all(q.kind == ItemKind.SINGLE for q in form.questions)
            and len(lists) == 1
        )

    def error(self, row: int | None, column: str, message: str) -> None:
        self.errors.add(message, row=row, column=column, sheet=self.survey_sheet)

    def question(self, form: FormQuestion, group_condition: dict | None) -> PlannedQuestion | None:
        problems = len(self.errors)
        planned = PlannedQuestion(form=form, kind=form.kind)
        self.texts(form, planned)
        choices = self.choices(form)
        planned.options = choices.options() if choices else []
        limits = self.constraints(form)
        planned.constraints = limits
        own = self.relevant(form.relevant, form.row, self.known) if form.relevant else None
        planned.show_if = combine(group_condition, own)
        self.link(form, planned, choices, limits)
        if planned.show_if is not None:
            self.check_condition(form, planned.show_if)
        if form.kind != ItemKind.NOTE:
            values = planned.option_values() if form.kind in CHOICE_KINDS else None
            kind = (
                ItemKind.SINGLE
                if planned.bank_version and planned.bank_version.item.kind == ItemKind.AREA
                else form.kind
            )
            self.known[form.name] = Known(kind, frozenset(values) if values is not None else None)
        return planned if len(self.errors) == problems else None

    def texts(self, form: FormQuestion, planned: PlannedQuestion) -> None:
        columns = self.survey_columns
        if not form.labels.get(SWEDISH):
            self.error(
                form.row, columns.text_header("label", SWEDISH), _("Frågan saknar text på svenska.")
            )
        for base, texts in (("label", form.labels), ("hint", form.hints)):
            for code, text in texts.items():
                if "${" in text:
                    self.error(
                        form.row,
                        columns.text_header(base, code),
                        _(
                            "Texten hänvisar till ett annat svar (${…}); det stöds inte. Skriv "
                            "texten utan hänvisningen."
                        ),
                    )
        planned.wording = dict(form.labels)
        planned.help = dict(form.hints)

    def choices(self, form: FormQuestion) -> ChoiceList | None:
        if form.kind not in CHOICE_KINDS:
            return None
        choices = self.lists.get(form.list_name)
        if choices is None or not choices.choices:
            where = (
                _("på bladet choices") if self.choice_columns else _("och bladet choices saknas")
            )
            self.error(
                form.row,
                "type",
                _("Svarslistan ”%(list)s” finns inte %(where)s.")
                % {"list": form.list_name, "where": where},
            )
            return None
        check_labels(choices, self.choice_columns, self.errors, self.choice_sheet)
        return choices

    def constraints(self, form: FormQuestion) -> dict:
        limits: dict = {"integer": True} if form.integer else {}
        if not form.constraint:
            return limits
        if form.kind not in (ItemKind.NUMBER, ItemKind.TEXT):
            self.error(
                form.row, "constraint", _("Begränsningar går bara att läsa in för tal och text.")
            )
            return limits
        try:
            limits.update(parse_constraint(form.constraint, form.kind, integer=form.integer))
        except ExpressionError as error:
            self.error(form.row, "constraint", str(error))
        return limits

    def relevant(self, text: str, row: int | None, known: dict[str, Known]) -> dict | None:
        try:
            return parse_relevant(text, known)
        except ExpressionError as error:
            self.error(row, "relevant", str(error))
            return None

    def check_condition(self, form: FormQuestion, condition: dict) -> None:
        known = {
            k: (set(v.values) if v.values is not None else None) for k, v in self.known.items()
        }
        for problem in conditions.problems(condition, known):
            self.error(
                form.row,
                "relevant",
                _("Villkoret går inte att använda: %(problem)s.") % {"problem": problem},
            )

    def link(
        self, form: FormQuestion, planned: PlannedQuestion, choices: ChoiceList | None, limits: dict
    ) -> None:
        item = self.bank.get(form.name)
        if item is not None:
            values = choices.values() if choices else []
            found = bank.match(item, form.kind, values, limits, self.area_codes)
            if found.version is not None:
                planned.bank_version = found.version
                planned.kind = item.kind
                self.bank_notes(form, planned)
                return
            planned.bank_note = found.reason
        planned.item_code = bank.own_code(form.name, self.organisation, self.taken)
        self.taken.add(planned.item_code)
        if item is not None:
            self.notes.add(
                _(
                    "Frågan ”%(name)s” har samma namn som frågan ”%(code)s” i frågebanken, men "
                    "%(reason)s. Den läses in som en egen fråga med koden ”%(own)s”, så svaren "
                    "jämförs inte med frågebankens. Använd samma svarsalternativ som i "
                    "frågebanken om svaren ska kunna jämföras."
                )
                % {
                    "name": form.name,
                    "code": item.code,
                    "reason": found.reason,
                    "own": planned.item_code,
                },
                row=form.row,
                column="name",
                sheet=self.survey_sheet,
            )

    def bank_notes(self, form: FormQuestion, planned: PlannedQuestion) -> None:
        version = planned.bank_version
        lacking = [
            self.languages.by_code[code].written
            for code in form.labels
            if code not in version.wording and code in self.languages.by_code
        ]
        if lacking:
            self.notes.add(
                _(
                    "Frågan ”%(name)s” hämtas ur frågebanken, som saknar text på %(languages)s; "
                    "de svarande på de språken ser frågebankens svenska text. Texterna i filen "
                    "används inte."
                )
                % {"name": form.name, "languages": ", ".join(lacking)},
                row=form.row,
                column="name",
                sheet=self.survey_sheet,
            )
