"""Reading public requests page by page, and filing a new one from a POST."""

from django.db import transaction
from django.db.models import QuerySet

from organisations.models import Municipality
from participation.models import ReportCategory, ReportContact, ResidentReport
from participation.models.reports import OPEN_STATUSES, ReportSource
from participation.open311.attributes import attributes_for
from participation.public_reports import public_reports
from participation.reports.tokens import contact_delete_after, hash_tracking_token

__all__ = ["file_request", "hash_tracking_token", "public_requests", "requests_page"]


def public_requests() -> QuerySet[ResidentReport]:
    """Moderated, non-crime reports, exactly as on the map (participation.public_reports)."""
    return public_reports()


def requests_page(filters: dict) -> list[ResidentReport]:
    """One page of GET requests: one query, whatever the size of the table."""
    requests = public_requests()
    if filters["service_request_id"]:
        return list(requests.filter(pk__in=filters["service_request_id"]))
    requests = requests.filter(
        created_at__gte=filters["start_date"], created_at__lte=filters["end_date"]
    )
    if filters["jurisdiction_id"] is not None:
        requests = requests.filter(municipality=filters["jurisdiction_id"])
    if filters["service_code"]:
        requests = requests.filter(category_id__in=filters["service_code"])
    if filters["status"] == ["open"]:
        requests = requests.filter(status__in=OPEN_STATUSES)
    elif filters["status"] == ["closed"]:
        requests = requests.exclude(status__in=OPEN_STATUSES)
    return list(requests[: filters["limit"]])


def description_for_moderators(data: dict) -> str:
    """The description with the answers to the service's questions and any media link below
    it, so the moderator sees everything the app sent."""
    lines = [data["description"]] if data["description"] else []
    for attribute in attributes_for(data["service_code"].code):
        values = data["attributes"].get(attribute.code)
        if values:
            answer = ", ".join(attribute.value_name(v) for v in values)
            lines.append(f"{attribute.description}: {answer}")
    if data["media_url"]:
        lines.append(f"Bild från appen: {data['media_url']}")
    return "\n\n".join(lines)


@transaction.atomic
def file_request(data: dict) -> tuple[ResidentReport, str]:
    """A new report from a validated POST, waiting for moderation, with its contact details
    apart; and the private token that follows it. All or nothing."""
    token = ResidentReport.new_tracking_token()
    category: ReportCategory = data["service_code"]
    municipality: Municipality = data["jurisdiction_id"]
    report = ResidentReport.objects.create(
        municipality=municipality,
        category=category,
        description=description_for_moderators(data),
        latitude=data["lat"],
        longitude=data["long"],
        place_text=data["address_string"],
        source=ReportSource.OPEN311,
        tracking_token_hash=hash_tracking_token(token),
    )
    if data["email"] or data["phone"]:
        ReportContact.objects.create(
            report=report,
            email=data["email"],
            phone=data["phone"],
            delete_after=contact_delete_after(),
        )
    return report, token
