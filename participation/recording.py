"""What dialogues and safety walks share: who may record them, and for which municipalities."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from organisations import auditlog
from organisations.access import Access
from organisations.models import Area, Municipality, Organisation, Role

NO_NAMES = _("Skriv aldrig namn eller uppgifter som kan peka ut en person.")


def recording_organisations(access: Access, current_id: int | None = None) -> QuerySet:
    """The organisations the user may record for: those where they are editor or admin."""
    ids = access.org_ids(Role.EDITOR) | ({current_id} if current_id else set())
    return Organisation.objects.filter(id__in=ids).order_by("name")


def municipalities_of(orgs: QuerySet[Organisation] | list[Organisation]) -> QuerySet:
    """The municipalities organisations work in: its own for a municipality (or a local BRÅ, a
    housing company), every covered municipality for a police area."""
    ids = [o.pk for o in orgs]
    return Municipality.objects.filter(
        Q(organisations__id__in=ids) | Q(police_areas__organisation__id__in=ids)
    ).distinct()


class RecordingForm(forms.ModelForm):
    """Organisation and municipality for a dialogue or a walk: the municipality must be one the
    organisation works in."""

    def __init__(self, *args: object, access: Access, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.access = access
        orgs = recording_organisations(access, self.instance.organisation_id)
        self.fields["organisation"].queryset = orgs
        self.fields["municipality"].queryset = municipalities_of(orgs).order_by("name")
        self.fields["municipality"].label = _("Kommun")
        areas = Area.objects.filter(municipality__in=self.fields["municipality"].queryset)
        if areas.exists():
            self.fields["area"].queryset = areas.select_related("municipality")
        else:  # no areas defined for these municipalities: nothing to choose
            del self.fields["area"]
        if len(orgs) == 1 and not self.instance.pk:
            self.fields["organisation"].initial = orgs[0].pk
            municipalities = list(municipalities_of(orgs)[:2])
            if len(municipalities) == 1:
                self.fields["municipality"].initial = municipalities[0].pk

    def clean(self) -> dict:
        data = super().clean()
        org, municipality = data.get("organisation"), data.get("municipality")
        if org and municipality and not municipalities_of([org]).filter(pk=municipality.pk):
            self.add_error(
                "municipality",
                _(
                    "%(org)s arbetar inte i %(municipality)s. Välj en kommun som organisationen arbetar i."
                )
                % {"org": org, "municipality": municipality},
            )
        area = data.get("area")
        if area and municipality and area.municipality_id != municipality.pk:
            self.add_error("area", _("Området ligger inte i den valda kommunen."))
        return data


def save_part(
    form: forms.ModelForm,
    *,
    user: AbstractBaseUser,
    action: str,
    parent: models.Model,
    **save_attrs: object,
) -> models.Model:
    """Save a part of a dialogue or a walk (a remark, a stop, an action) with the audit entry on
    the whole, so that the dialogue's or walk's history tells everything that happened to it,
    deleted parts included."""
    model = type(form.instance)
    before = auditlog.snapshot(model.objects.get(pk=form.instance.pk)) if form.instance.pk else None
    with transaction.atomic():
        obj = form.save(commit=False)
        for name, value in save_attrs.items():
            setattr(obj, name, value)
        obj.save()
        form.save_m2m()
        auditlog.record(
            actor=user,
            action=action,
            obj=parent,
            parties=[parent.organisation_id],
            before=before,
            after=auditlog.snapshot(obj),
        )
    return obj


def delete_part(
    obj: models.Model, *, user: AbstractBaseUser, action: str, parent: models.Model
) -> None:
    with transaction.atomic():
        auditlog.record(
            actor=user,
            action=action,
            obj=parent,
            parties=[parent.organisation_id],
            before=auditlog.snapshot(obj),
        )
        obj.delete()
