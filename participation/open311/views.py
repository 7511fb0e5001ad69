"""The GeoReport v2 resources. Each answers in the format its URL ends with (.json or .xml),
in Swedish whatever the visitor's language cookie (as the JSON API does), with errors as the
spec's list of {code, description}."""

import functools
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from participation.models import ReportCategory, ResidentReport
from participation.open311 import serializers as s
from participation.open311.errors import SpecError, form_errors, status_of
from participation.open311.forms import (
    RequestFilterForm,
    ServiceRequestForm,
    crime_advice,
    find_jurisdiction,
    parse_request_id,
    public_services,
)
from participation.open311.keys import usable_key
from participation.open311.services import file_request, public_requests, requests_page
from participation.reports.tokens import hash_tracking_token

READ_METHODS = ("GET", "HEAD")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def errors(fmt: str, found: list[SpecError]) -> HttpResponse:
    return s.render(fmt, "errors", s.error_records(found), status=status_of(found))


def error(fmt: str, code: int, description: str) -> HttpResponse:
    return errors(fmt, [SpecError(code, description)])


def resource(*methods: str) -> Callable:
    """An Open311 resource answering `methods`: Swedish, open to other sites' scripts for
    reading (CORS), 405 in the spec's format for any other method."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, format: str, **kwargs: object) -> HttpResponse:
            with translation.override(settings.LANGUAGE_CODE):
                if request.method not in methods:
                    response = error(format, 405, _("Metoden stöds inte här."))
                    response["Allow"] = ", ".join(methods)
                else:
                    response = view(request, format, **kwargs)
            if request.method in READ_METHODS:
                response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapper

    return decorate


@resource(*READ_METHODS)
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    here = request.build_absolute_uri(reverse("participation:open311:discovery", args=[fmt]))
    document = {
        "changeset": s.w3c(s.CHANGESET),
        "contact": _(
            "Frågor om tjänsten: %(email)s. Nödläge: ring 112. Brott anmäls till polisen "
            "på 114 14 eller polisen.se, inte här."
        )
        % {"email": settings.OPEN_DATA_CONTACT_EMAIL},
        "key_service": _(
            "Att läsa kräver ingen nyckel. För att skicka in rapporter behövs en api_key som "
            "plattformsadministratören utfärdar till en kommun eller ett lokalpolisområde."
        ),
        "endpoints": [
            {
                "specification": s.SPECIFICATION,
                "url": here.rsplit("/", 1)[0],
                "changeset": s.w3c(s.CHANGESET),
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return s.render(fmt, "discovery", document)


@resource(*READ_METHODS)
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        find_jurisdiction(request.GET.get("jurisdiction_id", "").strip())
    except ValidationError as problem:
        return error(fmt, 404, f"jurisdiction_id: {' '.join(problem.messages)}")
    return s.render(fmt, "services", [s.service_record(c) for c in public_services()])


@resource(*READ_METHODS)
def service_definition(request: HttpRequest, fmt: str, service_code: str) -> HttpResponse:
    category = ReportCategory.objects.filter(code=service_code, is_active=True).first()
    if category is None:
        return error(fmt, 404, _("Tjänsten %(code)s finns inte.") % {"code": service_code})
    if category.is_crime:
        return error(fmt, 404, crime_advice())
    return s.render(fmt, "service_definition", s.service_definition(category))


@csrf_exempt
@resource("GET", "HEAD", "POST")
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _file_request(request, fmt)
    form = RequestFilterForm(request.GET)
    if not form.is_valid():
        return errors(fmt, form_errors(form))
    page = requests_page(form.cleaned_data)
    return s.render(fmt, "service_requests", [s.request_record(r) for r in page])


def _file_request(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.content_type not in FORM_TYPES:
        return error(
            fmt,
            400,
            _(
                "Skicka fälten formulärkodade (application/x-www-form-urlencoded), som GeoReport v2 anger."
            ),
        )
    key = usable_key(request.POST.get("api_key") or request.GET.get("api_key", ""))
    if key is None:
        return error(
            fmt,
            403,
            _("api_key saknas eller gäller inte. Nycklar utfärdas av plattformsadministratören."),
        )
    form = ServiceRequestForm(request.POST, key=key)
    if not form.is_valid():
        return errors(fmt, form_errors(form))
    report, token = file_request(form.cleaned_data)
    notice = _(
        "Tack! Rapporten visas offentligt först när en moderator har granskat den. Det här är "
        "ingen polisanmälan: ring 112 vid akut fara och 114 14 för att anmäla brott."
    )
    answer = {
        "service_request_id": str(report.pk),
        "token": token,
        "service_notice": notice,
        "account_id": None,
    }
    return s.render(fmt, "service_requests", [answer], status=201)


@resource(*READ_METHODS)
def request_detail(request: HttpRequest, fmt: str, service_request_id: str) -> HttpResponse:
    found = None
    if (number := parse_request_id(service_request_id)) is not None:
        found = public_requests().filter(pk=number).first()
    if found is None:
        return error(
            fmt,
            404,
            _("Ärendet %(id)s finns inte eller är inte publicerat.") % {"id": service_request_id},
        )
    return s.render(fmt, "service_requests", [s.request_record(found)])


@resource(*READ_METHODS)
def token(request: HttpRequest, fmt: str, token: str) -> HttpResponse:
    report_id = (
        ResidentReport.objects.filter(tracking_token_hash=hash_tracking_token(token))
        .values_list("pk", flat=True)
        .first()
    )
    if report_id is None:
        return error(fmt, 404, _("Det finns inget ärende med den här token."))
    return s.render(
        fmt, "service_requests", [{"service_request_id": str(report_id), "token": token}]
    )


def index(request: HttpRequest) -> HttpResponse:
    return redirect("participation:open311:discovery", "xml")


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    fmt = "json" if rest.endswith(".json") else "xml"
    with translation.override(settings.LANGUAGE_CODE):
        return error(
            fmt, 404, _("Resursen finns inte. Se discovery.xml för vad tjänsten erbjuder.")
        )
