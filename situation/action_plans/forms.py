from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.widgets import Checkboxes, DateInput
from organisations.models import Municipality, Organisation
from promises.models import Activity, Promise
from situation.access import editable_municipality_ids, reports_visible_to
from situation.models import ActionPlan, ActionPlanMeasure


class ActionPlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = [
            "municipality",
            "title",
            "decision_body",
            "decided_on",
            "paragraph",
            "situation_report",
            "review_interval_years",
            "next_review_on",
            "is_public",
        ]
        widgets = {"decided_on": DateInput, "next_review_on": DateInput}
        help_texts = {
            "title": _("T.ex. ”Åtgärdsplan för brottsförebyggande arbete 2025–2026”."),
            "paragraph": _("Paragrafen i protokollet, t.ex. ”§ 112”."),
            "review_interval_years": _(
                "Lagen (2023:196) anger inget intervall; vanligt är vartannat år."
            ),
        }

    def __init__(self, *args: object, user: AbstractBaseUser, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        ids = editable_municipality_ids(user) | (
            {self.instance.municipality_id} if self.instance.municipality_id else set()
        )
        self.fields["municipality"].queryset = Municipality.objects.filter(id__in=ids)
        if len(ids) == 1 and not self.instance.pk:
            self.fields["municipality"].initial = next(iter(ids))
        self.fields["situation_report"].queryset = (
            reports_visible_to(user).distinct().order_by("-period_end")
        )
        self.fields["review_interval_years"].min_value = 1
        self.fields["review_interval_years"].widget.attrs.update(min=1, max=10)

    def clean_review_interval_years(self) -> int:
        years = self.cleaned_data["review_interval_years"]
        if not 1 <= years <= 10:
            raise forms.ValidationError(_("Ange ett intervall på 1–10 år."))
        return years

    def clean(self) -> dict:
        data = super().clean()
        report, municipality = data.get("situation_report"), data.get("municipality")
        if report and municipality and not report.municipalities.filter(pk=municipality.pk):
            self.add_error("situation_report", _("Lägesbilden gäller inte den valda kommunen."))
        decided, review = data.get("decided_on"), data.get("next_review_on")
        if decided and review and review <= decided:
            self.add_error("next_review_on", _("Översynen ska ligga efter beslutsdatumet."))
        return data


def measure_organisations(plan: ActionPlan) -> QuerySet[Organisation]:
    """Organisations working in the plan's municipality, and the police areas covering it."""
    return Organisation.objects.filter(
        Q(municipality_id=plan.municipality_id)
        | Q(police_area__municipalities=plan.municipality_id)
    ).distinct()


class ActionPlanMeasureForm(forms.ModelForm):
    class Meta:
        model = ActionPlanMeasure
        fields = ["text", "responsible", "responsible_function", "promises", "activities"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "promises": Checkboxes,
            "activities": Checkboxes,
        }
        help_texts = {
            "responsible_function": _("T.ex. ”Trygghetssamordnare” eller ”Kommunpolis”."),
            "promises": _("Medborgarlöften som genomför åtgärden."),
            "activities": _("Aktiviteter i löftenas aktivitetsplaner som genomför åtgärden."),
        }

    def __init__(self, *args: object, plan: ActionPlan, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["responsible"].queryset = measure_organisations(plan).order_by("kind", "name")
        promises = Promise.objects.filter(
            id__in=Promise.objects.for_municipality(plan.municipality_id).values("id")
        ).order_by("-period_start", "title")
        self.fields["promises"].queryset = promises
        self.fields["activities"].queryset = (
            Activity.objects.filter(commitment__promise__in=promises)
            .select_related("commitment__promise")
            .order_by("commitment__promise__title", "start", "id")
        )
        self.fields["activities"].label_from_instance = lambda a: (
            f"{a.title} ({a.commitment.promise.title})"
        )

    def clean(self) -> dict:
        data = super().clean()
        promises = set(data.get("promises") or [])
        for activity in data.get("activities") or []:
            if activity.commitment.promise not in promises:
                promises.add(activity.commitment.promise)
        if "promises" in data:
            data["promises"] = list(promises)
        return data
