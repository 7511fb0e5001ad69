"""Writing an imported questionnaire: the survey, its languages, sections, own items and
questions, with one audit entry that names the file and every bank link. Runs inside the
import's transaction (core.imports.Importer.apply), so a failure leaves nothing behind."""

from django.contrib.auth.models import AbstractBaseUser

from organisations.auditlog import record, snapshot
from organisations.models import Organisation
from surveys.imports.xlsform.planned import PlannedQuestion, PlannedSurvey
from surveys.models import Item, ItemVersion, Question, Section, Survey, SurveyLanguage


def build_survey(
    planned: PlannedSurvey,
    *,
    organisation: Organisation,
    user: AbstractBaseUser | None,
    file_name: str,
) -> Survey:
    survey = Survey.objects.create(
        organisation=organisation,
        municipality=organisation.municipality,
        title=planned.title,
        created_by=user,
    )
    SurveyLanguage.objects.bulk_create(
        SurveyLanguage(survey=survey, code=lang.code, name=lang.name, rtl=lang.rtl, order=order)
        for order, lang in enumerate(planned.languages)
    )
    questions = []
    for order, planned_section in enumerate(planned.sections):
        section = Section.objects.create(
            survey=survey, order=order, kind=planned_section.kind, title=planned_section.title
        )
        for position, planned_question in enumerate(planned_section.questions):
            questions.append(
                Question(
                    survey=survey,
                    section=section,
                    order=position,
                    key=planned_question.key,
                    item_version=_version(planned_question, organisation, user),
                    required=planned_question.form.required,
                    show_if=planned_question.show_if,
                )
            )
    Question.objects.bulk_create(questions)
    record(
        actor=user,
        action="survey.imported_xlsform",
        obj=survey,
        parties=[organisation.pk],
        after={
            **snapshot(survey),
            "file": file_name,
            "languages": [lang.code for lang in planned.languages],
            "questions": [_audit_line(q) for q in planned.questions()],
        },
    )
    return survey


def _version(
    planned: PlannedQuestion, organisation: Organisation, user: AbstractBaseUser | None
) -> ItemVersion:
    if planned.bank_version is not None:
        return planned.bank_version
    item = Item.objects.create(code=planned.item_code, organisation=organisation, kind=planned.kind)
    return ItemVersion.objects.create(
        item=item,
        number=1,
        wording=planned.wording,
        help=planned.help,
        options=planned.options,
        constraints=planned.constraints,
        created_by=user,
    )


def _audit_line(planned: PlannedQuestion) -> str:
    if planned.bank_version is not None:
        return f"{planned.key} ← {planned.bank_version}"
    return f"{planned.key} ({planned.item_code})"
