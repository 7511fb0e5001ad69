"""Validating what Open311 clients send: the filters of GET requests and the fields of POST
requests (form-encoded, with `attribute[code]` answers). Every message names the parameter."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Municipality
from participation.models import Open311Key, ReportCategory
from participation.open311.attributes import Attribute, Datatype, attributes_for
from participation.open311.keys import key_municipalities
from participation.reports.places import BOUNDARY_MARGIN, boundary_box, inside
from surveys.validation import SWEDEN_BOUNDS

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
WINDOW = datetime.timedelta(days=90)
DESCRIPTION_MAX = 4000  # GeoReport v2: free text "limited to 4,000 characters"
ATTRIBUTE_KEY = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")
REQUEST_ID = re.compile(r"^[0-9]{1,18}$")  # ASCII digits ("²" is a digit to str.isdigit)
YEARS = (1900, 2200)  # dates outside these are mistakes, and 90 days past them may not exist


def parse_request_id(text: str) -> int | None:
    """A service_request_id as the report's number, or None for one that cannot be a number."""
    return int(text) if REQUEST_ID.match(text) else None


def crime_advice() -> str:
    return _(
        "Brott tas inte emot här. Ring 112 vid akut fara eller pågående brott. Anmäl brott "
        "och lämna tips till polisen på 114 14 eller polisen.se."
    )


def public_services() -> QuerySet[ReportCategory]:
    return ReportCategory.objects.filter(is_active=True, is_crime=False)


def comma_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def find_jurisdiction(code: str) -> Municipality | None:
    if not code:
        return None
    found = (
        None if "\x00" in code else Municipality.objects.defer("boundary").filter(code=code).first()
    )
    if found is None:
        raise ValidationError(
            _("Det finns ingen kommun med kommunkoden %(code)s.") % {"code": code},
            code="not_found",
        )
    return found


class W3CDateTimeField(forms.CharField):
    """A date and time in the W3C profile of ISO 8601 (2025-10-07T14:00:00+02:00, or Z); a
    plain date means midnight, a time without offset Swedish time."""

    def to_python(self, value: str) -> datetime.datetime | None:
        value = super().to_python(value)
        if not value:
            return None
        try:
            parsed = datetime.datetime.fromisoformat(value.replace(" ", "+"))
        except ValueError:
            raise ValidationError(
                _("Ange datum och tid i W3C-format, t.ex. 2025-10-07T14:00:00+02:00."),
                code="invalid",
            ) from None
        if not YEARS[0] <= parsed.year <= YEARS[1]:
            raise ValidationError(
                _("Ange ett datum mellan år %(first)s och %(last)s.")
                % {"first": YEARS[0], "last": YEARS[1]},
                code="invalid",
            )
        return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


class RequestFilterForm(forms.Form):
    """The query of GET requests: service_request_id overrides the others (as the spec says);
    otherwise at most 90 days at a time (the last 90 by default), newest first, `limit` at a
    time (50 by default, at most 1000)."""

    jurisdiction_id = forms.CharField(required=False)
    service_request_id = forms.CharField(required=False)
    service_code = forms.CharField(required=False)
    start_date = W3CDateTimeField(required=False)
    end_date = W3CDateTimeField(required=False)
    status = forms.CharField(required=False)
    limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        error_messages={"invalid": gettext_lazy("Ange ett heltal mellan 1 och 1000.")},
    )

    def clean_jurisdiction_id(self) -> Municipality | None:
        return find_jurisdiction(self.cleaned_data["jurisdiction_id"].strip())

    def clean_service_request_id(self) -> list[int]:
        ids = comma_list(self.cleaned_data["service_request_id"])
        if any(parse_request_id(i) is None for i in ids):
            raise ValidationError(_("Ange ärendenummer (heltal) åtskilda med kommatecken."))
        if len(ids) > MAX_LIMIT:
            raise ValidationError(_("Högst 1000 ärenden åt gången."))
        return [int(i) for i in ids]

    def clean_service_code(self) -> list[int]:
        """The categories' ids, so the query walks the index by category."""
        codes = comma_list(self.cleaned_data["service_code"])
        known = dict(public_services().filter(code__in=codes).values_list("code", "pk"))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValidationError(
                _("Okänd tjänst: %(codes)s. Koderna finns i services.json.")
                % {"codes": ", ".join(unknown)}
            )
        return sorted(set(known.values()))

    def clean_status(self) -> list[str]:
        statuses = comma_list(self.cleaned_data["status"].lower())
        if any(s not in ("open", "closed") for s in statuses):
            raise ValidationError(_("Ange open, closed eller båda åtskilda med kommatecken."))
        return statuses

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if self.has_error("start_date") or self.has_error("end_date"):
            return data
        if start and end and end < start:
            self.add_error("end_date", _("end_date ligger före start_date."))
        elif start and end and end - start > WINDOW:
            self.add_error("end_date", _("Sökningen får omfatta högst 90 dagar."))
        elif start is None and end is None:
            data["end_date"] = timezone.now()
            data["start_date"] = data["end_date"] - WINDOW
        elif end is None:
            data["end_date"] = start + WINDOW
        elif start is None:
            data["start_date"] = end - WINDOW
        data["limit"] = data.get("limit") or DEFAULT_LIMIT
        return data


def attribute_answers(post: QueryDict) -> dict[str, list[str]]:
    """`attribute[code]=value` and, for lists, `attribute[code][]=value` (repeated)."""
    answers: dict[str, list[str]] = {}
    for name in post:
        match = ATTRIBUTE_KEY.match(name)
        if match:
            values = [v.strip() for v in post.getlist(name) if v.strip()]
            answers.setdefault(match.group(1), []).extend(values)
    return answers


