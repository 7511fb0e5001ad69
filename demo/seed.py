"""Loads the demo: the organisations, agreements and promises of the five seed pages.

All-or-nothing and idempotent: if the demo is already there, nothing is added.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from demo import content, open311_seed
from demo.est_seed import load_est_demo
from demo.seed_lagesbild import load_lagesbild
from demo.seed_situation import load_police_events
from demo.seed_voices import load_voices
from demo.situation_demo import load_situation_demo
from demo.survey_demo import load_survey_demo
from organisations.models import Contact, Membership, Municipality, Organisation, PoliceArea
from promises.models import (
    Activity,
    Agreement,
    Commitment,
    FocusArea,
    FollowUp,
    GovernanceGroup,
    Indicator,
    Measurement,
    PlanRevision,
    ProgressUpdate,
    Promise,
    PromiseRevision,
    Verdict,
)
from promises.services.editing import promise_snapshot

MARKER_ORGANISATION = "Lokalpolisområde Södra Fyrbodal"


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def is_loaded() -> bool:
    return Organisation.objects.filter(name=MARKER_ORGANISATION).exists()


def _organisations() -> dict[str, Organisation]:
    orgs = {}
    for area_name, org_name in content.POLICE_AREAS.items():
        area = PoliceArea.objects.get(name=area_name)
        orgs[org_name] = Organisation.objects.create(
            kind=Organisation.Kind.POLICE_AREA, name=org_name, police_area=area
        )
    for code, org_name in content.MUNICIPALITIES.items():
        orgs[org_name] = Organisation.objects.create(
            kind=Organisation.Kind.MUNICIPALITY,
            name=org_name,
            municipality=Municipality.objects.get(code=code),
        )
    for org_name, code, description in content.OTHER_ORGANISATIONS:
        orgs[org_name] = Organisation.objects.create(
            kind=Organisation.Kind.OTHER,
            name=org_name,
            municipality=Municipality.objects.get(code=code),
            description=description,
        )
    return orgs


def _users(orgs: dict[str, Organisation]) -> None:
    User = get_user_model()
    for username, first_name, org_name, role, title in content.USERS:
        user = User.objects.create_user(
            username=username, password=content.DEMO_PASSWORD, first_name=first_name
        )
        Membership.objects.create(user=user, organisation=orgs[org_name], role=role, title=title)
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", password=content.DEMO_PASSWORD)


def _contacts(orgs: dict[str, Organisation]) -> None:
    for order, (org_name, code, role, name, phone, email, address, note) in enumerate(
        content.CONTACTS
    ):
        Contact.objects.create(
            organisation=orgs[org_name],
            municipality=Municipality.objects.get(code=code) if code else None,
            role_title=role,
            name=name,
            phone=phone,
            email=email,
            address=address,
            note=note,
            order=order,
        )


def _agreements(orgs: dict[str, Organisation]) -> dict[str, Agreement]:
    agreements = {}
    for data in content.AGREEMENTS:
        agreement = Agreement.objects.create(
            title=data["title"],
            purpose=data.get("purpose", ""),
            problems=data.get("problems", ""),
            goals=data.get("goals", ""),
            documentation=data.get("documentation", ""),
            follow_up_plan=data.get("follow_up_plan", ""),
            signed_on=data["signed_on"],
            valid_from=data["valid_from"],
        )
        agreement.parties.set([orgs[name] for name in data["parties"]])
        for kind, name, task, members in data["groups"]:
            GovernanceGroup.objects.create(
                agreement=agreement, kind=kind, name=name, task=task, members="\n".join(members)
            )
        agreements[data["title"]] = agreement
    return agreements


def _focus_area(name: str | None) -> FocusArea | None:
    if name is None:
        return None
    area, _created = FocusArea.objects.get_or_create(name=name)
    return area


def _activities(
    commitment: Commitment, activities: list[dict], orgs: dict[str, Organisation]
) -> None:
    for data in activities:
        target, unit = data["target"] or (None, "")
        activity = Activity.objects.create(
            commitment=commitment,
            title=data["title"],
            responsible=orgs[data["responsible"]],
            responsible_function=data["function"],
            focus_area=commitment.focus_area,
            start=data["dates"][0],
            end=data["dates"][1],
            target_quantity=target,
            unit=unit,
            counts_people=data.get("counts_people", False),
            status=data["status"],
        )
        for day, text, quantity in data["updates"]:
            ProgressUpdate.objects.create(
                activity=activity,
                date=day,
                text=text,
                quantity=quantity,
                is_public=True,
                approved_at=_at(day),
                author_organisation=activity.responsible,
            )


def _commitments(promise: Promise, data: dict, orgs: dict[str, Organisation]) -> list[Commitment]:
    commitments = []
    for order, item in enumerate(data["commitments"]):
        target, unit = item["target"] or (None, "")
        commitment = Commitment.objects.create(
            promise=promise,
            given_by=item["given_by"],
            text=item["text"],
            focus_area=_focus_area(item["focus_area"]),
            target_quantity=target,
            unit=unit,
            order=order,
        )
        _activities(commitment, item["activities"], orgs)
        commitments.append(commitment)
    return commitments


def _follow_up(promise: Promise, data: dict, commitments: list[Commitment]) -> None:
    follow_up = FollowUp.objects.create(
        promise=promise,
        date=data["date"],
        reviewer_kind=data["reviewer_kind"],
        reviewer_name=data["reviewer_name"],
        summary=data["summary"],
        is_published=True,
        published_at=_at(data["date"]),
    )
    for commitment, verdict, reason in zip(
        commitments, data["verdicts"], data["reasons"], strict=True
    ):
        Verdict.objects.create(
            follow_up=follow_up, commitment=commitment, verdict=verdict, reason=reason
        )


def _indicators(promise: Promise, indicators: list[dict]) -> None:
    for data in indicators:
        indicator = Indicator.objects.create(
            promise=promise,
            name=data["name"],
            definition=data["definition"],
            source=data["source"],
            unit=data["unit"],
            baseline=data["baseline"][0],
            baseline_year=data["baseline"][1],
            target=data["target"][0],
            target_year=data["target"][1],
            direction=data["direction"],
        )
        for day, value in data["measurements"]:
            Measurement.objects.create(indicator=indicator, date=day, value=value)


def _promise(
    data: dict, orgs: dict[str, Organisation], agreements: dict[str, Agreement]
) -> Promise:
    start, end = data["period"]
    promise = Promise.objects.create(
        title=data["title"],
        agreement=agreements.get(data["agreement"]) if data["agreement"] else None,
        period_start=start,
        period_end=end,
        geography=data["geography"],
        intro=data["intro"],
        goal=data["goal"],
        basis=data["basis"],
        follow_along=data["follow_along"],
        plain_summary=data["plain_summary"],
        signed_on=data["signed_on"],
        signatories=data["signatories"],
        status=data["status"],
        published_at=_at(data["published_on"]),
        concluded_on=end if data["status"] == Promise.Status.CONCLUDED else None,
    )
    promise.parties.set([orgs[name] for name in data["parties"]])
    promise.follow_up_bodies.set([orgs[name] for name in data["follow_up_bodies"]])
    promise.focus_areas.set([_focus_area(name) for name in data["focus_areas"]])
    commitments = _commitments(promise, data, orgs)
    PromiseRevision.objects.create(
        promise=promise,
        number=1,
        published_at=_at(data["published_on"]),
        snapshot=promise_snapshot(promise),
        change_note="Löftet publicerades.",
    )
    for year, decided_by, decided_on, note in data.get("plan_revisions", []):
        PlanRevision.objects.create(
            promise=promise, year=year, decided_by=decided_by, decided_on=decided_on, note=note
        )
    if data["follow_up"]:
        _follow_up(promise, data["follow_up"], commitments)
    _indicators(promise, data["indicators"])
    return promise


def _demo_emails() -> None:
    """Demo staff get addresses that can never be delivered to, so that reminders are e-mailed
    (printed by the demo's console e-mail backend). An address someone set is kept."""
    staff = get_user_model().objects.filter(memberships__isnull=False, email="").distinct()
    for user in staff:
        user.email = f"{user.username}@{content.DEMO_EMAIL_DOMAIN}"
        user.save(update_fields=["email"])


@transaction.atomic
def load_demo() -> bool:
    """Load the demo; False when it was already loaded. Parts added later (residents' voices,
    Open311 requests, Svenljunga's safety survey, police events) are added to a demo loaded
    before them."""
    loading = not is_loaded()
    if loading:
        orgs = _organisations()
        _users(orgs)
        _contacts(orgs)
        agreements = _agreements(orgs)
        for data in content.PROMISES:
            _promise(data, orgs, agreements)
    loading = load_voices() or loading
    loading = load_survey_demo() or loading
    loading = load_situation_demo() or loading
    loading = load_police_events() or loading
    loading = load_est_demo() or loading
    loading = load_lagesbild() or loading
    open311_seed.seed()
    _demo_emails()
    return loading
