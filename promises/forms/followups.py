from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from promises.analysis import traffic_light
from promises.models import (
    Commitment,
    FollowUp,
    Indicator,
    IndicatorAssessment,
    Measurement,
    Verdict,
)


class FollowUpForm(forms.ModelForm):
    """The follow-up itself plus, per commitment, a verdict and a reason, and per indicator a
    traffic-light assessment."""

    class Meta:
        model = FollowUp
        fields = [
            "date",
            "reviewer_kind",
            "reviewer_name",
            "summary",
            "resources_used",
            "next_period_changes",
            "reported_to_council_on",
        ]
        widgets = {
            "date": DateInput,
            "reported_to_council_on": DateInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "resources_used": forms.Textarea(attrs={"rows": 2}),
            "next_period_changes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(
        self,
        *args: object,
        commitments: list[Commitment],
        indicators: list[Indicator],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.commitments = commitments
        self.indicators = indicators
        verdicts = (
            {v.commitment_id: v for v in self.instance.verdicts.all()} if self.instance.pk else {}
        )
        assessments = (
            {a.indicator_id: a for a in self.instance.assessments.all()} if self.instance.pk else {}
        )
        for c in commitments:
            existing = verdicts.get(c.pk)
            self.fields[f"verdict_{c.pk}"] = forms.ChoiceField(
                label=_("Bedömning"),
                required=False,
                choices=[("", _("Inte bedömd"))] + list(Verdict.Choice.choices),
                initial=existing.verdict if existing else "",
            )
            self.fields[f"reason_{c.pk}"] = forms.CharField(
                label=_("Varför?"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=existing.reason if existing else "",
            )
        for i in indicators:
            existing = assessments.get(i.pk)
            self.fields[f"light_{i.pk}"] = forms.ChoiceField(
                label=_("Bedömning"),
                required=False,
                choices=[("", _("Inte bedömd"))] + list(IndicatorAssessment.Light.choices),
                initial=existing.light if existing else suggested_light(i),
            )
            self.fields[f"comment_{i.pk}"] = forms.CharField(
                label=_("Kommentar"), required=False, initial=existing.comment if existing else ""
            )

    def base_fields_bound(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def commitment_rows(self) -> list[tuple[Commitment, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"verdict_{c.pk}"], self[f"reason_{c.pk}"]) for c in self.commitments]

    def indicator_rows(self) -> list[tuple[Indicator, forms.BoundField, forms.BoundField]]:
        return [(i, self[f"light_{i.pk}"], self[f"comment_{i.pk}"]) for i in self.indicators]

    def clean(self) -> dict:
        data = super().clean()
        for c in self.commitments:
            if data.get(f"verdict_{c.pk}") and not data.get(f"reason_{c.pk}", "").strip():
                self.add_error(f"reason_{c.pk}", _("Motivera bedömningen: varför blev det så?"))
        return data

    def verdicts(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {
            c.pk: (d[f"verdict_{c.pk}"], d[f"reason_{c.pk}"].strip())
            for c in self.commitments
            if d.get(f"verdict_{c.pk}")
        }

    def assessments(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {
            i.pk: (d[f"light_{i.pk}"], d[f"comment_{i.pk}"].strip())
            for i in self.indicators
            if d.get(f"light_{i.pk}")
        }


def suggested_light(indicator: Indicator) -> str:
    latest = indicator.measurements.order_by("-date").values_list("value", flat=True).first()
    light = traffic_light(
        baseline=indicator.baseline,
        target=indicator.target,
        latest=latest,
        higher_is_better=indicator.direction == Indicator.Direction.UP,
    )
    return light or ""


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "source",
            "unit",
            "baseline",
            "baseline_year",
            "target",
            "target_year",
            "direction",
            "counts_people",
            "is_public",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 2})}


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["date", "value", "note"]
        widgets = {"date": DateInput}

    def __init__(self, *args: object, indicator: Indicator, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean_date(self) -> object:
        date = self.cleaned_data["date"]
        if self.indicator.measurements.filter(date=date).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _("Det finns redan ett mätvärde för det datumet. Ändra det i stället.")
            )
        return date
