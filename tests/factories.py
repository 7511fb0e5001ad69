"""Plain factory functions and the shared cast of organisations and people used by the tests.

The cast: LPO Södra Fyrbodal with Tjörn and Orust (one tenant), Härryda with LPO Storgöteborg Syd
(another tenant), and a local BRÅ in Tjörn that follows promises up.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from notifications.models import Subscription
from organisations.models import Contact, Membership, Municipality, Organisation, PoliceArea, Role
from promises.models import (
    Activity,
    Agreement,
    Commitment,
    FollowUp,
    GovernanceGroup,
    Indicator,
    ProgressUpdate,
    Promise,
)

D = datetime.date
PASSWORD = "test-password-123"


def police_org(area: str) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.POLICE_AREA,
        name=f"LPO {area}",
        police_area=PoliceArea.objects.get(name=area),
    )


def municipality_org(code: str) -> Organisation:
    municipality = Municipality.objects.get(code=code)
    return Organisation.objects.create(
        kind=Organisation.Kind.MUNICIPALITY,
        name=f"{municipality.name} kommun",
        municipality=municipality,
    )


def other_org(name: str, code: str) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.OTHER, name=name, municipality=Municipality.objects.get(code=code)
    )


def user(
    username: str, org: Organisation | None = None, role: str = Role.EDITOR, title: str = ""
) -> AbstractBaseUser:
    u = get_user_model().objects.create_user(username=username, password=PASSWORD)
    if org is not None:
        Membership.objects.create(user=u, organisation=org, role=role, title=title)
    return u


def promise(parties: list[Organisation], **fields: object) -> Promise:
    defaults = {
        "title": "Medborgarlöfte 2025",
        "period_start": D(2025, 1, 1),
        "period_end": D(2025, 12, 31),
        "goal": "Öka tryggheten.",
    }
    p = Promise.objects.create(**{**defaults, **fields})
    p.parties.set(parties)
    return p


def commitment(
    p: Promise, text: str = "genomföra riktade insatser", **fields: object
) -> Commitment:
    return Commitment.objects.create(promise=p, text=text, **fields)


def activity(c: Commitment, responsible: Organisation, **fields: object) -> Activity:
    defaults = {
        "title": "Trygghetsvandring i centrum",
        "start": D(2025, 2, 1),
        "end": D(2025, 11, 30),
        "target_quantity": 10,
        "unit": "insatser",
    }
    return Activity.objects.create(commitment=c, responsible=responsible, **{**defaults, **fields})


def progress(a: Activity, quantity: int = 1, **fields: object) -> ProgressUpdate:
    """A progress update; a public one is approved for publication unless told otherwise."""
    defaults = {"date": D(2025, 3, 1), "text": "Genomförd insats.", "is_public": True}
    data = {**defaults, **fields}
    data.setdefault("approved_at", timezone.now() if data["is_public"] else None)
    return ProgressUpdate.objects.create(activity=a, quantity=quantity, **data)


def follow_up(p: Promise, **fields: object) -> FollowUp:
    defaults = {"date": D(2025, 12, 1), "reviewer_kind": "bra", "summary": "Det mesta blev gjort."}
    return FollowUp.objects.create(promise=p, **{**defaults, **fields})


def indicator(p: Promise, **fields: object) -> Indicator:
    defaults = {
        "name": "Andel otrygga",
        "definition": "Andel mycket eller ganska otrygga ute sent.",
        "source": "Trygghetsmätning",
        "unit": "%",
    }
    return Indicator.objects.create(promise=p, **{**defaults, **fields})


def agreement(parties: list[Organisation], **fields: object) -> Agreement:
    a = Agreement.objects.create(
        **{"title": "Samverkansöverenskommelse", "valid_from": D(2024, 1, 1), **fields}
    )
    a.parties.set(parties)
    return a


def group(a: Agreement) -> GovernanceGroup:
    return GovernanceGroup.objects.create(agreement=a, kind="styrgrupp", members="Kommundirektör")


def contact(org: Organisation, **fields: object) -> Contact:
    return Contact.objects.create(
        organisation=org, **{"role_title": "Kommunpolis", "phone": "010-123", **fields}
    )


def subscription(
    email: str = "invanare@example.se", confirmed: bool = True, **fields: object
) -> Subscription:
    """A resident following a promise or a municipality; confirmed unless told otherwise."""
    now = timezone.now()
    defaults = {"language": "sv", "frequency": Subscription.Frequency.WEEKLY}
    if confirmed:
        defaults |= {"confirmed_at": now, "last_sent_at": now}
    return Subscription.objects.create(email=email, **{**defaults, **fields})


@dataclass
class Cast:
    police: Organisation
    tjorn: Organisation
    orust: Organisation
    bra: Organisation
    other_police: Organisation
    harryda: Organisation
    alice: AbstractBaseUser  # editor, Tjörn (coordinator)
    tjorn_admin: AbstractBaseUser
    reporter: AbstractBaseUser  # reporter, Tjörn
    viewer: AbstractBaseUser  # viewer, Tjörn
    bob: AbstractBaseUser  # editor, LPO Södra Fyrbodal (kommunpolis)
    police_reporter: AbstractBaseUser
    orust_editor: AbstractBaseUser
    bra_member: AbstractBaseUser  # editor, BRÅ Tjörn
    bra_viewer: AbstractBaseUser
    charlie: AbstractBaseUser  # editor, Härryda: another tenant


def make_cast() -> Cast:
    police = police_org("Södra Fyrbodal")
    tjorn = municipality_org("1419")
    orust = municipality_org("1421")
    bra = other_org("BRÅ Tjörn", "1419")
    other_police = police_org("Storgöteborg Syd")
    harryda = municipality_org("1401")
    return Cast(
        police=police,
        tjorn=tjorn,
        orust=orust,
        bra=bra,
        other_police=other_police,
        harryda=harryda,
        alice=user("alice", tjorn, Role.EDITOR, "Trygghetssamordnare"),
        tjorn_admin=user("tjorn_admin", tjorn, Role.ADMIN),
        reporter=user("reporter", tjorn, Role.REPORTER),
        viewer=user("viewer", tjorn, Role.VIEWER),
        bob=user("bob", police, Role.EDITOR, "Kommunpolis"),
        police_reporter=user("police_reporter", police, Role.REPORTER),
        orust_editor=user("orust_editor", orust, Role.EDITOR),
        bra_member=user("bra_member", bra, Role.EDITOR),
        bra_viewer=user("bra_viewer", bra, Role.VIEWER),
        charlie=user("charlie", harryda, Role.EDITOR),
    )


@dataclass
class World:
    """A published promise of Södra Fyrbodal with Tjörn and Orust, followed up by the BRÅ, and
    one of Härryda (another tenant)."""

    promise: Promise
    police_commitment: Commitment
    police_activity: Activity
    tjorn_activity: Activity
    follow_up: FollowUp
    indicator: Indicator
    agreement: Agreement
    group: GovernanceGroup
    contact: Contact
    other_promise: Promise
    other_commitment: Commitment
    other_activity: Activity
    other_follow_up: FollowUp
    other_indicator: Indicator
    other_agreement: Agreement
    other_group: GovernanceGroup
    other_contact: Contact


def make_world(cast: Cast, status: str = Promise.Status.DRAFT) -> World:
    p = promise([cast.police, cast.tjorn, cast.orust], status=status)
    p.follow_up_bodies.set([cast.bra])
    pc = commitment(p, given_by=Commitment.Giver.POLICE)
    mc = commitment(p, "erbjuda föräldraträffar", given_by=Commitment.Giver.MUNICIPALITIES)
    ag = agreement([cast.police, cast.tjorn])
    other = promise([cast.other_police, cast.harryda])
    oc = commitment(other)
    other_ag = agreement([cast.other_police, cast.harryda])
    return World(
        promise=p,
        police_commitment=pc,
        police_activity=activity(pc, cast.police, title="Riktade insatser"),
        tjorn_activity=activity(mc, cast.tjorn, title="Föräldraträffar"),
        follow_up=follow_up(p),
        indicator=indicator(p),
        agreement=ag,
        group=group(ag),
        contact=contact(cast.tjorn),
        other_promise=other,
        other_commitment=oc,
        other_activity=activity(oc, cast.harryda),
        other_follow_up=follow_up(other),
        other_indicator=indicator(other),
        other_agreement=other_ag,
        other_group=group(other_ag),
        other_contact=contact(cast.harryda),
    )
