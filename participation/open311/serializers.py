"""Open311 documents as plain data, named exactly as GeoReport v2 names them, and their JSON and
XML renderings. A report becomes a request only through `request_record`, which publishes the
moderated text and the point from participation.public_reports.report_point, as on the map."""

import datetime
import json
import re
from xml.etree import ElementTree

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from participation.models import ReportCategory, ResidentReport
from participation.open311.attributes import Attribute, attributes_for
from participation.open311.errors import SpecError
from participation.public_reports import public_place, report_point

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this server's behaviour last changed (GeoReport discovery `changeset`).
CHANGESET = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
# The element of each item in an XML list, by the list's element.
ITEMS = {
    "service_requests": "request",
    "services": "service",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def w3c(moment: datetime.datetime | None) -> str | None:
    """A W3C date and time with the Swedish offset, e.g. 2025-10-07T14:03:22+02:00."""
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def service_record(category: ReportCategory) -> dict:
    language = get_language() or "sv"
    return {
        "service_code": category.code,
        "service_name": category.name_in(language),
        "description": category.description.get(language) or category.description.get("sv", ""),
        "metadata": bool(attributes_for(category.code)),
        "type": "realtime",
        "keywords": "",
        "group": category.group,
    }


def attribute_record(attribute: Attribute, order: int) -> dict:
    return {
        "variable": True,
        "code": attribute.code,
        "datatype": attribute.datatype,
        "required": attribute.required,
        "datatype_description": str(attribute.datatype_description),
        "order": order,
        "description": str(attribute.description),
        "values": [{"key": key, "name": str(name)} for key, name in attribute.values],
    }


def service_definition(category: ReportCategory) -> dict:
    attributes = attributes_for(category.code)
    return {
        "service_code": category.code,
        "attributes": [attribute_record(a, i) for i, a in enumerate(attributes, start=1)],
    }


def status_notes(report: ResidentReport) -> str:
    label = str(report.Status(report.status).label)
    return f"{label}. {report.public_note}" if report.public_note else f"{label}."


def request_record(report: ResidentReport) -> dict:
    """One public report as a GeoReport v2 request. Call only with reports from
    ResidentReport.objects.public()."""
    point = report_point(report)
    return {
        "service_request_id": str(report.pk),
        "status": "open" if report.is_open else "closed",
        "status_notes": status_notes(report),
        "service_name": report.category.name_in(get_language() or "sv"),
        "service_code": report.category.code,
        "description": report.public_text,
        "agency_responsible": report.responsible.name if report.responsible_id else None,
        "service_notice": None,
        "requested_datetime": w3c(report.created_at),
        "updated_datetime": w3c(report.updated_at),
        "expected_datetime": None,
        "address": public_place(report),
        "address_id": None,
        "zipcode": None,
        "lat": point.lat if point else None,
        "long": point.lon if point else None,
        "media_url": None,
    }


def error_records(errors: list[SpecError]) -> list[dict]:
    return [{"code": e.code, "description": e.description} for e in errors]


def _xml_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return NOT_XML.sub("", str(value))


def _xml_fill(element: ElementTree.Element, value: object) -> None:
    if isinstance(value, dict):
        for name, child in value.items():
            _xml_fill(ElementTree.SubElement(element, name), child)
    elif isinstance(value, list):
        for child in value:
            _xml_fill(ElementTree.SubElement(element, ITEMS[element.tag]), child)
    else:
        element.text = _xml_text(value)


def to_xml(root: str, data: dict | list) -> bytes:
    element = ElementTree.Element(root)
    _xml_fill(element, data)
    return XML_DECLARATION + ElementTree.tostring(element, encoding="unicode").encode()


def render(fmt: str, root: str, data: dict | list, status: int = 200) -> HttpResponse:
    """The document as JSON (lists and objects as they are) or XML (under `root`)."""
    body = json.dumps(data, ensure_ascii=False).encode() if fmt == "json" else to_xml(root, data)
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])
