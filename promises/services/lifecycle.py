"""The promise lifecycle: draft → adopted → published → concluded, or extended / replaced."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from organisations.models import Organisation
from promises.models import Promise, PromiseStatus
from promises.services.editing import add_revision, audited_update


def party_problems(parties: list[Organisation]) -> list[str]:
    """What is wrong with a set of parties; empty when it is a valid promise's parties."""
    police = [p for p in parties if p.kind == Organisation.Kind.POLICE_AREA]
    municipalities = [p for p in parties if p.kind == Organisation.Kind.MUNICIPALITY]
    problems = []
    if not police:
        problems.append(_("Ett medborgarlöfte måste ha ett lokalpolisområde som part."))
    elif len(police) > 1:
        problems.append(_("Ett medborgarlöfte har ett lokalpolisområde som part, inte flera."))
    if not municipalities:
        problems.append(_("Ett medborgarlöfte måste ha minst en kommun som part."))
    return problems


def adoption_problems(promise: Promise) -> list[str]:
    problems = party_problems(list(promise.parties.all()))
    if not promise.commitments.exists():
        problems.append(_("Lägg till minst ett åtagande innan löftet antas."))
    if not promise.signed_on:
        problems.append(_("Ange datum då löftet undertecknades."))
    if not promise.signatory_titles():
        problems.append(_("Ange vilka befattningar som undertecknade löftet."))
    return problems


def _transition(
    promise: Promise,
    *,
    user: AbstractBaseUser,
    action: str,
    allowed_from: tuple[str, ...],
    problems: list[str] | None = None,
    **changes: object,
) -> Promise:
    if promise.status not in allowed_from:
        raise ValidationError(
            _("Det går inte när löftet har status ”%(status)s”.")
            % {"status": promise.get_status_display()}
        )
    if problems:
        raise ValidationError(problems)
    return audited_update(promise, user=user, action=action, **changes)


@transaction.atomic
def adopt_promise(*, promise: Promise, user: AbstractBaseUser) -> Promise:
    return _transition(
        promise,
        user=user,
        action="promise.adopted",
        allowed_from=(PromiseStatus.DRAFT,),
        problems=adoption_problems(promise),
        status=PromiseStatus.ADOPTED,
    )


@transaction.atomic
def return_to_draft(*, promise: Promise, user: AbstractBaseUser) -> Promise:
    return _transition(
        promise,
        user=user,
        action="promise.returned_to_draft",
        allowed_from=(PromiseStatus.ADOPTED,),
        status=PromiseStatus.DRAFT,
    )


@transaction.atomic
def publish_promise(*, promise: Promise, user: AbstractBaseUser) -> Promise:
    _transition(
        promise,
        user=user,
        action="promise.published",
        allowed_from=(PromiseStatus.ADOPTED,),
        problems=adoption_problems(promise),
        status=PromiseStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    add_revision(promise, user=user, note=_("Löftet publicerades."))
    return promise


@transaction.atomic
def conclude_promise(
    *, promise: Promise, user: AbstractBaseUser, concluded_on: datetime.date
) -> Promise:
    if concluded_on < promise.period_start:
        raise ValidationError(_("Ett löfte kan inte avslutas innan det har börjat gälla."))
    return _transition(
        promise,
        user=user,
        action="promise.concluded",
        allowed_from=(PromiseStatus.PUBLISHED,),
        status=PromiseStatus.CONCLUDED,
        concluded_on=concluded_on,
    )


@transaction.atomic
def extend_promise(
    *, promise: Promise, user: AbstractBaseUser, new_end: datetime.date, note: str
) -> Promise:
    if new_end <= promise.period_end:
        raise ValidationError(
            _("Det nya slutdatumet måste ligga efter det nuvarande (%(end)s).")
            % {"end": formats.date_format(promise.period_end, "j F Y")}
        )
    _transition(
        promise,
        user=user,
        action="promise.extended",
        allowed_from=(PromiseStatus.PUBLISHED,),
        original_period_end=promise.original_period_end or promise.period_end,
        period_end=new_end,
    )
    add_revision(promise, user=user, note=note)
    return promise


@transaction.atomic
def replace_promise(*, promise: Promise, user: AbstractBaseUser, successor: Promise) -> Promise:
    problems = []
    if successor.pk == promise.pk:
        problems.append(_("Ett löfte kan inte ersätta sig självt."))
    shared = set(promise.parties.values_list("id", flat=True)) & set(
        successor.parties.values_list("id", flat=True)
    )
    if not shared:
        problems.append(_("Det nya löftet måste ha minst en part gemensam med det gamla."))
    return _transition(
        promise,
        user=user,
        action="promise.replaced",
        allowed_from=(PromiseStatus.PUBLISHED, PromiseStatus.CONCLUDED),
        problems=problems,
        status=PromiseStatus.REPLACED,
        successor=successor,
        concluded_on=promise.concluded_on or timezone.localdate(),
    )
