"""Demo requests for the Open311 server: three moderated reports in Tjörn, labelled as
examples, recent enough to be in GET requests' default 90 days. Idempotent."""

import datetime

from django.db import transaction
from django.utils import timezone

from organisations.models import Municipality, Organisation
from participation.models import ReportCategory, ReportUpdate, ResidentReport
from participation.models.reports import ReportSource
from participation.reports.tokens import hash_tracking_token

REPORTS = [
    # token, category, days ago, (lat, lon), precise, place, public text, status, public note
    (
        "demo-open311-belysning",
        "belysning",
        12,
        (57.99131, 11.54778),
        True,
        "Gångvägen vid Skärhamns busstation",
        "Exempel: Två gatlyktor längs gångvägen till busstationen är släckta.",
        ResidentReport.Status.PLANNED,
        "Exempel: Armaturerna byts vecka 3.",
    ),
    (
        "demo-open311-otrygg",
        "otrygg_plats",
        30,
        (58.00392, 11.55946),
        False,
        "",
        "Exempel: Mörkt och ödsligt vid gång- och cykeltunneln på kvällarna.",
        ResidentReport.Status.IN_PROGRESS,
        "Exempel: Vi tar med platsen till höstens trygghetsvandring.",
    ),
    (
        "demo-open311-klotter",
        "klotter",
        55,
        (57.93443, 11.59005),
        False,
        "",
        "Exempel: Klotter på väntkuren vid hamnen i Rönnäng.",
        ResidentReport.Status.FIXED,
        "Exempel: Klottret är sanerat.",
    ),
]


@transaction.atomic
def seed() -> int:
    """Add the demo requests that are missing; the number added."""
    tjorn = Municipality.objects.get(code="1419")
    responsible = Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, municipality=tjorn
    ).first()
    added = 0
    for token, code, days, (lat, lon), precise, place, text, status, note in REPORTS:
        token_hash = hash_tracking_token(token)
        if ResidentReport.objects.filter(tracking_token_hash=token_hash).exists():
            continue
        report = ResidentReport.objects.create(
            municipality=tjorn,
            category=ReportCategory.objects.get(code=code),
            description=text,
            public_text=text,
            latitude=lat,
            longitude=lon,
            precise_approved=precise,
            place_text=place,
            moderation=ResidentReport.Moderation.APPROVED,
            status=status,
            public_note=note,
            responsible=responsible,
            source=ReportSource.OPEN311,
            tracking_token_hash=token_hash,
        )
        at = timezone.now() - datetime.timedelta(days=days)
        ReportUpdate.objects.create(report=report, status=status, public_note=note)
        ResidentReport.objects.filter(pk=report.pk).update(
            created_at=at,
            moderated_at=at + datetime.timedelta(hours=20),
            updated_at=at + datetime.timedelta(days=2),
        )
        added += 1
    return added
