"""Recording åtgärdsplaner: every change audited with a dotted action name
("action_plan.created"), readable by the organisations working in the municipality."""

import datetime

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.db.models import Q

from organisations import auditlog
from organisations.models import Organisation
from situation.models import ActionPlan, ActionPlanMeasure


def plan_parties(plan: ActionPlan) -> list[int]:
    """The municipality's own organisations (the municipality, its BRÅ…) and the police areas
    covering it: the readers of the plan's history."""
    return list(
        Organisation.objects.filter(
            Q(municipality_id=plan.municipality_id)
            | Q(police_area__municipalities=plan.municipality_id)
        )
        .values_list("id", flat=True)
        .distinct()
    )


def save_plan(form: forms.ModelForm, *, user: AbstractBaseUser) -> ActionPlan:
    creating = form.instance.pk is None
    return auditlog.audited_save(
        form,
        user=user,
        action="action_plan.created" if creating else "action_plan.changed",
        parties=plan_parties,
    )


def delete_plan(plan: ActionPlan, *, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        parties = plan_parties(plan)
        auditlog.record(
            actor=user,
            action="action_plan.deleted",
            obj=plan,
            parties=parties,
            before=auditlog.snapshot(plan) | {"åtgärder": [str(m) for m in plan.measures.all()]},
        )
        plan.delete()


def record_review(
    plan: ActionPlan, *, user: AbstractBaseUser, reviewed_on: datetime.date
) -> ActionPlan:
    """The plan has been reviewed: the next review is one interval after this one."""
    with transaction.atomic():
        return auditlog.audited_update(
            plan,
            user=user,
            action="action_plan.reviewed",
            parties=plan_parties(plan),
            last_reviewed_on=reviewed_on,
            next_review_on=plan.review_due(since=reviewed_on),
        )


def save_measure(form: forms.ModelForm, *, user: AbstractBaseUser) -> ActionPlanMeasure:
    """A measure is part of its plan: the audit entry is on the plan, so that the plan's history
    tells everything that happened to it, deleted measures included."""
    measure = form.instance
    creating = measure.pk is None
    before = (
        auditlog.snapshot(ActionPlanMeasure.objects.get(pk=measure.pk)) if not creating else None
    )
    with transaction.atomic():
        obj = form.save(commit=False)
        if creating:
            last = measure.plan.measures.aggregate(models.Max("order"))["order__max"]
            obj.order = 0 if last is None else last + 1
        obj.save()
        form.save_m2m()
        auditlog.record(
            actor=user,
            action="action_plan.measure_added" if creating else "action_plan.measure_changed",
            obj=measure.plan,
            parties=plan_parties(measure.plan),
            before=before,
            after=auditlog.snapshot(obj),
        )
    return obj


def delete_measure(measure: ActionPlanMeasure, *, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        auditlog.record(
            actor=user,
            action="action_plan.measure_deleted",
            obj=measure.plan,
            parties=plan_parties(measure.plan),
            before=auditlog.snapshot(measure),
        )
        measure.delete()
