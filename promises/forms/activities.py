from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from promises.forms.choices import responsible_candidates
from promises.forms.promises import focus_area_choices
from promises.models import Activity, ActivityStatus, Commitment, ProgressUpdate, Promise


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "commitment",
            "title",
            "description",
            "responsible",
            "responsible_function",
            "focus_area",
            "start",
            "end",
            "target_quantity",
            "unit",
            "counts_people",
            "resources",
            "status",
            "follow_up_on",
        ]
        widgets = {
            "start": DateInput,
            "end": DateInput,
            "follow_up_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, promise: Promise, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = Commitment.objects.filter(promise=promise)
        self.fields["responsible"].queryset = responsible_candidates(promise)
        self.fields["focus_area"].queryset = focus_area_choices(
            promise, self.instance.focus_area_id
        )


class ProgressForm(forms.ModelForm):
    new_status = forms.ChoiceField(
        label=_("Ändra aktivitetens status"),
        required=False,
        choices=[("", _("Behåll nuvarande status"))] + list(ActivityStatus.choices),
    )

    class Meta:
        model = ProgressUpdate
        fields = ["date", "text", "quantity", "is_public"]
        widgets = {"date": DateInput, "text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "text": _(
                "Beskriv vad som gjordes, var och med vilket resultat. Skriv aldrig namn, "
                "personnummer eller något annat som kan peka ut en person."
            )
        }

    def __init__(
        self, *args: object, activity: Activity, needs_review: bool = False, **kwargs: object
    ) -> None:
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        if needs_review:
            self.fields["is_public"].help_text = _(
                "Visas för invånarna när en redaktör har granskat texten. Skriv aldrig namn eller "
                "uppgifter som kan peka ut en person."
            )
        if activity.unit:
            self.fields["quantity"].label = _("Antal genomförda (%(unit)s)") % {
                "unit": activity.unit
            }

    def clean_date(self) -> object:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(
                _("Datumet kan inte ligga i framtiden. Rapportera det som redan är gjort.")
            )
        return date


class ProgressReviewForm(forms.Form):
    text = forms.CharField(
        label=_("Text som publiceras"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ta bort namn och allt annat som kan peka ut en person innan du publicerar."),
    )
    decision = forms.ChoiceField(
        label=_("Beslut"),
        choices=[
            ("publish", _("Publicera på de publika sidorna")),
            ("internal", _("Behåll som intern")),
        ],
        widget=forms.RadioSelect,
    )
