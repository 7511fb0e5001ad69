"""Writing EST: every observation, checklist change and weekly compilation is audited
("est.observation_submitted", "est.category_added", "est.compilation_saved")."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from organisations import auditlog
from organisations.models import Municipality, Organisation
from situation.models import EstCategory, EstObservation, WeeklyCompilation


def submit_observation(form: forms.ModelForm, *, user: AbstractBaseUser) -> EstObservation:
    return auditlog.audited_save(
        form,
        user=user,
        action="est.observation_submitted",
        parties=lambda observation: [observation.organisation_id],
        reporter=user,
    )


def save_category(form: forms.ModelForm, *, user: AbstractBaseUser) -> EstCategory:
    creating = form.instance.pk is None
    return auditlog.audited_save(
        form,
        user=user,
        action="est.category_added" if creating else "est.category_changed",
        parties=lambda category: [category.organisation_id],
        **({"code": _free_code(form.instance)} if creating else {}),
    )


def _free_code(category: EstCategory) -> str:
    from django.utils.text import slugify

    base = slugify(category.name)[:30] or "punkt"
    taken = set(
        EstCategory.objects.filter(organisation_id=category.organisation_id).values_list(
            "code", flat=True
        )
    )
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code


def compilation_for(
    organisation: Organisation, municipality: Municipality, year: int, week: int
) -> WeeklyCompilation:
    """The organisation's compilation of the week, unsaved when there is none yet."""
    found = WeeklyCompilation.objects.filter(
        organisation=organisation, municipality=municipality, iso_year=year, iso_week=week
    ).first()
    return found or WeeklyCompilation(
        organisation=organisation, municipality=municipality, iso_year=year, iso_week=week
    )


def save_compilation(form: forms.ModelForm, *, user: AbstractBaseUser) -> WeeklyCompilation:
    creating = form.instance.pk is None
    with transaction.atomic():
        return auditlog.audited_save(
            form,
            user=user,
            action="est.compilation_created" if creating else "est.compilation_changed",
            parties=lambda compilation: [compilation.organisation_id],
            **({"created_by": user} if creating else {}),
        )
