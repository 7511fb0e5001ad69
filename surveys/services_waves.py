"""Running a wave: checks before opening, closing, invitation codes in bulk, paper entry, and
the counts on the wave's overview. Every change is audited; no audit entry carries a code or an
answer."""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from organisations.auditlog import record, snapshot
from organisations.models import Area, AuditEntry
from surveys.models import (
    Invitation,
    Response,
    ResponseDraft,
    SurveyLanguage,
    Wave,
    WaveStatus,
)
from surveys.models.bank import ANSWERLESS_KINDS, SOURCE_LANGUAGE
from surveys.models.waves import CODE_ALPHABET, CODE_LENGTH
from surveys.questionnaire import survey_questions
from surveys.results import ClosingReport, on_wave_closed
from surveys.services import submit_response

# One form submission creates at most this many codes (10,000 take about a second).
MAX_INVITATIONS_PER_REQUEST = 20_000
INSERT_BATCH = 2_000
PAPER_ENTERED = "survey.paper_entered"


class WaveRefused(Exception):
    """A change the wave's state does not allow, with a message for the coordinator."""


def parties_of(wave: Wave) -> list[int]:
    """The organisations that read the wave's audit entries: the survey's owner."""
    return [wave.survey.organisation_id]


# Opening and closing


def opening_problems(wave: Wave) -> list[str]:
    """What stops the wave from opening, as sentences saying what to fix (empty: it may open)."""
    if wave.status != WaveStatus.DRAFT:
        return [_("Omgången är redan öppnad.")]
    survey = wave.survey
    problems = []
    if not survey.title.get(SOURCE_LANGUAGE):
        problems.append(_("Undersökningen saknar rubrik på svenska."))
    if not SurveyLanguage.objects.filter(survey=survey, code=SOURCE_LANGUAGE).exists():
        problems.append(_("Svenska saknas bland undersökningens språk."))
    questions = survey_questions(survey)
    if not any(q.item_version.item.kind not in ANSWERLESS_KINDS for q in questions):
        problems.append(
            _("Undersökningen har inga frågor än. Lägg till frågor innan omgången öppnas.")
        )
    problems += _missing_swedish(questions)
    if wave.closes_on < timezone.localdate():
        problems.append(
            _("Stängningsdatumet %(date)s har redan passerat. Ändra datumen först.")
            % {"date": date_format(wave.closes_on, "j F Y")}
        )
    already_open = Wave.objects.filter(survey=survey, status=WaveStatus.OPEN).first()
    if already_open:
        problems.append(
            _("Omgången ”%(name)s” är redan öppen. Stäng den innan en ny öppnas.")
            % {"name": already_open.name}
        )
    return problems


def _missing_swedish(questions: Iterable) -> list[str]:
    problems = []
    for q in questions:
        version = q.item_version
        if not version.wording.get(SOURCE_LANGUAGE):
            problems.append(_("Frågan ”%(key)s” saknar text på svenska.") % {"key": q.key})
        for option in version.options:
            if not (option.get("label") or {}).get(SOURCE_LANGUAGE):
                problems.append(
                    _("Svarsalternativet ”%(value)s” i frågan ”%(key)s” saknar text på svenska.")
                    % {"value": option["value"], "key": q.key}
                )
    return problems


def ensure_open_link_token(wave: Wave) -> None:
    """An open wave that uses the open link has a token for it (set when the link is turned on
    after opening; services.open_wave sets it at opening)."""
    if wave.status == WaveStatus.OPEN and wave.uses_open_link and not wave.open_link_token:
        wave.open_link_token = wave.new_open_link_token()


