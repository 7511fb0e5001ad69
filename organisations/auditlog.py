"""Writing the audit trail. Service functions call `record()` inside their transaction."""

import datetime
import decimal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from organisations.models import AuditEntry, Organisation

# How the current change reaches us when not through the staff pages (e.g. an API token);
# appended to the actor's name in every entry recorded meanwhile.
_acting_via: ContextVar[str | None] = ContextVar("acting_via", default=None)


@contextmanager
def acting_via(label: str) -> Iterator[None]:
    """Name the channel (e.g. "API-nyckel ab12cd34: Ärendesystemet") in the audit entries that
    service functions record inside this block, without changing their signatures."""
    reset = _acting_via.set(label)
    try:
        yield
    finally:
        _acting_via.reset(reset)


def _actor_label(actor: AbstractBaseUser | None) -> str:
    label = actor.get_username() if actor is not None else "system"
    via = _acting_via.get()
    return (f"{label} ({via})" if via else label)[:150]


def _json_value(value: object) -> object:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_json_value(v) for v in value]
    return value


def snapshot(obj: models.Model | None, exclude: Iterable[str] = ()) -> dict | None:
    """The object's concrete fields (and many-to-many values, as text) as JSON-safe data."""
    if obj is None or obj.pk is None:
        return None
    data: dict[str, object] = {}
    for f in obj._meta.concrete_fields:
        if f.name in exclude or f.name in {"id", "created_at", "updated_at"}:
            continue
        value = getattr(obj, f.name)
        data[f.name] = _json_value(value)
    for f in obj._meta.many_to_many:
        if f.name not in exclude:
            data[f.name] = sorted(str(o) for o in getattr(obj, f.name).all())
    return data


def record(
    *,
    actor: AbstractBaseUser | None,
    action: str,
    obj: models.Model,
    parties: Iterable[Organisation | int],
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    entry = AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=_actor_label(actor),
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        before=before,
        after=after,
    )
    entry.parties.set([p if isinstance(p, int) else p.pk for p in parties])
    return entry


def audited_save(
    form: forms.ModelForm,
    *,
    user: AbstractBaseUser,
    action: str,
    parties: Callable[[models.Model], Iterable[int]],
    **save_attrs: object,
) -> models.Model:
    """Save a model form and record who changed what, before and after, in one transaction.

    `parties(obj)` names the organisations that may read the entry.
    """
    model = type(form.instance)
    before = snapshot(model.objects.get(pk=form.instance.pk)) if form.instance.pk else None
    with transaction.atomic():
        obj = form.save(commit=False)
        for name, value in save_attrs.items():
            setattr(obj, name, value)
        obj.save()
        form.save_m2m()
        record(
            actor=user,
            action=action,
            obj=obj,
            parties=parties(obj),
            before=before,
            after=snapshot(obj),
        )
    return obj


def audited_create(
    obj: models.Model,
    *,
    user: AbstractBaseUser | None,
    action: str,
    parties: Callable[[models.Model], Iterable[int]],
) -> models.Model:
    """Save a new object built without a form (e.g. from an imported row) and record it, as
    `audited_save` does for a form. The caller holds the transaction."""
    obj.save()
    record(actor=user, action=action, obj=obj, parties=parties(obj), after=snapshot(obj))
    return obj


def audited_update(
    obj: models.Model,
    *,
    user: AbstractBaseUser | None,
    action: str,
    parties: Iterable[int],
    **changes: object,
) -> models.Model:
    """Set fields on an object, save it and record the change, before and after. The caller
    holds the transaction."""
    before = snapshot(obj)
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    record(actor=user, action=action, obj=obj, parties=parties, before=before, after=snapshot(obj))
    return obj


def audited_delete(
    obj: models.Model,
    *,
    user: AbstractBaseUser,
    action: str,
    parties: Iterable[int],
) -> None:
    with transaction.atomic():
        record(actor=user, action=action, obj=obj, parties=parties, before=snapshot(obj))
        obj.delete()
