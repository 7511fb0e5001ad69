"""Writes that touch several survey tables: storing a response (consuming its code in the same
transaction), opening a wave, and the bank's rule that an item asked in a wave is never edited
in place."""

import hashlib

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.auditlog import record, snapshot
from surveys.models import Invitation, Item, ItemVersion, Response, ResponseDraft, Wave, WaveStatus
from surveys.models.waves import normalise_code
from surveys.submission_sql import store_from_draft


class CodeRefused(Exception):
    """A code that cannot answer, with a kind message for the resident."""


def draft_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_code(wave: Wave, typed: str) -> Invitation:
    """The unused invitation behind a typed code, or CodeRefused saying why (kindly)."""
    code = normalise_code(typed)
    invitation = Invitation.objects.filter(code=code).select_related("wave").first()
    if invitation is None or invitation.wave.survey_id != wave.survey_id:
        raise CodeRefused(
            _("Vi hittar ingen inbjudan med koden %(code)s. Kontrollera koden i brevet.")
            % {"code": code or "–"}
        )
    if invitation.wave_id != wave.pk or invitation.wave.status != WaveStatus.OPEN:
        raise CodeRefused(_("Koden gäller en omgång som inte är öppen för svar längre. Tack ändå!"))
    if invitation.consumed:
        raise CodeRefused(
            _("Den här koden har redan använts för att svara. Varje kod kan bara svara en gång.")
        )
    return invitation


def _consume_code(wave: Wave, typed: str) -> tuple[int | None] | None:
    """Consume a code in one statement, the conditional UPDATE that decides between concurrent
    submits: the code must be this wave's and unused, and the wave open. Returns (stratum,)
    when consumed, None when not. One round trip on the hot path of every web submission
    (RETURNING: PostgreSQL, and SQLite since 3.35)."""
    invitations, waves = Invitation._meta.db_table, Wave._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {invitations} SET consumed = %s "
            f"WHERE code = %s AND wave_id = %s AND NOT consumed "
            f"AND EXISTS (SELECT 1 FROM {waves} WHERE id = %s AND status = %s) "
            "RETURNING area_id",
            [True, normalise_code(typed), wave.pk, wave.pk, WaveStatus.OPEN],
        )
        return cursor.fetchone()


def submit_response(
    *,
    wave: Wave,
    answers: dict,
    mode: str,
    language: str = "sv",
    code: str = "",
    area_id: int | None = None,
    draft_token: str = "",
    representative: bool | None = None,
) -> Response:
    """Store one response. A sample response consumes its code in this same transaction, and the
    response keeps no reference to it: only the stratum (area) it was drawn in. Under concurrent
    submits with one code exactly one succeeds (the conditional UPDATE decides). A draft
    (`draft_token`) is deleted in the same transaction and can be submitted only once."""
    if representative is None:
        representative = mode != Response.Mode.OPEN
    if draft_token and connection.vendor == "postgresql":
        return _submit_draft_in_one_statement(
            wave=wave,
            answers=answers,
            mode=mode,
            language=language,
            code=code,
            area_id=area_id,
            draft_token=draft_token,
            representative=representative,
        )
    with transaction.atomic():
        return _submit_in_transaction(
            wave=wave,
            answers=answers,
            mode=mode,
            language=language,
            code=code,
            area_id=area_id,
            draft_token=draft_token,
            representative=representative,
        )


def _submit_in_transaction(
    *,
    wave: Wave,
    answers: dict,
    mode: str,
    language: str,
    code: str,
    area_id: int | None,
    draft_token: str,
    representative: bool,
) -> Response:
    if mode == Response.Mode.SAMPLE:
        consumed = _consume_code(wave, code)
        if consumed is None:
            check_code(wave, code)  # says why, kindly
            raise CodeRefused(_used_message())
        (area_id,) = consumed
    elif wave.status != WaveStatus.OPEN and mode == Response.Mode.OPEN:
        raise CodeRefused(_not_open_message())
    response = Response.objects.create(
        wave=wave,
        mode=mode,
        is_representative=representative,
        area_id=area_id,
        language=language,
        submitted_on=timezone.localdate(),
        answers=answers,
    )
    if draft_token:
        # A draft is submitted once: of two submits racing with one draft (a double tap on an
        # open link) the second deletes nothing and is rolled back.
        deleted, _rows = ResponseDraft.objects.filter(token_hash=draft_hash(draft_token)).delete()
        if not deleted:
            raise CodeRefused(_sent_message())
    return response


