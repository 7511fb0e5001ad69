"""Forms for indicator rules, their link to a promise's indicator, and the problem index."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from promises.models import Indicator
from surveys.models import IndicatorRule, ItemKind, Question, Survey
from surveys.models.surveys import key_validator

CHOICE_KINDS = (ItemKind.SINGLE, ItemKind.MULTIPLE)


def choice_questions(survey: Survey) -> list[Question]:
    return [
        q
        for q in survey.questions.select_related("item_version__item").order_by(
            "section__order", "order", "id"
        )
        if q.item_version.item.kind in CHOICE_KINDS
    ]


def simple_counts(condition: dict | None) -> dict[str, list[str]] | None:
    """{key: [values]} when a condition is "any of these answers" (an "in", or an "or" of
    them), the form the rule form can edit; None otherwise."""
    if not isinstance(condition, dict):
        return None
    parts = condition["args"] if condition.get("op") == "or" else [condition]
    out: dict[str, list[str]] = {}
    for part in parts:
        if not isinstance(part, dict) or part.get("op") != "in":
            return None
        out.setdefault(part["q"], []).extend(part["values"])
    return out


class RuleForm(forms.ModelForm):
    name_sv = forms.CharField(label=gettext_lazy("Namn"), max_length=150)
    name_en = forms.CharField(
        label=gettext_lazy("Namn på engelska"), max_length=150, required=False
    )
    base_key = forms.ChoiceField(
        label=gettext_lazy("Bas: fråga"),
        help_text=gettext_lazy(
            "Andelen räknas bland dem som svarat på frågan (”Vet ej” räknas inte)."
        ),
    )

    class Meta:
        model = IndicatorRule
        fields = ["code", "higher_is_better"]
        help_texts = {
            "code": gettext_lazy("Små bokstäver, siffror och understreck, t.ex. otrygg_kvall."),
        }

    def __init__(self, data: dict | None, *, survey: Survey, instance: IndicatorRule) -> None:
        super().__init__(data, instance=instance)
        self.survey = survey
        self.questions = choice_questions(survey)
        self.fields["code"].validators.append(key_validator)
        self.fields["base_key"].choices = [
            (q.key, q.item_version.text("sv")) for q in self.questions
        ]
        current = simple_counts(instance.counts) or {}
        for q in self.questions:
            options = [
                (o["value"], o["label"].get("sv", o["value"]))
                for o in q.item_version.options
                if not o.get("missing")
            ]
            self.fields[f"counts__{q.key}"] = forms.MultipleChoiceField(
                label=q.item_version.text("sv"),
                choices=options,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=current.get(q.key, []),
            )
        if instance.pk:
            self.fields["name_sv"].initial = instance.name.get("sv", "")
            self.fields["name_en"].initial = instance.name.get("en", "")
            self.fields["base_key"].initial = instance.base_key

    def main_fields(self) -> list[forms.BoundField]:
        return [self[n] for n in ("name_sv", "name_en", "code", "base_key", "higher_is_better")]

    def counts_fields(self) -> list[forms.BoundField]:
        return [self[f"counts__{q.key}"] for q in self.questions]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        taken = IndicatorRule.objects.filter(survey=self.survey, code=code).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise ValidationError(
                _("Undersökningen har redan en indikator med koden %(code)s.") % {"code": code}
            )
        return code

    def clean(self) -> dict:
        data = super().clean()
        chosen = {q.key: data.get(f"counts__{q.key}") for q in self.questions}
        if not any(chosen.values()):
            raise ValidationError(
                _(
                    "Kryssa i minst ett svar som ska räknas, t.ex. ”Ganska otrygg” och ”Mycket otrygg”."
                )
            )
        return data

    def save(self, commit: bool = True) -> IndicatorRule:
        rule = super().save(commit=False)
        rule.survey = self.survey
        rule.name = {
            k: v
            for k, v in (("sv", self.cleaned_data["name_sv"]), ("en", self.cleaned_data["name_en"]))
            if v
        }
        rule.base_key = self.cleaned_data["base_key"]
        parts = [
            {"op": "in", "q": q.key, "values": list(self.cleaned_data[f"counts__{q.key}"])}
            for q in self.questions
            if self.cleaned_data.get(f"counts__{q.key}")
        ]
        rule.counts = parts[0] if len(parts) == 1 else {"op": "or", "args": parts}
        if commit:
            rule.save()
        return rule


class LinkForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indikator i ett medborgarlöfte"),
        queryset=Indicator.objects.none(),
        help_text=gettext_lazy(
            "Indikatorn får ett mätvärde med konfidensintervall från varje stängd omgång, också "
            "de som redan är stängda."
        ),
    )

    def __init__(self, data: dict | None, *, indicators: list[Indicator]) -> None:
        super().__init__(data)
        field = self.fields["indicator"]
        field.queryset = Indicator.objects.filter(pk__in=[i.pk for i in indicators]).select_related(
            "promise"
        )
        field.label_from_instance = lambda i: f"{i.promise.title}: {i.name}"
        field.empty_label = _("Välj en indikator")


PROBLEM_OPTIONS = [
    ("mycket_stort", gettext_lazy("Ett mycket stort problem")),
    ("ganska_stort", gettext_lazy("Ett ganska stort problem")),
    ("ganska_litet", gettext_lazy("Ett ganska litet problem")),
    ("inget", gettext_lazy("Inget problem alls")),
]


class ProblemWeightsForm(forms.Form):
    def __init__(self, data: dict | None, *, weights: dict) -> None:
        super().__init__(data)
        for value, label in PROBLEM_OPTIONS:
            self.fields[value] = forms.IntegerField(
                label=label, min_value=0, max_value=6, initial=weights.get(value, 0)
            )

    def clean(self) -> dict:
        data = super().clean()
        scores = [data.get(v) for v, _label in PROBLEM_OPTIONS]
        if None not in scores and scores != sorted(scores, reverse=True):
            raise ValidationError(
                _("Ett större problem ska ge minst lika många poäng som ett mindre.")
            )
        return data

    def weights(self) -> dict[str, int]:
        return {v: self.cleaned_data[v] for v, _label in PROBLEM_OPTIONS}
