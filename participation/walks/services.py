"""Recording safety walks: every change audited on the walk ("safety_walk.stop_added")."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from organisations import auditlog
from participation.models import SafetyWalk, WalkAction, WalkStop
from participation.recording import delete_part, save_part


def save_walk(form: forms.ModelForm, *, user: AbstractBaseUser) -> SafetyWalk:
    creating = form.instance.pk is None
    return auditlog.audited_save(
        form,
        user=user,
        action="safety_walk.created" if creating else "safety_walk.changed",
        parties=lambda walk: [walk.organisation_id],
        **({"created_by": user} if creating else {}),
    )


def set_published(walk: SafetyWalk, *, user: AbstractBaseUser, published: bool) -> SafetyWalk:
    with transaction.atomic():
        return auditlog.audited_update(
            walk,
            user=user,
            action="safety_walk.published" if published else "safety_walk.unpublished",
            parties=[walk.organisation_id],
            is_published=published,
        )


def delete_walk(walk: SafetyWalk, *, user: AbstractBaseUser) -> None:
    auditlog.audited_delete(
        walk, user=user, action="safety_walk.deleted", parties=[walk.organisation_id]
    )


def save_stop(form: forms.ModelForm, *, user: AbstractBaseUser) -> WalkStop:
    stop = form.instance
    if stop.pk is not None:
        return save_part(form, user=user, action="safety_walk.stop_changed", parent=stop.walk)
    last = stop.walk.stops.aggregate(models.Max("order"))["order__max"]
    return save_part(
        form,
        user=user,
        action="safety_walk.stop_added",
        parent=stop.walk,
        order=0 if last is None else last + 1,
    )


def delete_stop(stop: WalkStop, *, user: AbstractBaseUser) -> None:
    delete_part(stop, user=user, action="safety_walk.stop_deleted", parent=stop.walk)


def save_action(form: forms.ModelForm, *, user: AbstractBaseUser) -> WalkAction:
    action = form.instance
    name = "safety_walk.action_changed" if action.pk else "safety_walk.action_added"
    return save_part(form, user=user, action=name, parent=action.stop.walk)


def delete_action(action: WalkAction, *, user: AbstractBaseUser) -> None:
    delete_part(action, user=user, action="safety_walk.action_deleted", parent=action.stop.walk)


def record_revisit(
    walk: SafetyWalk, formset: forms.BaseModelFormSet, *, user: AbstractBaseUser
) -> int:
    """Save the result of the revisit for every action whose result or note changed, each with
    its own audit entry; returns how many changed. Only the walk's own actions (the formset's
    queryset) are saved: a posted id of anything else never creates or changes a row."""
    changed = 0
    with transaction.atomic():
        for form in formset.initial_forms:
            if form.instance.pk is not None and form.has_changed():
                save_part(form, user=user, action="safety_walk.action_revisited", parent=walk)
                changed += 1
    return changed
