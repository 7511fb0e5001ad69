"""Answering a survey on the web: the questionnaire split into pages, the draft that keeps what
was typed between page loads, and the submission.

Pages: one per section, in order. A question whose show-if refers to an answer on its own page
starts a new page, so that the condition is evaluated on the server when that page is built
(no JavaScript needed); a page whose questions are all hidden is skipped.

Drafts: the respondent's cookie holds a random token; the database keeps only its hash
(services.draft_hash) with the answers typed so far, as typed ({key: [strings]}, the way a form
posts them), so a reload or a phone waking up shows exactly what was there.

Why a sample draft holds the invitation code: the code is consumed only when the answers are
stored (services.submit_response consumes it and deletes the draft in one transaction), so until
then the draft must say which code to consume. That is the only place a code and answers meet,
and only while the respondent is still answering: once the response is stored the draft is gone
and the response carries no reference to the code. The platform never knows who holds a code
(the mail house has the addresses). Drafts of a closed wave are deleted with it.
"""

import dataclasses
import secrets
import time
from collections.abc import Mapping, Sequence

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone

from organisations.models import Area, Municipality
from surveys import conditions
from surveys.models import (
    Invitation,
    ItemVersion,
    Question,
    Response,
    ResponseDraft,
    Section,
    Survey,
    SurveyLanguage,
    Wave,
    WaveStatus,
)
from surveys.models.waves import normalise_code
from surveys.questionnaire import spec_for, survey_questions
from surveys.services import draft_hash, submit_response
from surveys.validation import Cleaned, QuestionSpec, clean_answers

DRAFT_COOKIE = "enkat_utkast"
DRAFT_COOKIE_PATH = "/enkat/"
# What a draft keeps of one typed value: enough to show an over-long answer's error again,
# without letting a draft grow without bound.
RAW_VALUE_LIMIT = 20_000
SECONDS_PER_QUESTION = 20


@dataclasses.dataclass(frozen=True)
class AnswerPage:
    number: int  # 1-based, stable: the URL of the page
    section: Section
    questions: tuple[Question, ...]

    @property
    def keys(self) -> list[str]:
        return [q.key for q in self.questions]


def split_pages(questions: Sequence[Question]) -> list[AnswerPage]:
    pages: list[list[Question]] = []
    for question in questions:
        current = pages[-1] if pages else None
        same_section = current and current[0].section_id == question.section_id
        depends_here = current and conditions.referenced_keys(question.show_if) & {
            q.key for q in current
        }
        if same_section and not depends_here:
            current.append(question)
        else:
            pages.append([question])
    return [AnswerPage(n, qs[0].section, tuple(qs)) for n, qs in enumerate(pages, start=1)]


