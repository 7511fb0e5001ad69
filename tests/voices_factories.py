"""Plain factories for residents' voices: reports, dialogues and safety walks."""

import datetime

from organisations.models import Municipality, Organisation
from participation.models import (
    Dialogue,
    DialogueRemark,
    ReportCategory,
    ResidentReport,
    SafetyWalk,
    WalkAction,
    WalkStop,
)

D = datetime.date
# A point in Skärhamn, Tjörn.
SKARHAMN = (57.99131, 11.54778)


def report(
    municipality_code: str = "1419", category: str = "belysning", **fields: object
) -> ResidentReport:
    lat, lon = fields.pop("point", SKARHAMN)
    defaults = {
        "description": "Gatlyktan vid busshållplatsen är trasig sedan en vecka.",
        "latitude": lat,
        "longitude": lon,
        "tracking_token_hash": ResidentReport.new_tracking_token(),
    }
    return ResidentReport.objects.create(
        municipality=Municipality.objects.get(code=municipality_code),
        category=ReportCategory.objects.get(code=category),
        **{**defaults, **fields},
    )


def approved_report(**fields: object) -> ResidentReport:
    r = report(**fields)
    r.moderation = ResidentReport.Moderation.APPROVED
    r.public_text = r.public_text or r.description
    r.save()
    return r


def dialogue(org: Organisation, **fields: object) -> Dialogue:
    defaults = {
        "municipality": org.municipality,
        "kind": Dialogue.Kind.CITIZEN,
        "title": "Medborgardialog i Skärhamn",
        "held_on": D(2025, 10, 7),
        "format": Dialogue.Format.MEETING,
        "participants": 24,
    }
    d = Dialogue.objects.create(organisation=org, **{**defaults, **fields})
    DialogueRemark.objects.create(dialogue=d, text="Mörkt vid hamnen på kvällarna.")
    return d


def walk(org: Organisation, **fields: object) -> SafetyWalk:
    defaults = {
        "municipality": org.municipality,
        "title": "Trygghetsvandring i centrum",
        "walked_on": D(2025, 11, 4),
        "light": SafetyWalk.Light.DARKNESS,
        "participants": 14,
    }
    w = SafetyWalk.objects.create(organisation=org, **{**defaults, **fields})
    stop = WalkStop.objects.create(
        walk=w,
        latitude=SKARHAMN[0],
        longitude=SKARHAMN[1],
        category="belysning",
        remark="Mörk gångväg.",
    )
    WalkAction.objects.create(
        stop=stop,
        text="Ny belysning längs gångvägen.",
        responsible=org,
        responsible_role="Gatuchef",
    )
    return w
