from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.widgets import DateInput
from organisations.models import Area
from surveys.models import Survey, Wave, WaveStatus
from surveys.services_waves import MAX_INVITATIONS_PER_REQUEST

MODES = ("uses_sample", "uses_paper", "uses_open_link")
# Once a wave is open its codes are out and its answers rest on these: they stay as they are.
LOCKED_WHEN_OPEN = ("year", "opens_on", "uses_sample")
MIN_TRIM, MAX_TRIM = 1.5, 20.0


class WaveForm(forms.ModelForm):
    class Meta:
        model = Wave
        fields = ["name", "year", "opens_on", "closes_on", *MODES, "trim_ratio"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput()}
        help_texts = {
            "uses_sample": gettext_lazy(
                "Ett slumpmässigt urval får brev med en kod som kan svara en gång."
            ),
            "uses_paper": gettext_lazy(
                "Personalen registrerar enkäter som kommer tillbaka med posten."
            ),
        }

    def __init__(self, *args: object, survey: Survey, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.fields["trim_ratio"].widget.attrs.update(step="0.5")
        if self.instance.status == WaveStatus.OPEN:
            for name in LOCKED_WHEN_OPEN:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Kan inte ändras när omgången är öppen.")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Wave.objects.filter(survey=self.survey, name__iexact=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Undersökningen har redan en omgång som heter ”%(name)s”. Välj ett annat namn.")
                % {"name": name}
            )
        return name

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Ange ett år mellan 2000 och 2100, t.ex. 2025."))
        return year

    def clean_trim_ratio(self) -> float:
        ratio = self.cleaned_data["trim_ratio"]
        if not MIN_TRIM <= ratio <= MAX_TRIM:
            raise forms.ValidationError(
                _("Ange ett tal mellan %(min)s och %(max)s; 5 är vanligt.")
                % {"min": number_format(MIN_TRIM), "max": number_format(MAX_TRIM, 0)}
            )
        return ratio

    def clean(self) -> dict:
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("Omgången kan inte stänga innan den öppnar."))
        if not any(data.get(mode) for mode in MODES):
            raise forms.ValidationError(
                _(
                    "Välj minst ett sätt att svara: urval med koder, pappersenkäter eller öppen länk."
                )
            )
        return data


class InvitationCountsForm(forms.Form):
    """How many codes to create in each of the municipality's areas (and without an area)."""

    def __init__(
        self, *args: object, areas: list[Area], existing: dict[int | None, int], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.areas = {f"area_{a.pk}": a for a in areas}
        for name, a in self.areas.items():
            self.fields[name] = self._count_field(a.name, existing.get(a.pk, 0))
        label = _("Utan område") if areas else _("Antal koder")
        self.fields["area_none"] = self._count_field(label, existing.get(None, 0))
        self.areas["area_none"] = None

    @staticmethod
    def _count_field(label: str, existing: int) -> forms.IntegerField:
        hint = (
            _("%(n)s koder finns redan.") % {"n": number_format(existing, force_grouping=True)}
            if existing
            else ""
        )
        return forms.IntegerField(
            label=label,
            required=False,
            min_value=0,
            max_value=MAX_INVITATIONS_PER_REQUEST,
            help_text=hint,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        )

    def clean(self) -> dict:
        data = super().clean()
        total = sum(data.get(name) or 0 for name in self.areas)
        if not self.errors and total == 0:
            raise forms.ValidationError(_("Ange hur många koder som ska skapas, i minst ett fält."))
        if total > MAX_INVITATIONS_PER_REQUEST:
            raise forms.ValidationError(
                _("Högst %(max)s koder kan skapas åt gången; du har angett %(n)s.")
                % {
                    "max": number_format(MAX_INVITATIONS_PER_REQUEST, force_grouping=True),
                    "n": number_format(total, force_grouping=True),
                }
            )
        return data

    def counts(self) -> list[tuple[Area | None, int]]:
        return [
            (area, self.cleaned_data.get(name) or 0)
            for name, area in self.areas.items()
            if self.cleaned_data.get(name)
        ]