def _submit_draft_in_one_statement(
    *,
    wave: Wave,
    answers: dict,
    mode: str,
    language: str,
    code: str,
    area_id: int | None,
    draft_token: str,
    representative: bool,
) -> Response:
    """The answer pages' submission on PostgreSQL: one statement, one round trip, committed by
    itself (surveys.submission_sql); the same rules as the transaction above."""
    day = timezone.localdate()
    stored = store_from_draft(
        wave=wave,
        answers=answers,
        mode=mode,
        language=language,
        code=code,
        area_id=area_id,
        token_hash=draft_hash(draft_token),
        representative=representative,
        day=day,
    )
    if stored is None:
        if mode == Response.Mode.SAMPLE:
            check_code(wave, code)  # the code is the reason: say why
        elif not Wave.objects.filter(pk=wave.pk, status=WaveStatus.OPEN).exists():
            raise CodeRefused(_not_open_message())
        raise CodeRefused(_sent_message())
    response_id, area_id = stored
    response = Response(
        pk=response_id,
        wave=wave,
        mode=mode,
        is_representative=representative,
        area_id=area_id,
        language=language,
        submitted_on=day,
        answers=answers,
    )
    response._state.adding = False
    response._state.db = connection.alias
    return response


def _used_message() -> str:
    return _("Den här koden har redan använts för att svara. Varje kod kan bara svara en gång.")


def _sent_message() -> str:
    return _("Svaren är redan skickade. Tack!")


def _not_open_message() -> str:
    return _("Undersökningen är inte öppen för svar just nu.")


def item_has_been_asked(version: ItemVersion) -> bool:
    """Whether any wave has opened with this version (so answers may rest on its wording)."""
    waves = Wave.objects.exclude(status=WaveStatus.DRAFT).values_list(
        "question_versions", flat=True
    )
    return any(version.pk in frozen.values() for frozen in waves)


@transaction.atomic
def edit_item(
    *, item: Item, user: AbstractBaseUser, parties: list[int], **changes: object
) -> ItemVersion:
    """Change an item's wording, options or limits. A version that a wave has asked is kept as it
    was and the change becomes a new version; an unasked version changes in place."""
    current = item.latest_version()
    before = snapshot(current)
    if item_has_been_asked(current):
        version = ItemVersion(
            item=item,
            number=current.number + 1,
            wording=current.wording,
            help=current.help,
            options=current.options,
            constraints=current.constraints,
            created_by=user,
        )
        action = "survey_item.new_version"
    else:
        version, action = current, "survey_item.changed"
    for name, value in changes.items():
        setattr(version, name, value)
    version.save()
    record(
        actor=user,
        action=action,
        obj=version,
        parties=parties,
        before=before,
        after=snapshot(version),
    )
    return version


@transaction.atomic
def open_wave(*, wave: Wave, user: AbstractBaseUser, parties: list[int]) -> Wave:
    """Open a wave for answers, freezing which version of each question it asks."""
    before = snapshot(wave)
    wave.question_versions = dict(wave.survey.questions.values_list("key", "item_version_id"))
    wave.status = WaveStatus.OPEN
    wave.opened_at = timezone.now()
    if wave.uses_open_link and not wave.open_link_token:
        wave.open_link_token = wave.new_open_link_token()
    wave.save()
    record(
        actor=user,
        action="wave.opened",
        obj=wave,
        parties=parties,
        before=before,
        after=snapshot(wave),
    )
    return wave
