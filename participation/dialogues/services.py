"""Recording dialogues: every change audited with a dotted action name ("dialogue.created")."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from organisations import auditlog
from participation.models import Dialogue, DialogueRemark
from participation.recording import delete_part, save_part


def _parties(dialogue: Dialogue) -> list[int]:
    return [dialogue.organisation_id]


def save_dialogue(form: forms.ModelForm, *, user: AbstractBaseUser) -> Dialogue:
    creating = form.instance.pk is None
    extra = {"created_by": user} if creating else {}
    return auditlog.audited_save(
        form,
        user=user,
        action="dialogue.created" if creating else "dialogue.changed",
        parties=_parties,
        **extra,
    )


def set_published(dialogue: Dialogue, *, user: AbstractBaseUser, published: bool) -> Dialogue:
    with transaction.atomic():
        return auditlog.audited_update(
            dialogue,
            user=user,
            action="dialogue.published" if published else "dialogue.unpublished",
            parties=_parties(dialogue),
            is_published=published,
        )


def delete_dialogue(dialogue: Dialogue, *, user: AbstractBaseUser) -> None:
    auditlog.audited_delete(
        dialogue, user=user, action="dialogue.deleted", parties=_parties(dialogue)
    )


def save_remark(form: forms.ModelForm, *, user: AbstractBaseUser) -> DialogueRemark:
    remark = form.instance
    if remark.pk is not None:
        return save_part(form, user=user, action="dialogue.remark_changed", parent=remark.dialogue)
    last = remark.dialogue.remarks.aggregate(models.Max("order"))["order__max"]
    return save_part(
        form,
        user=user,
        action="dialogue.remark_added",
        parent=remark.dialogue,
        order=0 if last is None else last + 1,
    )


def delete_remark(remark: DialogueRemark, *, user: AbstractBaseUser) -> None:
    delete_part(remark, user=user, action="dialogue.remark_deleted", parent=remark.dialogue)
