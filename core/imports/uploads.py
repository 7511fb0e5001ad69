"""Keeping an uploaded file on the server between its preview and the confirmation.

The file is stored in the database (so any app server can answer the confirmation), tied to
the user who uploaded it and to the importer kind and target, and it expires.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from core.imports.files import ImportFile
from core.models import PendingImport


def _oldest_kept() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=settings.IMPORT_PENDING_MINUTES)


def stash_upload(
    *, user: AbstractBaseUser, kind: str, target: str, source: ImportFile
) -> PendingImport:
    """Keep the file for the user's confirmation; an earlier upload of theirs to the same
    target is replaced, and expired uploads of anyone are removed."""
    PendingImport.objects.filter(created_at__lt=_oldest_kept()).delete()
    PendingImport.objects.filter(user=user, kind=kind, target=target).delete()
    return PendingImport.objects.create(
        user=user, kind=kind, target=target, file_name=source.name[:255], content=source.content
    )


def get_stashed_upload(
    *, user: AbstractBaseUser, token: uuid.UUID, kind: str, target: str
) -> ImportFile | None:
    """The user's own upload, if it is for this target and has not expired."""
    pending = PendingImport.objects.filter(
        token=token, user=user, kind=kind, target=target, created_at__gte=_oldest_kept()
    ).first()
    if pending is None:
        return None
    return ImportFile(name=pending.file_name, content=bytes(pending.content))


def stashed_upload_or_message(
    request: HttpRequest, *, token: uuid.UUID, kind: str, target: str
) -> ImportFile | None:
    """The requesting user's upload for the confirmation page, or None after telling them it is
    gone (expired, or someone else's)."""
    source = get_stashed_upload(user=request.user, token=token, kind=kind, target=target)
    if source is None:
        messages.error(
            request,
            _(
                "Den uppladdade filen finns inte kvar (den sparas i %(minutes)s minuter). Ladda upp den igen."
            )
            % {"minutes": settings.IMPORT_PENDING_MINUTES},
        )
    return source


def discard_upload(*, user: AbstractBaseUser, token: uuid.UUID) -> None:
    PendingImport.objects.filter(token=token, user=user).delete()
