"""One JSON shape for every error the API answers (400, 401, 403, 404, 405, 422):

    {"error": {"status": 404, "code": "not_found", "message": "...", "fields": []}}

`fields` names the parameters or body fields at fault (422), so a client can tell what to fix.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid",
}


class FieldError(Schema):
    name: str
    location: str
    message: str


class ErrorDetail(Schema):
    status: int
    code: str
    message: str
    fields: list[FieldError] = []


class Error(Schema):
    error: ErrorDetail


def error_body(status: int, message: str, fields: list[dict] | None = None) -> dict:
    return {
        "error": {
            "status": status,
            "code": CODES.get(status, "error"),
            "message": message,
            "fields": fields or [],
        }
    }


def error_response(status: int, message: str, fields: list[dict] | None = None) -> HttpResponse:
    """An error answered outside a ninja operation (e.g. 405), in the same shape."""
    import json

    return HttpResponse(
        json.dumps(error_body(status, message, fields), ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def _field(error: dict) -> dict:
    loc = [str(part) for part in error.get("loc", ())]
    location = loc[0] if loc else ""
    # ninja nests a body under the parameter's name ("body", "payload", ...): name the field.
    names = loc[2:] if location == "body" and len(loc) > 2 else loc[1:]
    return {"name": ".".join(names), "location": location, "message": error.get("msg", "")}


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, message: str, fields: list | None = None):  # noqa: ANN202
        return api.create_response(request, error_body(status, message, fields), status=status)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = [_field(e) for e in exc.errors]
        names = ", ".join(f["name"] or f["location"] for f in fields)
        return respond(request, 422, _("Ogiltiga värden: %(names)s.") % {"names": names}, fields)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = respond(
            request,
            401,
            _(
                "Ange en giltig API-nyckel i huvudet Authorization: Bearer <nyckel>. Nyckeln kan "
                "saknas, vara felskriven, ha gått ut eller vara återkallad."
            ),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400 and str(exc.message).startswith("Cannot parse request body"):
            # django-ninja's words for a body that is not JSON; said in the API's language.
            message = _(
                "Innehållet gick inte att läsa. Skicka ett JSON-objekt med Content-Type: application/json."
            )
            return respond(request, 400, message)
        return respond(request, exc.status_code, exc.message)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, _("Det finns inget sådant här."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        message = str(exc) or _("Din roll ger inte rätt att göra det här.")
        return respond(request, 403, message)