def clean_attribute(attribute: Attribute, values: list[str]) -> list[str]:
    if attribute.is_list:
        keys = [k for k, _name in attribute.values]
        if any(v not in keys for v in values):
            raise ValidationError(
                _("Välj bland %(keys)s.") % {"keys": ", ".join(keys)}, code="invalid"
            )
        if attribute.datatype == Datatype.SINGLE and len(values) > 1:
            raise ValidationError(_("Välj ett enda värde."), code="invalid")
    elif attribute.datatype == Datatype.NUMBER:
        try:
            [float(v.replace(",", ".")) for v in values]
        except ValueError:
            raise ValidationError(_("Ange ett tal."), code="invalid") from None
    elif any(
        len(v) > (DESCRIPTION_MAX if attribute.datatype == Datatype.TEXT else 200) for v in values
    ):
        raise ValidationError(_("Svaret är för långt."), code="invalid")
    return values


class ServiceRequestForm(forms.Form):
    """POST requests: one new report. The key decides the organisation and so the
    municipalities it may file for; first_name, last_name, device_id and account_id are
    accepted as the spec allows but not stored."""

    service_code = forms.CharField(
        max_length=40,
        error_messages={"required": gettext_lazy("Ange tjänstens kod (se services.json).")},
    )
    jurisdiction_id = forms.CharField(required=False)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90)
    long = forms.FloatField(required=False, min_value=-180, max_value=180)
    address_string = forms.CharField(required=False, max_length=200)
    address_id = forms.CharField(required=False, max_length=100)
    email = forms.EmailField(required=False)
    phone = forms.CharField(
        required=False,
        max_length=30,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()\-]{5,}$", gettext_lazy("Ange ett telefonnummer med siffror.")
            )
        ],
    )
    first_name = forms.CharField(required=False)
    last_name = forms.CharField(required=False)
    device_id = forms.CharField(required=False)
    account_id = forms.CharField(required=False)
    description = forms.CharField(required=False, max_length=DESCRIPTION_MAX, strip=True)
    media_url = forms.URLField(required=False, max_length=500)

    def __init__(self, data: QueryDict, *, key: Open311Key) -> None:
        super().__init__(data)
        self.key = key
        self.answers = attribute_answers(data)

    def clean_service_code(self) -> ReportCategory:
        code = self.cleaned_data["service_code"].strip()
        category = ReportCategory.objects.filter(code=code, is_active=True).first()
        if category is None:
            raise ValidationError(
                _("Tjänsten %(code)s finns inte. Koderna finns i services.json.") % {"code": code}
            )
        if category.is_crime:
            raise ValidationError(crime_advice(), code="crime")
        return category

    def clean_jurisdiction_id(self) -> Municipality:
        requested = find_jurisdiction(self.cleaned_data["jurisdiction_id"].strip())
        allowed = key_municipalities(self.key)
        if requested is not None and requested.pk not in {m.pk for m in allowed}:
            raise ValidationError(
                _("Nyckeln gäller inte för kommunen %(name)s.") % {"name": requested.name},
                code="forbidden",
            )
        if requested is not None:
            return requested
        if len(allowed) == 1:
            return allowed[0]
        if not allowed:
            raise ValidationError(
                _("Nyckelns organisation hör inte till någon kommun."), code="forbidden"
            )
        raise ValidationError(
            _("Ange kommunkoden: nyckeln gäller flera kommuner (%(codes)s).")
            % {"codes": ", ".join(m.code for m in allowed)}
        )

    def clean(self) -> dict:
        data = super().clean()
        self._clean_place(data)
        if isinstance(data.get("service_code"), ReportCategory):
            data["attributes"] = self._clean_attributes(data["service_code"])
        return data

    def _clean_place(self, data: dict) -> None:
        lat, lon = data.get("lat"), data.get("long")
        if self.has_error("lat") or self.has_error("long"):
            return
        if (lat is None) != (lon is None):
            self.add_error("lat" if lat is None else "long", _("Ange både lat och long."))
        elif lat is not None:
            self._check_point(data, lat, lon)
        elif not data.get("address_string"):
            message = _("Ange platsen med lat och long eller med address_string.")
            if data.get("address_id"):
                message = _("address_id stöds inte här; ange lat och long eller address_string.")
            self.add_error(None, message)

    def _check_point(self, data: dict, lat: float, lon: float) -> None:
        if not inside(SWEDEN_BOUNDS, lat, lon, margin=0):
            self.add_error("lat", _("Platsen (lat, long) ligger inte i Sverige."))
            return
        municipality = data.get("jurisdiction_id")
        if not isinstance(municipality, Municipality):
            return
        geometry = Municipality.objects.values_list("boundary", flat=True).get(pk=municipality.pk)
        box = boundary_box(geometry)
        if box is not None and not inside(box, lat, lon, BOUNDARY_MARGIN):
            self.add_error(
                "lat",
                _("Platsen (lat, long) ligger inte i kommunen %(name)s.")
                % {"name": municipality.name},
            )

    def _clean_attributes(self, category: ReportCategory) -> dict[str, list[str]]:
        definitions = {a.code: a for a in attributes_for(category.code)}
        cleaned = {}
        for code in self.answers.keys() - definitions.keys():
            self.add_error(
                None,
                _("attribute[%(code)s] hör inte till tjänsten %(service)s.")
                % {"code": code, "service": category.code},
            )
        for code, attribute in definitions.items():
            values = self.answers.get(code, [])
            if not values:
                if attribute.required:
                    self.add_error(None, _("attribute[%(code)s] måste anges.") % {"code": code})
                continue
            try:
                cleaned[code] = clean_attribute(attribute, values)
            except ValidationError as error:
                self.add_error(None, f"attribute[{code}]: {' '.join(error.messages)}")
        return cleaned