def close_wave(*, wave: Wave, user: AbstractBaseUser) -> ClosingReport:
    """Close the wave for answers: codes stop working, drafts of unfinished answers are deleted
    (they are never counted), and the results are computed once the closing is committed
    (surveys.results.on_wave_closed: weights, indicator measurements), so an error there never
    leaves the wave half closed. The report says what was computed and any problem (e.g.
    margins that do not cover a cell)."""
    with transaction.atomic():
        wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
        if wave.status != WaveStatus.OPEN:
            raise WaveRefused(_("Bara en öppen omgång kan stängas."))
        before = snapshot(wave)
        drafts, _deleted = ResponseDraft.objects.filter(wave=wave).delete()
        wave.status = WaveStatus.CLOSED
        wave.closed_at = timezone.now()
        wave.save(update_fields=["status", "closed_at"])
        after = {**snapshot(wave), "deleted_drafts": drafts}
        record(
            actor=user,
            action="wave.closed",
            obj=wave,
            parties=parties_of(wave),
            before=before,
            after=after,
        )
    return on_wave_closed(wave)


# Invitation codes


def generate_invitations(
    *, wave: Wave, user: AbstractBaseUser, counts: list[tuple[Area | None, int]]
) -> int:
    """Create single-use codes in one transaction: `counts` says how many per area (None: no
    stratum). Codes are unique across all waves; a clash with a code made meanwhile is retried."""
    if wave.status == WaveStatus.CLOSED:
        raise WaveRefused(_("Omgången är stängd. Koder kan inte skapas i en stängd omgång."))
    if not wave.uses_sample:
        raise WaveRefused(
            _("Omgången använder inte urval med inbjudningskoder. Slå på det under ”Ändra”.")
        )
    total = sum(n for _area, n in counts)
    attempts = 3
    for attempt in range(1, attempts + 1):
        try:
            with transaction.atomic():
                _insert_codes(wave, counts, total)
                record(
                    actor=user,
                    action="wave.invitations_created",
                    obj=wave,
                    parties=parties_of(wave),
                    after={
                        "antal": total,
                        "per_omrade": {str(a) if a else "–": n for a, n in counts if n},
                    },
                )
            break
        except IntegrityError:
            # Another request made one of the same codes between the check and the insert.
            if attempt == attempts:
                raise
    return total


def _insert_codes(wave: Wave, counts: list[tuple[Area | None, int]], total: int) -> None:
    codes = _unique_codes(total)
    rows = []
    for area, n in counts:
        area_id = area.pk if area else None
        rows += [Invitation(wave_id=wave.pk, area_id=area_id, code=codes.pop()) for _ in range(n)]
    Invitation.objects.bulk_create(rows, batch_size=INSERT_BATCH)


def random_codes(count: int) -> set[str]:
    """`count` distinct random codes from CODE_ALPHABET, drawn from the system's secure random
    source in one go (as secrets.choice, unbiased: bytes past the last whole multiple of the
    alphabet's size are dropped)."""
    size = len(CODE_ALPHABET)
    usable = 256 - 256 % size
    codes: set[str] = set()
    while len(codes) < count:
        need = (count - len(codes)) * CODE_LENGTH
        letters = [CODE_ALPHABET[b % size] for b in secrets.token_bytes(need * 2) if b < usable]
        for start in range(0, len(letters) - CODE_LENGTH + 1, CODE_LENGTH):
            codes.add("".join(letters[start : start + CODE_LENGTH]))
            if len(codes) == count:
                break
    return codes


def _unique_codes(total: int) -> list[str]:
    """`total` new codes that no invitation has yet. With 31^10 possible codes a clash is rare;
    the check keeps it from ever failing a whole batch."""
    codes: set[str] = set()
    while len(codes) < total:
        fresh = list(random_codes(total - len(codes)) - codes)
        for start in range(0, len(fresh), INSERT_BATCH):
            chunk = fresh[start : start + INSERT_BATCH]
            taken = set(Invitation.objects.filter(code__in=chunk).values_list("code", flat=True))
            codes |= set(chunk) - taken
    return list(codes)


def record_export(*, wave: Wave, user: AbstractBaseUser, action: str, count: int) -> None:
    """Who took the codes out of the platform (a code lets its holder answer once)."""
    record(
        actor=user,
        action=action,
        obj=wave,
        parties=parties_of(wave),
        after={"antal": count},
    )


# Paper questionnaires


