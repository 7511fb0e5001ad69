"""The EST forms: an observation (category, place, date and time of day, a short description
checked for personal identity numbers before it is saved), the checklist and the week's hot
spots. No field anywhere is about a person: EST is about places and situations."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.maps.geometry import area_at
from core.personal_data import Confidence, find_personal_numbers, personal_number_errors
from core.widgets import Checkboxes, DateInput
from organisations.models import Area, Municipality, Organisation
from participation.walks.forms import parse_point
from situation.est.reference_data import shown
from situation.models import EstCategory, EstObservation, WeeklyCompilation

DESCRIPTION_LIMIT = 1000
NO_PERSONS = _(
    "Beskriv platsen och situationen. Skriv aldrig namn, personnummer eller något annat som kan "
    "peka ut en person."
)


class CategoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: EstCategory) -> str:
        return shown(obj.name)


class ObservationForm(forms.ModelForm):
    """`place` is an area's code or "LAT,LON" from the map (core.maps in input mode writes it
    into the radio button the template gives it); without JavaScript the reporter picks an area
    or describes the place in words."""

    place = forms.CharField(required=False, max_length=60)
    not_personal_number = forms.BooleanField(
        required=False,
        label=_("Numret i texten är inte ett personnummer"),
    )

    class Meta:
        model = EstObservation
        fields = ["category", "observed_on", "time_of_day", "place_text", "description"]
        field_classes = {"category": CategoryChoice}
        widgets = {
            "observed_on": DateInput,
            "time_of_day": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4, "maxlength": DESCRIPTION_LIMIT}),
        }
        labels = {
            "category": _("Vad gäller det?"),
            "observed_on": _("Datum"),
            "time_of_day": _("Tid på dygnet"),
            "place_text": _("Platsen med ord"),
            "description": _("Kort beskrivning"),
        }
        help_texts = {
            "place_text": _("T.ex. ”busskuren vid torget” eller ”gångtunneln under väg 160”."),
            "description": NO_PERSONS,
        }

    def __init__(
        self,
        *args: object,
        organisation: Organisation,
        municipality: Municipality,
        areas: list[Area],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisation, self.municipality, self.areas = organisation, municipality, areas
        self.fields["category"].queryset = EstCategory.objects.active().for_organisation(
            organisation.pk
        )
        self.fields["category"].empty_label = _("Välj i checklistan")
        self.fields["time_of_day"].widget.use_fieldset = True
        self.fields["time_of_day"].choices = EstObservation.TimeOfDay.choices
        if not self.initial.get("observed_on"):  # a new observation: today
            self.initial["observed_on"] = timezone.localdate()
        self.fields["description"].max_length = DESCRIPTION_LIMIT
        self.point: tuple[float, float] | None = None

    def clean_observed_on(self) -> datetime.date:
        day = self.cleaned_data["observed_on"]
        if day > timezone.localdate():
            raise ValidationError(_("Datumet ligger i framtiden. Ange dagen du såg det."))
        return day

    def clean_place(self) -> Area | None:
        value = self.cleaned_data["place"].strip()
        area = next((a for a in self.areas if a.code == value), None)
        if area is not None or not value:
            return area
        self.point = parse_point(value)
        if self.point is None:
            return None
        return area_at(self.areas, *self.point)

    def clean(self) -> dict:
        data = super().clean()
        if "place" in data and not (self.point or data["place"] or data.get("place_text")):
            self.add_error(
                "place",
                _("Markera platsen på kartan, välj ett område eller beskriv platsen med ord."),
            )
        text = " ".join(data.get(name) or "" for name in ("description", "place_text"))
        confirmed = bool(data.get("not_personal_number"))
        for error in personal_number_errors(text, possible_confirmed=confirmed):
            self.add_error("description", error)
        return data

    @property
    def asks_to_confirm(self) -> bool:
        """Whether to offer "not a personal identity number": only for possible ones."""
        text = " ".join(self.data.get(n, "") for n in ("description", "place_text"))
        return any(f.confidence is Confidence.POSSIBLE for f in find_personal_numbers(text))

    def save(self, commit: bool = True) -> EstObservation:
        observation = self.instance
        observation.organisation = self.organisation
        observation.municipality = self.municipality
        observation.area = self.cleaned_data.get("place")
        observation.latitude, observation.longitude = self.point or (None, None)
        text = (
            f"{self.cleaned_data.get('description', '')} {self.cleaned_data.get('place_text', '')}"
        )
        observation.flagged_personal_number = bool(find_personal_numbers(text))
        return super().save(commit)


class CategoryForm(forms.ModelForm):
    """An item of an organisation's own checklist."""

    class Meta:
        model = EstCategory
        fields = ["name", "description", "order", "is_active"]
        labels = {"name": _("Namn"), "description": _("Beskrivning (valfri)")}
        help_texts = {"order": _("Lägre tal kommer först i listan.")}

    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = EstCategory.objects.for_organisation(self.instance.organisation_id).filter(
            name__iexact=name
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Checklistan har redan en punkt med det namnet."))
        return name


class CompilationForm(forms.ModelForm):
    """The week's hot spots (areas, places among the week's observations, places in words) and
    the actions decided."""

    class Meta:
        model = WeeklyCompilation
        fields = ["hot_spot_areas", "hot_spot_observations", "hot_spot_notes", "decided_actions"]
        widgets = {
            "hot_spot_areas": Checkboxes,
            "hot_spot_observations": Checkboxes,
            "hot_spot_notes": forms.Textarea(attrs={"rows": 3}),
            "decided_actions": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "hot_spot_areas": _("Veckans hot spots: områden"),
            "hot_spot_observations": _("Veckans hot spots: platser bland veckans observationer"),
            "hot_spot_notes": _("Andra hot spots (med ord)"),
            "decided_actions": _("Beslutade åtgärder"),
        }
        help_texts = {
            "hot_spot_notes": _("Platser utan eget område, t.ex. ”busshållplatsen vid torget”."),
            "decided_actions": _(
                "Vad som görs, av vem (organisation och befattning) och när. Inga namn på personer."
            ),
        }

    def __init__(
        self,
        *args: object,
        areas: list[Area],
        observations: list[EstObservation],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hot_spot_areas"].queryset = Area.objects.filter(pk__in=[a.pk for a in areas])
        self.fields["hot_spot_areas"].label_from_instance = str
        placed = [o for o in observations if o.latitude is not None]
        field = self.fields["hot_spot_observations"]
        field.queryset = EstObservation.objects.filter(pk__in=[o.pk for o in placed])
        labels = {o.pk: observation_place(o) for o in placed}
        field.label_from_instance = lambda o: labels[o.pk]
        if not placed:
            del self.fields["hot_spot_observations"]
        if not areas:
            del self.fields["hot_spot_areas"]

    def clean(self) -> dict:
        data = super().clean()
        text = f"{data.get('hot_spot_notes', '')} {data.get('decided_actions', '')}"
        for error in personal_number_errors(text):
            self.add_error("decided_actions", error)
        return data


def observation_place(observation: EstObservation) -> str:
    """How a list names an observation's place: words, area, or the point."""
    parts = [observation.place_text] if observation.place_text else []
    if observation.area_id:
        parts.append(observation.area.name)
    if not parts and observation.latitude is not None:
        parts.append(f"{observation.latitude:.5f}, {observation.longitude:.5f}")
    label = ", ".join(parts) or str(_("plats ej angiven"))
    return f"{label} ({shown(observation.category.name)}, {observation.observed_on:%Y-%m-%d})"
