"""Response schemas of the public API (the OpenAPI schema and the documentation page are built
from these). Field names are English and stable; texts are as published, in Swedish.

Plain pydantic models, not ninja.Schema: the views hand over dicts, and ninja's attribute
resolution would cost a Python call per nested object (see bench/bench_api_promise.py)."""

import datetime
from typing import Any, Literal

from pydantic import BaseModel as Schema
from pydantic import Field


class Figure(Schema):
    """A published figure: `value` only when `state` is "shown"; a small count of people is
    "suppressed" (DOMAIN.md §7); "missing" when there is no figure."""

    state: Literal["shown", "suppressed", "missing"]
    value: float | int | None = None


class County(Schema):
    code: str = Field(description="Länskod, två siffror.")
    name: str


class PoliceAreaOut(Schema):
    name: str
    police_district: str
    region: str


class Party(Schema):
    id: int
    name: str
    kind: Literal["police_area", "municipality", "other"]
    kommunkod: str | None = None


class FocusAreaOut(Schema):
    id: int
    name: str


class PromiseSummary(Schema):
    id: int
    title: str
    status: Literal["published", "concluded", "replaced"]
    period_start: datetime.date
    period_end: datetime.date
    parties: list[Party]
    focus_areas: list[FocusAreaOut]
    url: str = Field(description="Den publika sidan.")
    api_url: str


class MunicipalitySummary(Schema):
    kommunkod: str
    name: str
    slug: str
    lan: County
    has_promise: bool = Field(description="Har minst ett publicerat, avslutat eller ersatt löfte.")
    url: str
    api_url: str


class ContactOut(Schema):
    role_title: str
    organisation: str
    phone: str
    email: str = Field(description="Funktionens e-postadress, aldrig en användares.")
    address: str
    note: str


class MunicipalityDetail(MunicipalitySummary):
    police_areas: list[PoliceAreaOut]
    current_promises: list[PromiseSummary]
    contacts: list[ContactOut]


class ResponsibleOut(Schema):
    id: int
    name: str


class ActivityOut(Schema):
    id: int
    title: str
    status: str
    status_label: str
    responsible: ResponsibleOut
    responsible_function: str
    focus_area: str | None
    start: datetime.date
    end: datetime.date
    unit: str
    counts_people: bool
    done: Figure
    target: Figure
    percent: int | None


class CommitmentOut(Schema):
    id: int
    text: str
    given_by: str
    party: str | None
    focus_area: str | None
    unit: str
    target: Figure
    done: Figure = Field(
        description="Summan av aktiviteternas antal; inte publicerad när en aktivitet räknar "
        "personer."
    )
    percent: int | None
    activity_count: int
    activities_done: int
    activities: list[ActivityOut]


class CommitmentGroupOut(Schema):
    giver: str
    heading: str = Field(description="T.ex. ”Polisen lovar att …”.")
    commitments: list[CommitmentOut]


class VerdictOut(Schema):
    commitment_id: int
    commitment: str
    verdict: Literal["genomford", "delvis", "ej_genomford"]
    verdict_label: str
    reason: str


class AssessmentOut(Schema):
    indicator_id: int
    indicator: str
    light: Literal["green", "yellow", "red"]
    comment: str


class FollowUpOut(Schema):
    id: int
    date: datetime.date
    reviewer: str
    reviewer_kind: str
    summary: str
    next_period_changes: str
    reported_to_council_on: datetime.date | None
    verdicts: list[VerdictOut]
    assessments: list[AssessmentOut]


class MeasurementOut(Schema):
    date: datetime.date
    value: Figure
    low: float | None = Field(
        None,
        description="Nedre gräns för 95 % konfidensintervall, för mätvärden från en "
        "trygghetsundersökning; bara när värdet visas.",
    )
    high: float | None = Field(None, description="Övre gräns för 95 % konfidensintervall.")
    note: str


class IndicatorOut(Schema):
    id: int
    name: str
    definition: str
    source: str
    unit: str
    direction: Literal["up", "down"]
    baseline: Figure
    baseline_year: int | None
    target: Figure
    target_year: int | None
    latest: Figure
    light: Literal["green", "yellow", "red"] | None
    measurements: list[MeasurementOut]


class RevisionSummary(Schema):
    number: int
    published_at: datetime.datetime
    change_note: str
    url: str
    api_url: str


class RevisionDetail(RevisionSummary):
    promise_id: int
    text: dict[str, Any] = Field(description="Löftets publicerade text i den här versionen.")


class PromiseDetail(PromiseSummary):
    geography: str
    intro: str
    goal: str
    basis: str
    follow_along: str
    plain_summary: str
    signed_on: datetime.date | None
    signatories: list[str]
    extended_from: datetime.date | None = Field(description="Ursprungligt slutdatum om förlängt.")
    successor_id: int | None
    activity_count: int
    activities_done: int
    commitment_groups: list[CommitmentGroupOut]
    follow_ups: list[FollowUpOut]
    indicators: list[IndicatorOut]
    revisions: list[RevisionSummary]


class GroupOut(Schema):
    name: str
    kind: str
    task: str
    members: list[str] = Field(description="Roller, inte namn.")


class AgreementOut(Schema):
    id: int
    title: str
    parties: list[Party]
    signed_on: datetime.date | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None = Field(description="Tomt betyder tills vidare.")
    purpose: str
    problems: str
    goals: list[str]
    groups: list[GroupOut]


class ActivityRef(Schema):
    id: int
    title: str
    unit: str
    responsible: str


class ProgressUpdateOut(Schema):
    id: int
    date: datetime.date
    text: str
    quantity: Figure = Field(
        description="Aldrig publicerad för en aktivitet som räknar personer (”suppressed”)."
    )
    activity: ActivityRef
    promise_id: int
