"""Demo reports in Tjörn, labelled as examples: moderated ones for the Open311 server and the
public map (recent enough to be in GET requests' default 90 days; one published but left at
"mottagen" for 18 days, so the queue shows it overdue), and reports in the moderation queue –
one waiting with a name to redact, one waiting past the overdue limit, one rejected – with two
response templates. The one set of demo reports; idempotent."""

import datetime

from django.db import transaction
from django.utils import timezone

from organisations.models import Municipality, Organisation
from participation.models import ReportCategory, ReportUpdate, ResidentReport, ResponseTemplate
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
    (
        "demo-open311-nedskrapning",
        "nedskrapning",
        18,
        (57.99405, 11.55203),
        False,
        "",
        "Exempel: Överfulla papperskorgar och skräp vid badplatsen.",
        ResidentReport.Status.RECEIVED,
        "",
    ),
]

# In the moderation queue: token, category, days ago, (lat, lon), place, text as typed,
# moderation, reason for a rejection.
QUEUE = [
    (
        "demo-ko-namn",
        "belysning",
        2,
        (57.99212, 11.54902),
        "Strandvägen, vid busshållplatsen",
        "Exempel: Lampan vid busshållplatsen utanför Anna Exempelssons hus på Strandvägen 4 "
        "blinkar och slocknar på kvällarna.",
        ResidentReport.Moderation.PENDING,
        "",
    ),
    (
        "demo-ko-sen",
        "otrygg_plats",
        20,
        (58.00811, 11.56533),
        "",
        "Exempel: Det är mörkt och otryggt på gångvägen bakom skolan efter klockan 18.",
        ResidentReport.Moderation.PENDING,
        "",
    ),
    (
        "demo-ko-avvisad",
        "storningar",
        6,
        (57.99544, 11.55015),
        "",
        "Exempel: En granne spelar hög musik varje helg.",
        ResidentReport.Moderation.REJECTED,
        "Exempel: Rapporten gäller en enskild person; kontakta hyresvärden eller polisen.",
    ),
]

TEMPLATES = [
    (
        "Exempel: Felanmält till gatuenheten",
        "Tack för rapporten! Vi har felanmält det till gatuenheten, som brukar åtgärda "
        "belysning inom två veckor.",
    ),
    (
        "Exempel: Till trygghetsvandringen",
        "Tack! Vi tar med platsen till nästa trygghetsvandring och återkommer här med vad vi "
        "ska göra.",
    ),
]


def _dated(report: ResidentReport, days: int, moderated: bool) -> None:
    at = timezone.now() - datetime.timedelta(days=days)
    ResidentReport.objects.filter(pk=report.pk).update(
        created_at=at,
        moderated_at=at + datetime.timedelta(hours=20) if moderated else None,
        updated_at=at + datetime.timedelta(days=2) if moderated else at,
    )


def _seed_queue(tjorn: Municipality) -> int:
    added = 0
    for token, code, days, (lat, lon), place, text, moderation, reason in QUEUE:
        token_hash = hash_tracking_token(token)
        if ResidentReport.objects.filter(tracking_token_hash=token_hash).exists():
            continue
        report = ResidentReport.objects.create(
            municipality=tjorn,
            category=ReportCategory.objects.get(code=code),
            description=text,
            latitude=lat,
            longitude=lon,
            place_text=place,
            moderation=moderation,
            rejection_reason=reason,
            tracking_token_hash=token_hash,
        )
        _dated(report, days, moderated=moderation != ResidentReport.Moderation.PENDING)
        added += 1
    return added


def _seed_templates(organisation: Organisation | None) -> None:
    if organisation is None:
        return
    for title, text in TEMPLATES:
        ResponseTemplate.objects.get_or_create(
            organisation=organisation, title=title, defaults={"text": text}
        )


@transaction.atomic
def seed() -> int:
    """Add the demo reports that are missing; the number added."""
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
        if status != ResidentReport.Status.RECEIVED:
            ReportUpdate.objects.create(report=report, status=status, public_note=note)
        _dated(report, days, moderated=True)
        added += 1
    _seed_templates(responsible)
    return added + _seed_queue(tjorn)
