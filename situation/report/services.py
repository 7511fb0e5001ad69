"""Writing lägesbilder: create and edit, publish (which freezes the figures), delete, and carry
a suggested focus area into a new draft promise. Every change is audited."""

import datetime

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisations import auditlog
from organisations.models import Organisation
from promises.models import FocusArea, Promise
from situation.models import SituationReport, SuggestedFocusArea
from situation.report.builder import build_figures
from situation.report.figures import ReportFigures, Scope, dump, load_figures

FROZEN = {"frozen_figures"}


def scope_of(report: SituationReport) -> Scope:
    return Scope(
        municipality_ids=sorted(m.pk for m in report.municipalities.all()),
        area_ids=sorted(a.pk for a in report.areas.all()),
        start=report.period_start,
        end=report.period_end,
    )


def figures_for(report: SituationReport) -> ReportFigures:
    """The published figures as they were frozen, or a draft's built from today's data."""
    if report.is_published and report.frozen_figures:
        return load_figures(report.frozen_figures)
    return build_figures(scope_of(report))


def parties(report: SituationReport) -> set[int]:
    """Who reads the audit trail: the responsible organisation and the municipalities' own."""
    ids = {report.organisation_id}
    ids |= set(
        Organisation.objects.filter(
            kind=Organisation.Kind.MUNICIPALITY,
            municipality__in=report.municipalities.all(),
        ).values_list("id", flat=True)
    )
    return ids


def _snapshot(obj: object) -> dict | None:
    return auditlog.snapshot(obj, exclude=FROZEN)


def save_report(form: forms.ModelForm, *, user: AbstractBaseUser, action: str) -> SituationReport:
    report = form.instance
    before = _snapshot(SituationReport.objects.get(pk=report.pk)) if report.pk else None
    with transaction.atomic():
        report = form.save(commit=False)
        if report.pk is None:
            report.created_by = user
        report.save()
        form.save_m2m()
        auditlog.record(
            actor=user,
            action=action,
            obj=report,
            parties=parties(report),
            before=before,
            after=_snapshot(report),
        )
    return report


def publish_report(*, report: SituationReport, user: AbstractBaseUser) -> SituationReport:
    """Freeze today's figures into the lägesbild and publish it."""
    if report.is_published:
        raise ValidationError(_("Lägesbilden är redan publicerad."))
    figures = build_figures(scope_of(report))
    if not figures.has_data:
        raise ValidationError(_("Det finns inga uppgifter för perioden att publicera."))
    with transaction.atomic():
        before = _snapshot(report)
        report.frozen_figures = dump(figures)
        report.status = SituationReport.Status.PUBLISHED
        report.published_at = timezone.now()
        report.save()
        auditlog.record(
            actor=user,
            action="situation_report.published",
            obj=report,
            parties=parties(report),
            before=before,
            after={**_snapshot(report), "sources": [s.key for s in figures.used]},
        )
    return report


def delete_report(*, report: SituationReport, user: AbstractBaseUser) -> None:
    with transaction.atomic():
        auditlog.record(
            actor=user,
            action="situation_report.deleted",
            obj=report,
            parties=parties(report),
            before=_snapshot(report),
        )
        report.delete()


def save_focus_area(
    form: forms.ModelForm, *, user: AbstractBaseUser, report: SituationReport
) -> SuggestedFocusArea:
    creating = form.instance.pk is None
    return auditlog.audited_save(
        form,
        user=user,
        action="situation_report.focus_area_added"
        if creating
        else "situation_report.focus_area_changed",
        parties=lambda _obj: parties(report),
        report=report,
    )


def delete_focus_area(*, focus_area: SuggestedFocusArea, user: AbstractBaseUser) -> None:
    auditlog.audited_delete(
        focus_area,
        user=user,
        action="situation_report.focus_area_deleted",
        parties=parties(focus_area.report),
    )


def promise_parties(report: SituationReport) -> list[Organisation]:
    """The organisations of the lägesbild's municipalities and of the police areas covering
    them, with the responsible organisation: the parties a promise from it would have."""
    municipalities = report.municipalities.all()
    found = Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, municipality__in=municipalities
    ) | Organisation.objects.filter(
        kind=Organisation.Kind.POLICE_AREA, police_area__municipalities__in=municipalities
    )
    ids = set(found.values_list("id", flat=True)) | {report.organisation_id}
    return list(Organisation.objects.filter(id__in=ids))


def carry_into_promise(*, focus_area: SuggestedFocusArea, user: AbstractBaseUser) -> Promise:
    """A new draft promise with the focus area, resting on the lägesbild."""
    report = focus_area.report
    if focus_area.created_promise_id:
        raise ValidationError(_("Fokusområdet har redan blivit ett medborgarlöfte."))
    year = report.period_end.year + 1
    with transaction.atomic():
        area, _created = FocusArea.objects.get_or_create(
            name=focus_area.title[:80], defaults={"description": focus_area.rationale[:300]}
        )
        promise = Promise.objects.create(
            title=_("Medborgarlöfte %(year)s: %(focus)s") % {"year": year, "focus": area.name},
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            goal=focus_area.rationale or _("Skriv målet med löftet."),
            basis=_("Lägesbilden ”%(title)s”.") % {"title": report.title},
        )
        party_orgs = promise_parties(report)
        promise.parties.set(party_orgs)
        promise.focus_areas.add(area)
        report.promises.add(promise)
        focus_area.created_promise = promise
        focus_area.save(update_fields=["created_promise"])
        auditlog.record(
            actor=user,
            action="promise.created",
            obj=promise,
            parties=[o.pk for o in party_orgs],
            after={**auditlog.snapshot(promise), "situation_report": report.pk},
        )
        auditlog.record(
            actor=user,
            action="situation_report.focus_area_carried",
            obj=report,
            parties=parties(report),
            after={"focus_area": focus_area.title, "promise": promise.pk},
        )
    return promise