def record_paper_response(
    *,
    wave: Wave,
    user: AbstractBaseUser,
    answers: dict,
    area_id: int | None,
    language: str,
) -> Response:
    """Store one paper questionnaire keyed in by staff. The audit entry counts the entry and
    names the wave; it never holds the answers, the response or the area."""
    if wave.status != WaveStatus.OPEN:
        raise WaveRefused(_("Pappersenkäter kan bara registreras medan omgången är öppen."))
    if not wave.uses_paper:
        raise WaveRefused(_("Omgången använder inte pappersenkäter. Slå på det under ”Ändra”."))
    with transaction.atomic():
        response = submit_response(
            wave=wave, answers=answers, mode=Response.Mode.PAPER, language=language, area_id=area_id
        )
        record(
            actor=user,
            action=PAPER_ENTERED,
            obj=wave,
            parties=parties_of(wave),
            after={"antal": 1},
        )
    return response


def paper_entered_today(wave: Wave, user: AbstractBaseUser) -> tuple[int, int]:
    """(paper questionnaires of the wave stored today, of them keyed in by this user)."""
    today = timezone.localdate()
    in_wave = Response.objects.filter(wave=wave, mode=Response.Mode.PAPER, submitted_on=today)
    by_user = AuditEntry.objects.for_object(wave).filter(
        action=PAPER_ENTERED, actor=user, at__date=today
    )
    return in_wave.count(), by_user.count()


# The overview


@dataclass
class AreaCounts:
    area: Area | None
    invitations: int = 0
    web: int = 0  # answered online with a code
    paper: int = 0
    open_link: int = 0
    imported: int = 0

    @property
    def answered(self) -> int:
        """Answers from the sample: by code on the web, and on paper."""
        return self.web + self.paper

    @property
    def response_rate(self) -> float | None:
        if not self.invitations:
            return None
        return self.answered / self.invitations

    @property
    def response_percent(self) -> float | None:
        rate = self.response_rate
        return None if rate is None else 100 * rate


def area_counts(wave: Wave) -> list[AreaCounts]:
    """Invitations and answers per area (the municipality's areas, then "no area"): counts of
    rows only, two queries whatever the size."""
    areas = list(Area.objects.of_municipality(wave.survey.municipality_id))
    rows = {a.pk: AreaCounts(a) for a in areas}
    rows[None] = AreaCounts(None)
    invited = Invitation.objects.filter(wave=wave).values("area_id").annotate(n=Count("id"))
    for row in invited:
        rows.setdefault(row["area_id"], AreaCounts(None)).invitations = row["n"]
    answered = Response.objects.filter(wave=wave).values("area_id", "mode").annotate(n=Count("id"))
    field = {"sample": "web", "paper": "paper", "open": "open_link", "imported": "imported"}
    for row in answered:
        target = rows.setdefault(row["area_id"], AreaCounts(None))
        setattr(target, field[row["mode"]], getattr(target, field[row["mode"]]) + row["n"])
    result = [rows[a.pk] for a in areas]
    if any((rows[None].invitations, rows[None].answered, rows[None].open_link)):
        result.append(rows[None])
    return result


def wave_totals(rows: list[AreaCounts]) -> AreaCounts:
    total = AreaCounts(None)
    for row in rows:
        for name in ("invitations", "web", "paper", "open_link", "imported"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


def response_counts(wave_ids: list[int]) -> dict[int, dict[str, int]]:
    """{wave id: {"total", "representative", "invitations"}} for a list of waves, two queries."""
    counts: dict[int, dict[str, int]] = {
        pk: {"total": 0, "representative": 0, "invitations": 0} for pk in wave_ids
    }
    responses = (
        Response.objects.filter(wave_id__in=wave_ids)
        .values("wave_id")
        .annotate(total=Count("id"), representative=Count("id", filter=Q(is_representative=True)))
    )
    for row in responses:
        counts[row["wave_id"]].update(total=row["total"], representative=row["representative"])
    invited = (
        Invitation.objects.filter(wave_id__in=wave_ids).values("wave_id").annotate(n=Count("id"))
    )
    for row in invited:
        counts[row["wave_id"]]["invitations"] = row["n"]
    return counts
