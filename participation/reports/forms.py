"""The public report form. It validates what the resident typed; participation.reports.submission
decides what to do with it. Every message says what to do next, in Swedish."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Area, Municipality
from participation.models import ReportCategory
from participation.reports import photos
from participation.reports.places import in_municipality, in_sweden, parse_point

# Up to this many areas are radio buttons; more are a drop-down list (as the survey pages do).
MAX_AREA_RADIOS = 12
HONEYPOT = "webbplats"


def crime_advice() -> str:
    return _(
        "Brott tas inte emot här och publiceras aldrig. Vid akut fara eller pågående brott: "
        "ring 112. Anmäl brott och lämna tips till polisen på 114 14 eller polisen.se. Vill du "
        "ändå berätta att platsen känns otrygg, välj en annan kategori och beskriv platsen, "
        "inte personer."
    )


def reportable_categories() -> "forms.models.QuerySet[ReportCategory]":
    return ReportCategory.objects.filter(is_active=True)


class CategoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: ReportCategory) -> str:
        from django.utils.translation import get_language

        return obj.name_in(get_language() or "sv")


class ReportForm(forms.Form):
    category = CategoryChoice(
        label=gettext_lazy("Vad gäller det?"),
        queryset=ReportCategory.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": gettext_lazy("Välj vad rapporten gäller.")},
    )
    description = forms.CharField(
        label=gettext_lazy("Beskriv platsen och vad som är problemet"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Beskriv platsen och vad som är problemet.")},
    )
    point = forms.CharField(required=False, widget=forms.HiddenInput)
    area = forms.ModelChoiceField(
        label=gettext_lazy("Område"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=gettext_lazy("Vet inte / inget av områdena"),
    )
    place_text = forms.CharField(
        label=gettext_lazy("Adress eller känt ställe"),
        help_text=gettext_lazy("Till exempel ”gångtunneln vid Skärhamns busstation”."),
        required=False,
        max_length=200,
        error_messages={
            "max_length": gettext_lazy("Skriv platsen med högst %(limit_value)d tecken.")
        },
    )
    photo = forms.FileField(
        label=gettext_lazy("Foto"),
        help_text=gettext_lazy(
            "JPEG eller PNG. Vi tar bort allt som kameran sparar i filen (position, tid, "
            "telefonmodell) innan fotot sparas. Fotografera platsen, inte personer eller "
            "registreringsskyltar."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_ref = forms.CharField(required=False, widget=forms.HiddenInput)
    email = forms.EmailField(
        label=gettext_lazy("E-post"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": gettext_lazy("Skriv e-postadressen som namn@exempel.se.")},
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefon"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()\-]{5,}$",
                gettext_lazy("Skriv telefonnumret med siffror, till exempel 0304-123 45."),
            )
        ],
    )
    # The honeypot: hidden from people (and from assistive technology), filled in by bots.
    webbplats = forms.CharField(
        label=gettext_lazy("Lämna det här fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: object, municipality: Municipality, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["category"].queryset = reportable_categories()
        areas = Area.objects.of_municipality(municipality.pk)
        self.fields["area"].queryset = areas
        self.area_list = list(areas)
        if len(self.area_list) <= MAX_AREA_RADIOS:
            self.fields["area"].widget = forms.RadioSelect(
                choices=self.fields["area"].widget.choices
            )
        limit = settings.REPORT_DESCRIPTION_MAX
        self.fields["description"].widget.attrs["data-limit"] = limit
        self.photo_bytes: bytes | None = None
        self.held_photo_name = ""
        self.held_reference = ""

    @property
    def bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    @property
    def crime(self) -> bool:
        return self.has_error("category", code="crime")

    def clean_category(self) -> ReportCategory:
        category = self.cleaned_data["category"]
        if category.is_crime:
            raise ValidationError(crime_advice(), code="crime")
        return category

    def clean_description(self) -> str:
        text = self.cleaned_data["description"]
        limit = settings.REPORT_DESCRIPTION_MAX
        if len(text) > limit:
            raise ValidationError(
                _(
                    "Beskrivningen är för lång: %(length)s tecken. Korta den till högst "
                    "%(limit)s tecken."
                )
                % {"length": len(text), "limit": limit},
                code="max_length",
            )
        return text

    def clean_point(self) -> tuple[float, float] | None:
        text = self.cleaned_data["point"].strip()
        if not text:
            return None
        point = parse_point(text)
        if point is None:
            raise ValidationError(_("Markera platsen igen på kartan."), code="invalid")
        if not in_sweden(*point):
            raise ValidationError(
                _("Platsen du markerade ligger inte i Sverige. Markera den igen på kartan."),
                code="outside",
            )
        boundary = Municipality.objects.values_list("boundary", flat=True).get(
            pk=self.municipality.pk
        )
        if not in_municipality(boundary, *point):
            raise ValidationError(
                _(
                    "Platsen du markerade ligger utanför %(name)s. Markera den igen på kartan "
                    "eller rapportera till den kommun där platsen ligger."
                )
                % {"name": self.municipality.name},
                code="outside",
            )
        return point

    def clean_photo(self) -> object:
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > photos.max_bytes():
            raise ValidationError(photos.size_message(), code="too_big")
        try:
            self.photo_bytes = photos.clean_photo(upload.read())
        except photos.PhotoError as error:
            raise ValidationError(str(error), code="invalid") from None
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if self.photo_bytes is None and data.get("photo_ref"):
            found = photos.held(data["photo_ref"])
            if found is not None:
                self.held_photo_name, self.photo_bytes = found
                self.held_reference = data["photo_ref"]
        if self.has_error("point"):
            return data
        if not (data.get("point") or data.get("area") or data.get("place_text")):
            self.add_error(
                "place_text",
                ValidationError(
                    _(
                        "Ange var det är: markera platsen på kartan, välj ett område eller "
                        "skriv en adress eller ett känt ställe."
                    ),
                    code="no_place",
                ),
            )
        return data
