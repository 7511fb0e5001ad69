"""Turning what the public pages show (public.pages) into the public API's JSON.

Only fields the public pages show are published; every figure that counts people goes through
core.privacy.public_count, so the API and the pages suppress the same numbers.
"""

import functools

from django.urls import reverse
from django.utils.translation import get_language

from core.privacy import FigureState, PublicFigure, public_count
from organisations.models import Contact, Municipality, Organisation
from promises.models import (
    ActivityStatus,
    Agreement,
    FollowUp,
    ProgressUpdate,
    Promise,
    PromiseRevision,
    Verdict,
)
from public.pages import ActivityView, CommitmentView, IndicatorView, PromiseView


def _api(name: str, *args: object) -> str:
    return reverse(f"api:{name}", args=args)


@functools.lru_cache
def _labels(language: str | None) -> dict[str, dict[str, str]]:
    """Status and verdict labels, translated once per language rather than once per row
    (get_FOO_display() translates every choice each time)."""
    return {
        "status": {value: str(label) for value, label in ActivityStatus.choices},
        "verdict": {value: str(label) for value, label in Verdict.Choice.choices},
    }


def figure(value: float | int | None, *, counts_people: bool = False) -> dict:
    return public_count(value, counts_people=counts_people).as_dict()


def party(org: Organisation) -> dict:
    municipality = org.municipality if org.is_municipality else None
    return {
        "id": org.pk,
        "name": org.name,
        "kind": org.kind,
        "kommunkod": municipality.code if municipality else None,
    }


def promise_summary(promise: Promise) -> dict:
    return {
        "id": promise.pk,
        "title": promise.title,
        "status": promise.status,
        "period_start": promise.period_start,
        "period_end": promise.period_end,
        "parties": [party(p) for p in promise.parties.all()],
        "focus_areas": [{"id": f.pk, "name": f.name} for f in promise.focus_areas.all()],
        "url": promise.get_absolute_url(),
        "api_url": _api("promise_detail", promise.pk),
    }


def municipality_summary(municipality: Municipality) -> dict:
    return {
        "kommunkod": municipality.code,
        "name": municipality.name,
        "slug": municipality.slug,
        "lan": {"code": municipality.county.code, "name": municipality.county.name},
        "has_promise": municipality.has_promise,
        "url": municipality.get_absolute_url(),
        "api_url": _api("municipality_detail", municipality.code),
    }


def contact(c: Contact) -> dict:
    return {
        "role_title": c.role_title,
        "organisation": c.organisation.name,
        "phone": c.phone,
        "email": c.email,
        "address": c.address,
        "note": c.note,
    }


def _activity(view: ActivityView) -> dict:
    a = view.activity
    return {
        "id": a.pk,
        "title": a.title,
        "status": a.status,
        "status_label": _labels(get_language())["status"][a.status],
        "responsible": {"id": a.responsible_id, "name": a.responsible_name},
        "responsible_function": a.responsible_function,
        "focus_area": a.focus_area_name,
        "start": a.start,
        "end": a.end,
        "unit": a.unit,
        "counts_people": a.counts_people,
        "done": view.done.as_dict(),
        "target": view.target.as_dict(),
        "percent": view.percent,
    }


def _commitment_done(view: CommitmentView) -> dict:
    """The commitment's total as the page shows it: only when no activity counts people."""
    c = view.commitment
    if view.shows_quantity:
        return figure(c.done_quantity)
    if c.target_quantity and c.people_activity_count:
        return PublicFigure(FigureState.SUPPRESSED).as_dict()
    return PublicFigure(FigureState.MISSING).as_dict()


def _commitment(view: CommitmentView) -> dict:
    c = view.commitment
    return {
        "id": c.pk,
        "text": c.text,
        "given_by": c.given_by,
        "party": c.party.name if c.party else None,
        "focus_area": c.focus_area.name if c.focus_area else None,
        "unit": c.unit,
        "target": figure(c.target_quantity),
        "done": _commitment_done(view),
        "percent": view.percent if view.shows_quantity else None,
        "activity_count": c.activity_count,
        "activities_done": c.activities_done,
        "activities": [_activity(av) for av in view.activities],
    }


