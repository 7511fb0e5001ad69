"""Translating a survey into one of its languages, on one page.

Where each text lives:
- the survey's title, introduction and thank-you text, and the sections' titles and
  introductions: on the survey and its sections, per language;
- a standard item's wording, help and options: in the bank's version when the version has the
  language (Swedish, English and Arabic ship with the bank; read-only here). For any other
  language the survey keeps its own translation on the question (Question.translations), so one
  municipality's Somali translation never changes the bank that every municipality shares;
- an own item's texts: in the item's version, through the bank's new-version rule
  (services.edit_item), so other surveys that ask the item reuse the translation, and a wording
  that a wave has asked is never changed in place;
- the answer page's buttons and messages for a language the platform does not ship:
  SurveyLanguage.ui (see surveys.answer_texts).
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from surveys.answer_texts import CATALOGUE_LANGUAGES, UI_TEXTS
from surveys.builder.audit import audit
from surveys.builder.locks import questionnaire_lock
from surveys.models import ItemKind, Question, Section, Survey, SurveyLanguage
from surveys.services import edit_item

FROM_BANK = "bank"  # read-only: the bank's version has the language
ON_SURVEY = "survey"  # stored on the question
IN_ITEM = "item"  # stored in the own item's version
OLDER_VERSION = "older_version"  # read-only: the question asks an older version of its item
LOCKED = "locked"  # read-only: a wave is open


@dataclass
class QuestionTexts:
    wording: str = ""
    help: str = ""
    options: dict[str, str] | None = None
    min_label: str = ""
    max_label: str = ""


def where_texts_live(question: Question, language: str, locked: bool) -> str:
    version = question.item_version
    if locked:
        return LOCKED
    if version.item.is_standard:
        return FROM_BANK if version.wording.get(language) else ON_SURVEY
    latest = version.item.latest_version()
    return IN_ITEM if latest.pk == version.pk else OLDER_VERSION


def current_texts(question: Question, language: str) -> QuestionTexts:
    """What the question says in `language` today, without falling back to Swedish."""
    version = question.item_version
    own = question.translations.get(language) or {}
    limits = version.constraints or {}
    return QuestionTexts(
        wording=version.wording.get(language) or own.get("wording", ""),
        help=(version.help or {}).get(language) or own.get("help", ""),
        options={
            o["value"]: o["label"].get(language) or (own.get("options") or {}).get(o["value"], "")
            for o in version.options
        },
        min_label=(limits.get("min_label") or {}).get(language) or own.get("min_label", ""),
        max_label=(limits.get("max_label") or {}).get(language) or own.get("max_label", ""),
    )


def _set(texts: dict, language: str, value: str) -> dict:
    texts = dict(texts or {})
    if value:
        texts[language] = value
    else:
        texts.pop(language, None)
    return texts


def _on_survey(
    question: Question, language: str, texts: QuestionTexts, user: AbstractBaseUser
) -> bool:
    entry = {
        "wording": texts.wording,
        "help": texts.help,
        "options": {k: v for k, v in (texts.options or {}).items() if v},
        "min_label": texts.min_label,
        "max_label": texts.max_label,
    }
    entry = {k: v for k, v in entry.items() if v}
    translations = dict(question.translations)
    if entry:
        translations[language] = entry
    else:
        translations.pop(language, None)
    if translations == question.translations:
        return False
    question.translations = translations
    question.save(update_fields=["translations"])
    return True


def _in_item(
    question: Question, language: str, texts: QuestionTexts, user: AbstractBaseUser
) -> bool:
    version = question.item_version
    labels = texts.options or {}
    options = [
        {**o, "label": _set(o["label"], language, labels.get(o["value"], ""))}
        for o in version.options
    ]
    constraints = dict(version.constraints or {})
    if version.item.kind == ItemKind.SCALE:
        for end, value in (("min_label", texts.min_label), ("max_label", texts.max_label)):
            if constraints.get(end) or value:
                constraints[end] = _set(constraints.get(end), language, value)
    changes = {
        "wording": _set(version.wording, language, texts.wording),
        "help": _set(version.help, language, texts.help),
        "options": options,
        "constraints": constraints,
    }
    if all(getattr(version, name) == value for name, value in changes.items()):
        return False
    new = edit_item(item=version.item, user=user, parties=[version.item.organisation_id], **changes)
    if new.pk != question.item_version_id:
        question.item_version = new
        question.save(update_fields=["item_version"])
    return True


@transaction.atomic
def save_translations(
    *,
    survey: Survey,
    user: AbstractBaseUser,
    language: SurveyLanguage,
    survey_texts: dict[str, str],
    section_texts: dict[int, dict[str, str]],
    question_texts: dict[int, QuestionTexts],
    ui: dict[str, str],
) -> list[str]:
    """Store what the translator wrote; returns the names of what changed (for the audit)."""
    code = language.code
    changed: list[str] = []
    for name in ("title", "intro", "thanks"):
        value = _set(getattr(survey, name), code, survey_texts.get(name, ""))
        if value != getattr(survey, name):
            setattr(survey, name, value)
            changed.append(name)
    survey.save()
    for section in Section.objects.filter(survey=survey, pk__in=section_texts):
        texts = section_texts[section.pk]
        title = _set(section.title, code, texts.get("title", ""))
        intro = _set(section.intro, code, texts.get("intro", ""))
        if (title, intro) != (section.title, section.intro):
            section.title, section.intro = title, intro
            section.save(update_fields=["title", "intro"])
            changed.append(f"section:{section.pk}")
    locked = questionnaire_lock(survey).is_locked
    questions = Question.objects.filter(survey=survey, pk__in=question_texts).select_related(
        "item_version__item"
    )
    for question in questions:
        mode = where_texts_live(question, code, locked)
        texts = question_texts[question.pk]
        writer = {ON_SURVEY: _on_survey, IN_ITEM: _in_item}.get(mode)
        if writer is not None and writer(question, code, texts, user):
            changed.append(question.key)
    if code not in CATALOGUE_LANGUAGES:
        new_ui = {key: ui[key] for key in UI_TEXTS if ui.get(key)}
        if new_ui != language.ui:
            language.ui = new_ui
            language.save(update_fields=["ui"])
            changed.append("ui")
    if changed:
        audit(
            user,
            survey,
            "survey.translated",
            after={"language": code, "changed": changed},
            detail=language,
        )
    return changed
