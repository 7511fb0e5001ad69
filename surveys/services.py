"""Writes that touch several survey tables: storing a response (consuming its code in the same
transaction), opening a wave, and the bank's rule that an item asked in a wave is never edited
in place."""

import hashlib

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations.auditlog import record, snapshot
from surveys.models import Invitation, Item, ItemVersion, Response, ResponseDraft, Wave, WaveStatus
from surveys.models.waves import normalise_code


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


@transaction.atomic
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
    submits with one code exactly one succeeds (the conditional UPDATE decides)."""
    if mode == Response.Mode.SAMPLE:
        invitation = check_code(wave, code)
        used = Invitation.objects.filter(pk=invitation.pk, consumed=False).update(consumed=True)
        if not used:
            raise CodeRefused(
                _(
                    "Den här koden har redan använts för att svara. Varje kod kan bara svara en gång."
                )
            )
        area_id = invitation.area_id
    elif wave.status != WaveStatus.OPEN and mode == Response.Mode.OPEN:
        raise CodeRefused(_("Undersökningen är inte öppen för svar just nu."))
    if representative is None:
        representative = mode != Response.Mode.OPEN
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
            raise CodeRefused(_("Svaren är redan skickade. Tack!"))
    return response


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
