"""A staff user's own data: the export (a JSON download) and the erasure of their account.

The apps say what they keep about a user through core.retention (USER_DATA_EXPORTS,
USER_DATA_ERASERS). Erasing anonymises rather than deletes: the account is renamed
`raderad-<id>`, its name and e-mail address blanked and its login disabled; the audit entries
the user made stay, naming the anonymised account, so the trail of who changed what is not
broken. An organisation's last administrator cannot erase their account until someone else is
an administrator there.
"""

import json
import re
from collections.abc import Iterator

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.models import ImportRecord, PendingImport, TaskProgress
from core.retention import erase_user_data, export_user_data
from organisations.auditlog import record
from organisations.models import AuditEntry, Membership, Organisation, Role


class LastAdministrator(Exception):
    """Erasing would leave these organisations without an administrator."""

    def __init__(self, organisations: list[Organisation]) -> None:
        super().__init__(", ".join(o.name for o in organisations))
        self.organisations = organisations


def anonymous_name(user_id: int) -> str:
    return f"raderad-{user_id}"


def _parties(user: AbstractBaseUser) -> list[int]:
    return list(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))


def last_admin_of(user: AbstractBaseUser) -> list[Organisation]:
    """The organisations where the user is the only active administrator."""
    administered = Membership.objects.filter(user=user, role=Role.ADMIN).values("organisation")
    others = (
        Membership.objects.filter(
            organisation__in=administered, role=Role.ADMIN, user__is_active=True
        )
        .exclude(user=user)
        .values("organisation")
    )
    return list(Organisation.objects.filter(pk__in=administered).exclude(pk__in=others))


def export_account(user: AbstractBaseUser) -> bytes:
    """The user's data as JSON (UTF-8), recorded in the audit trail."""
    data = {"exporterad": timezone.now().isoformat(), **export_user_data(user)}
    record(actor=user, action="account.exported", obj=user, parties=_parties(user))
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def _replaced(value: object, old: str, new: str) -> object:
    """`value` with the username replaced wherever it stands as a word of its own."""
    if isinstance(value, str):
        return re.sub(rf"(?<![\w.@-]){re.escape(old)}(?![\w.@-])", new, value)
    if isinstance(value, list):
        return [_replaced(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, old, new) for k, v in value.items()}
    return value


def _entries_naming(username: str) -> Iterator[AuditEntry]:
    """Entries whose details may name the user (a snapshot with `moderated_by`, a membership);
    the database finds the text, `_replaced` only whole words."""
    yield from AuditEntry.objects.filter(
        Q(before__icontains=username)
        | Q(after__icontains=username)
        | Q(object_repr__icontains=username)
    ).iterator()


def _anonymise_audit_trail(user: AbstractBaseUser, old_username: str) -> None:
    label = anonymous_name(user.pk)
    AuditEntry.objects.filter(actor=user).update(actor_label=label)
    AuditEntry.objects.for_object(user).update(object_repr=label)
    for entry in _entries_naming(old_username):
        entry.before = _replaced(entry.before, old_username, label)
        entry.after = _replaced(entry.after, old_username, label)
        entry.object_repr = _replaced(entry.object_repr, old_username, label)[:200]
        entry.save(update_fields=["before", "after", "object_repr"])
    ImportRecord.objects.filter(user=user).update(actor_label=label)
    AccessAttempt.objects.filter(username=old_username).delete()
    PendingImport.objects.filter(user=user).delete()
    TaskProgress.objects.filter(user=user).delete()


@transaction.atomic
def erase_account(user: AbstractBaseUser) -> None:
    """Anonymise the account (see the module's docstring); raises LastAdministrator."""
    User = get_user_model()
    user = User.objects.select_for_update().get(pk=user.pk)
    last = last_admin_of(user)
    if last:
        raise LastAdministrator(last)
    parties = _parties(user)
    old_username = user.get_username()
    erase_user_data(user)
    Membership.objects.filter(user=user).delete()
    setattr(user, User.USERNAME_FIELD, anonymous_name(user.pk))
    user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    _anonymise_audit_trail(user, old_username)
    record(
        actor=user,
        action="account.erased",
        obj=user,
        parties=parties,
        after={"medlemskap": len(parties)},
    )
