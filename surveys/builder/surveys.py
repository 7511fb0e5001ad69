"""Creating a survey (from the standard template or empty), its own texts and its languages;
deleting one that never collected answers."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from organisations.auditlog import audited_delete, snapshot
from organisations.models import Municipality, Organisation
from surveys.builder import BuilderError, template
from surveys.builder.audit import audit
from surveys.builder.structure import check_questionnaire
from surveys.models import (
    Item,
    ItemVersion,
    Question,
    Response,
    Section,
    Survey,
    SurveyLanguage,
    WaveStatus,
)

# Languages whose answer-page texts ship with the platform (gettext catalogues); any other one
# is added by a translator, who also writes its answer-page texts (SurveyLanguage.ui).
SHIPPED_LANGUAGES = {"sv": ("Svenska", False), "en": ("English", False), "ar": ("العربية", True)}
EMPTY = "empty"


@transaction.atomic
def create_survey(
    *,
    user: AbstractBaseUser,
    organisation: Organisation,
    municipality: Municipality,
    title: str,
    start: str,
) -> Survey:
    """A new survey in Swedish, English and Arabic; `start` is the standard template or EMPTY."""
    texts: dict[str, dict[str, str]] = {"title": {"sv": title}, "intro": {}, "thanks": {}}
    if start == template.STANDARD_TEMPLATE:
        for lang in ("en", "ar"):
            texts["title"][lang] = template.TITLE[lang] % {"place": municipality.name}
        texts["intro"] = dict(template.INTRO)
        texts["thanks"] = dict(template.THANKS)
    survey = Survey.objects.create(
        organisation=organisation, municipality=municipality, created_by=user, **texts
    )
    SurveyLanguage.objects.bulk_create(
        SurveyLanguage(survey=survey, code=code, name=name, rtl=rtl, order=order)
        for order, (code, (name, rtl)) in enumerate(SHIPPED_LANGUAGES.items())
    )
    if start == template.STANDARD_TEMPLATE:
        _apply_standard_template(survey)
    else:
        Section.objects.create(survey=survey, order=0, title=dict(template.FIRST_SECTION))
    audit(user, survey, "survey.created", after={**snapshot(survey), "start": start})
    return survey


def _latest_versions(codes: list[str]) -> dict[str, ItemVersion]:
    versions = ItemVersion.objects.filter(
        item__in=Item.objects.standard().filter(code__in=codes)
    ).select_related("item")
    latest: dict[str, ItemVersion] = {}
    for version in versions:
        current = latest.get(version.item.code)
        if current is None or version.number > current.number:
            latest[version.item.code] = version
    return latest


def _apply_standard_template(survey: Survey) -> None:
    codes = [code for section in template.SECTIONS for code in section.codes]
    versions = _latest_versions(codes)
    questions = []
    for order, spec in enumerate(template.SECTIONS):
        section = Section.objects.create(
            survey=survey, order=order, kind=spec.kind, title=spec.title, intro=spec.intro
        )
        questions += [
            Question(
                survey=survey,
                section=section,
                order=position,
                key=code,
                item_version=versions[code],
                required=code in template.REQUIRED,
                show_if=template.SHOW_IF.get(code),
            )
            for position, code in enumerate(c for c in spec.codes if c in versions)
        ]
    Question.objects.bulk_create(questions)
    check_questionnaire(survey)


@transaction.atomic
def change_survey_texts(
    *, survey: Survey, user: AbstractBaseUser, title: str, intro: str, thanks: str
) -> Survey:
    """The Swedish title, introduction and thank-you text; other languages are kept."""
    before = snapshot(survey)
    for name, value in (("title", title), ("intro", intro), ("thanks", thanks)):
        texts = dict(getattr(survey, name) or {})
        if value:
            texts["sv"] = value
        else:
            texts.pop("sv", None)
        setattr(survey, name, texts)
    survey.save()
    audit(user, survey, "survey.texts_changed", before=before, after=snapshot(survey))
    return survey


@transaction.atomic
def add_language(
    *, survey: Survey, user: AbstractBaseUser, code: str, name: str, rtl: bool
) -> SurveyLanguage:
    if survey.languages.filter(code=code).exists():
        raise BuilderError(_("Undersökningen finns redan på språket ”%(code)s”.") % {"code": code})
    order = (survey.languages.aggregate(m=Max("order"))["m"] or 0) + 1
    language = SurveyLanguage.objects.create(
        survey=survey, code=code, name=name, rtl=rtl, order=order
    )
    audit(user, survey, "survey.language_added", after=snapshot(language), detail=language)
    return language


@transaction.atomic
def remove_language(*, survey: Survey, user: AbstractBaseUser, language: SurveyLanguage) -> None:
    """Remove a language and the survey's own texts in it; the bank's texts stay in the bank."""
    if language.code == "sv":
        raise BuilderError(_("Svenska kan inte tas bort: alla undersökningar finns på svenska."))
    before = snapshot(language)
    code = language.code
    for name in ("title", "intro", "thanks"):
        getattr(survey, name).pop(code, None)
    survey.save()
    for section in survey.sections.all():
        section.title.pop(code, None)
        section.intro.pop(code, None)
        section.save(update_fields=["title", "intro"])
    for question in survey.questions.all():
        if question.translations.pop(code, None) is not None:
            question.save(update_fields=["translations"])
    language.delete()
    audit(user, survey, "survey.language_removed", before=before, detail=language)


def why_not_deletable(survey: Survey) -> str:
    """Why the survey must stay, or "" when it may be deleted: only a draft whose waves never
    opened (results, indicators and open data rest on the others)."""
    opened = survey.waves.exclude(status=WaveStatus.DRAFT).exists()
    if opened or Response.objects.filter(wave__survey=survey).exists():
        return _(
            "Undersökningen har omgångar som har varit öppna och kan inte tas bort: svaren och "
            "resultaten ska finnas kvar."
        )
    return ""


@transaction.atomic
def delete_survey(*, survey: Survey, user: AbstractBaseUser) -> None:
    """Delete a draft survey with its sections, questions, languages and unopened waves; the
    items it asked stay in the bank."""
    reason = why_not_deletable(survey)
    if reason:
        raise BuilderError(reason)
    audited_delete(survey, user=user, action="survey.deleted", parties=[survey.organisation_id])