@dataclasses.dataclass
class Questionnaire:
    """One wave's questions as asked, loaded once per request (a constant number of queries).
    The builder's preview builds one for a survey without a wave (`wave` None)."""

    survey: Survey
    wave: Wave | None
    questions: list[Question]
    specs: list[QuestionSpec]
    pages: list[AnswerPage]
    areas: list[Area]
    languages: list[SurveyLanguage]
    municipality: Municipality

    def page(self, number: int) -> AnswerPage | None:
        return self.pages[number - 1] if 1 <= number <= len(self.pages) else None

    def specs_until(self, page: AnswerPage) -> list[QuestionSpec]:
        last = page.questions[-1].key
        index = next(i for i, s in enumerate(self.specs) if s.key == last)
        return self.specs[: index + 1]

    def shown_keys(self, raw: Mapping[str, Sequence[str]]) -> tuple[set[str], dict]:
        """The questions asked given the answers typed so far, and those answers cleaned."""
        cleaned = clean_answers(self.specs, raw, check_required=False)
        shown = set(cleaned.shown)
        for spec in self.specs:
            if spec.kind == "note" and conditions.evaluate(spec.show_if, cleaned.answers):
                shown.add(spec.key)
        return shown, cleaned.answers

    def visible_pages(self, shown: set[str]) -> list[AnswerPage]:
        return [p for p in self.pages if shown.intersection(p.keys)]

    def area_names(self) -> dict[str, str]:
        return {a.code: a.name for a in self.areas}

    def minutes(self) -> int:
        return max(1, -(-len(self.questions) * SECONDS_PER_QUESTION // 60))


def _frozen_questions(wave: Wave) -> list[Question]:
    """The questions with the item versions the wave froze when it opened."""
    questions = survey_questions(wave.survey)
    frozen = wave.question_versions or {}
    if not frozen:
        return questions
    questions = [q for q in questions if q.key in frozen]
    changed = {frozen[q.key] for q in questions if q.item_version_id != frozen[q.key]}
    if changed:
        versions = ItemVersion.objects.select_related("item").in_bulk(changed)
        for q in questions:
            if q.item_version_id != frozen[q.key]:
                q.item_version = versions[frozen[q.key]]
    return questions


def build_questionnaire(survey: Survey, wave: Wave | None = None) -> Questionnaire:
    """A survey's questionnaire: as a wave asks it, or (no wave) as the survey stands now."""
    questions = _frozen_questions(wave) if wave else survey_questions(survey)
    areas = list(Area.objects.of_municipality(survey.municipality_id).order_by("name"))
    area_codes = tuple(a.code for a in areas)
    return Questionnaire(
        survey=survey,
        wave=wave,
        questions=questions,
        specs=[spec_for(q, area_codes) for q in questions],
        pages=split_pages(questions),
        areas=areas,
        languages=list(survey.languages.all()),
        municipality=Municipality.objects.get(pk=survey.municipality_id),
    )


# Every page and every submission needs the wave's questionnaire; building it costs five
# queries, which on the submission's hot path cost more than storing the response. So each
# process keeps it for a short while (SURVEY_QUESTIONNAIRE_CACHE_SECONDS), and at once builds
# it anew when the survey is saved or the wave opens (freezing its versions). The wave itself
# (its status) is never cached.
_questionnaires: dict[int, tuple[float, tuple, Questionnaire]] = {}


def load_questionnaire(wave: Wave, saved: tuple[object, object] | None = None) -> Questionnaire:
    """`saved` is (the survey's updated_at, the wave's opened_at) when the caller read them
    without loading the survey (find_draft): then a kept questionnaire costs no query."""
    survey_saved_at, wave_opened_at = saved or (wave.survey.updated_at, wave.opened_at)
    stamp = (wave.survey_id, str(survey_saved_at), str(wave_opened_at))
    now = time.monotonic()
    kept = _questionnaires.get(wave.pk)
    if kept and kept[0] > now and kept[1] == stamp:
        return dataclasses.replace(kept[2], wave=wave)
    questionnaire = build_questionnaire(wave.survey, wave)
    for key in [k for k, (expires, _stamp, _q) in _questionnaires.items() if expires <= now]:
        del _questionnaires[key]
    _questionnaires[wave.pk] = (
        now + settings.SURVEY_QUESTIONNAIRE_CACHE_SECONDS,
        stamp,
        questionnaire,
    )
    return questionnaire


def wave_for_open_link(token: str) -> Wave | None:
    return (
        Wave.objects.select_related("survey__municipality")
        .filter(open_link_token=token, uses_open_link=True)
        .first()
    )


class CodeState:
    UNKNOWN = "unknown"
    USED = "used"
    CLOSED = "closed"
    NOT_OPEN = "not_open"
    OK = "ok"


def look_up_code(typed: str) -> tuple[str, Invitation | None]:
    """What a typed code can do: answer (OK), or why not. The final word is the conditional
    UPDATE in services.submit_response; this only tells the resident early and kindly."""
    code = normalise_code(typed)
    invitation = (
        Invitation.objects.select_related("wave__survey").filter(code=code).first()
        if code
        else None
    )
    if invitation is None or not invitation.wave.uses_sample:
        return CodeState.UNKNOWN, None
    if invitation.wave.status == WaveStatus.DRAFT:
        return CodeState.NOT_OPEN, invitation
    if invitation.wave.status == WaveStatus.CLOSED:
        return CodeState.CLOSED, invitation
    if invitation.consumed:
        return CodeState.USED, invitation
    return CodeState.OK, invitation


def start_draft(*, wave: Wave, language: str, code: str = "") -> tuple[ResponseDraft, str]:
    """A new draft, and the token for the respondent's cookie (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    draft = ResponseDraft.objects.create(
        wave=wave,
        token_hash=draft_hash(token),
        invitation_code=code,
        language=language,
        updated_on=timezone.localdate(),
    )
    return draft, token


# The submission's one read before it writes, so written by hand: compiling the same join
# with the ORM costs about a millisecond of CPU, a third of the whole submission
# (bench/bench_survey_submit.py). The wave's status is never cached; the survey's updated_at and
# the wave's opened_at tell whether the kept questionnaire still holds.
DRAFT_SQL = (
    "SELECT d.*, w.survey_id AS wave_survey_id, w.status AS wave_status, "
    "w.opened_at AS wave_opened_at, s.updated_at AS survey_saved_at "
    f"FROM {ResponseDraft._meta.db_table} d "
    f"JOIN {Wave._meta.db_table} w ON w.id = d.wave_id "
    f"JOIN {Survey._meta.db_table} s ON s.id = w.survey_id "
    "WHERE d.token_hash = %s"
)


def find_draft(token: str) -> ResponseDraft | None:
    if not token:
        return None
    draft = next(iter(ResponseDraft.objects.raw(DRAFT_SQL, [draft_hash(token)])), None)
    if draft is not None:
        # The wave with what every page needs; its other fields load when first read.
        draft.wave = Wave.from_db(
            draft._state.db,
            ["id", "survey_id", "status"],
            [draft.wave_id, draft.wave_survey_id, draft.wave_status],
        )
    return draft


def posted_raw(page: AnswerPage, data: QueryDict) -> dict[str, list[str]]:
    """The page's answers as posted; an unticked question posts nothing, which means empty."""
    return {key: data.getlist(key) for key in page.keys}


def save_page(
    draft: ResponseDraft, raw: Mapping[str, list[str]], *, page: int, language: str
) -> None:
    kept = {key: [value[:RAW_VALUE_LIMIT] for value in values] for key, values in raw.items()}
    draft.answers = {**draft.answers, **kept}
    draft.page = page
    draft.language = language
    draft.updated_on = timezone.localdate()
    draft.save(update_fields=["answers", "page", "language", "updated_on"])


def check_page(
    questionnaire: Questionnaire, page: AnswerPage, raw: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """The errors of one page's questions (required ones included), given everything typed."""
    cleaned = clean_answers(questionnaire.specs_until(page), raw, check_required=True)
    return {key: error for key, error in cleaned.errors.items() if key in page.keys}


def answered_area(questionnaire: Questionnaire, answers: Mapping[str, object]) -> int | None:
    """The area a respondent chose in an area question (the open link has no stratum)."""
    by_code = {a.code: a.pk for a in questionnaire.areas}
    for spec in questionnaire.specs:
        if spec.kind == "area" and answers.get(spec.key) in by_code:
            return by_code[answers[spec.key]]
    return None


def submit_draft(questionnaire: Questionnaire, draft: ResponseDraft, token: str) -> Cleaned:
    """Check every answer and, when all are acceptable, store the response: the code is
    consumed and the draft deleted in the same transaction (services.submit_response). Raises
    services.CodeRefused when the code or the draft was used meanwhile; stores nothing then."""
    cleaned = clean_answers(questionnaire.specs, draft.answers, check_required=True)
    if not cleaned.is_valid:
        return cleaned
    mode = Response.Mode.SAMPLE if draft.invitation_code else Response.Mode.OPEN
    submit_response(
        wave=questionnaire.wave,
        answers=cleaned.answers,
        mode=mode,
        language=draft.language,
        code=draft.invitation_code,
        area_id=answered_area(questionnaire, cleaned.answers),
        draft_token=token,
    )
    return cleaned


def forget_drafts(wave: Wave) -> int:
    """Delete a wave's unfinished drafts (and with them the codes they hold): for closing a
    wave. Returns how many there were."""
    deleted, _rows = ResponseDraft.objects.filter(wave=wave).delete()
    return deleted