def _follow_up(fu: FollowUp) -> dict:
    return {
        "id": fu.pk,
        "date": fu.date,
        "reviewer": fu.reviewer_label(),
        "reviewer_kind": fu.reviewer_kind,
        "summary": fu.summary,
        "next_period_changes": fu.next_period_changes,
        "reported_to_council_on": fu.reported_to_council_on,
        "verdicts": [
            {
                "commitment_id": v.commitment_id,
                "commitment": v.commitment.text,
                "verdict": v.verdict,
                "verdict_label": _labels(get_language())["verdict"][v.verdict],
                "reason": v.reason,
            }
            for v in fu.verdicts.all()
        ],
        "assessments": [
            {
                "indicator_id": a.indicator_id,
                "indicator": a.indicator.name,
                "light": a.light,
                "comment": a.comment,
            }
            for a in fu.assessments.all()
        ],
    }


def _indicator(view: IndicatorView) -> dict:
    i = view.indicator
    return {
        "id": i.pk,
        "name": i.name,
        "definition": i.definition,
        "source": i.source,
        "unit": i.unit,
        "direction": i.direction,
        "baseline": view.baseline.as_dict(),
        "baseline_year": i.baseline_year,
        "target": view.target.as_dict(),
        "target_year": i.target_year,
        "latest": view.latest.as_dict(),
        "light": view.light,
        "measurements": [
            {
                "date": m.date,
                "value": fig.as_dict(),
                "low": float(m.low) if fig.shown and m.low is not None else None,
                "high": float(m.high) if fig.shown and m.high is not None else None,
                "note": m.note,
            }
            for m, fig in view.measurements
        ],
    }


def revision_summary(revision: PromiseRevision) -> dict:
    args = (revision.promise_id, revision.number)
    return {
        "number": revision.number,
        "published_at": revision.published_at,
        "change_note": revision.change_note,
        "url": reverse("public:promise_revision", args=args),
        "api_url": _api("promise_revision", *args),
    }


def promise_detail(view: PromiseView) -> dict:
    p = view.promise
    successor = p.successor if p.successor and p.successor.is_public else None
    return {
        **promise_summary(p),
        "geography": p.geography,
        "intro": p.intro,
        "goal": p.goal,
        "basis": p.basis,
        "follow_along": p.follow_along,
        "plain_summary": p.plain_summary,
        "signed_on": p.signed_on,
        "signatories": p.signatory_titles(),
        "extended_from": p.original_period_end,
        "successor_id": successor.pk if successor else None,
        "activity_count": view.activity_count,
        "activities_done": view.activities_done,
        "commitment_groups": [
            {
                "giver": g.commitments[0].commitment.group_key,
                "heading": g.heading,
                "commitments": [_commitment(cv) for cv in g.commitments],
            }
            for g in view.groups
        ],
        "follow_ups": [_follow_up(fu) for fu in view.follow_ups],
        "indicators": [_indicator(iv) for iv in view.indicators],
        "revisions": [revision_summary(r) for r in p.revisions.all()],
    }


def agreement(a: Agreement) -> dict:
    return {
        "id": a.pk,
        "title": a.title,
        "parties": [party(p) for p in a.parties.all()],
        "signed_on": a.signed_on,
        "valid_from": a.valid_from,
        "valid_until": a.valid_until,
        "purpose": a.purpose,
        "problems": a.problems,
        "goals": [line.strip() for line in a.goals.splitlines() if line.strip()],
        "groups": [
            {"name": str(g), "kind": g.kind, "task": g.task, "members": g.member_roles()}
            for g in a.groups.all()
        ],
    }


def progress_update(u: ProgressUpdate) -> dict:
    a = u.activity
    # A single update's count of people is never published: with the activity's total it would
    # let anyone work out a suppressed figure by subtraction (as in public/feeds.py).
    quantity = (
        PublicFigure(FigureState.SUPPRESSED).as_dict() if a.counts_people else figure(u.quantity)
    )
    return {
        "id": u.pk,
        "date": u.date,
        "text": u.text,
        "quantity": quantity,
        "activity": {
            "id": a.pk,
            "title": a.title,
            "unit": a.unit,
            "responsible": a.responsible.name,
        },
        "promise_id": a.commitment.promise_id,
    }
