import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.widgets import Checkboxes, DateInput
from organisations.access import Access
from organisations.models import Organisation
from participation.models import Dialogue, DialogueRemark
from participation.recording import NO_NAMES, RecordingForm
from promises.forms.choices import other_candidates, party_candidates
from promises.models import FocusArea, Promise


class DialogueForm(RecordingForm):
    class Meta:
        model = Dialogue
        fields = [
            "organisation",
            "kind",
            "title",
            "held_on",
            "municipality",
            "area",
            "place",
            "format",
            "target_group",
            "participants",
            "organisations_present",
            "promises",
            "summary",
        ]
        widgets = {
            "held_on": DateInput,
            "organisations_present": Checkboxes,
            "promises": Checkboxes,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"area": _("Område"), "title": _("Rubrik")}
        help_texts = {
            "title": _("T.ex. ”Medborgardialog om trygghet i Skärhamn”."),
            "place": _("Lokal, skola, torg – eller ”digitalt”."),
            "target_group": _("T.ex. ”boende i centrum”, ”elever i årskurs 8”, ”fältassistenter”."),
            "participants": _("Publikt visas antalet bara om det är minst 5, av integritetsskäl."),
            "promises": _("Det som sades visas under ”Vad vi hörde” på löftets publika sida."),
            "summary": NO_NAMES,
        }

    def __init__(self, *args: object, access: Access, **kwargs: object) -> None:
        super().__init__(*args, access=access, **kwargs)
        current = self.instance.pk and self.instance
        present = (
            list(current.organisations_present.values_list("id", flat=True)) if current else []
        )
        self.fields["organisations_present"].queryset = Organisation.objects.filter(
            id__in=(party_candidates(access, present) | other_candidates(access, present)).values(
                "id"
            )
        ).order_by("kind", "name")
        linked = list(current.promises.values_list("id", flat=True)) if current else []
        self.fields["promises"].queryset = (
            (
                Promise.objects.filter(
                    id__in=Promise.objects.visible_to_orgs(access.org_ids()).values("id")
                )
                | Promise.objects.filter(id__in=linked)
            )
            .distinct()
            .order_by("-period_start", "title")
        )

    def clean_held_on(self) -> datetime.date:
        held_on = self.cleaned_data["held_on"]
        if held_on > datetime.date.today():
            raise ValidationError(
                _("Datumet ligger i framtiden. Registrera dialogen när den har hållits.")
            )
        return held_on

    def clean(self) -> dict:
        data = super().clean()
        municipality = data.get("municipality")
        for promise in data.get("promises") or []:
            if (
                municipality
                and not promise.parties.filter(
                    kind=Organisation.Kind.MUNICIPALITY, municipality=municipality
                ).exists()
            ):
                self.add_error(
                    "promises",
                    _("Löftet ”%(promise)s” gäller inte %(municipality)s.")
                    % {"promise": promise, "municipality": municipality},
                )
        return data


class RemarkForm(forms.ModelForm):
    class Meta:
        model = DialogueRemark
        fields = ["text", "focus_area", "is_public"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Det här sades"), "is_public": _("Får visas publikt")}
        help_texts = {
            "text": _(
                "Sammanfatta med egna ord vad deltagarna tog upp. Skriv aldrig namn eller "
                "uppgifter som kan peka ut en person."
            ),
            "focus_area": _("Koda synpunkten till det fokusområde den gäller."),
            "is_public": _(
                "Publika synpunkter visas när dialogen publiceras. Avmarkera det som bara ska "
                "användas internt, t.ex. i lägesbilden."
            ),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = FocusArea.objects.all()
        self.fields["focus_area"].empty_label = _("Inget särskilt fokusområde")


class DialogueFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Typ"), required=False, choices=[("", _("Alla"))] + Dialogue.Kind.choices
    )
    year = forms.TypedChoiceField(label=_("År"), required=False, coerce=int, empty_value=None)
    focus_area = forms.ModelChoiceField(
        label=_("Fokusområde"),
        required=False,
        queryset=FocusArea.objects.all(),
        empty_label=_("Alla"),
    )

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Alla"))] + [(y, str(y)) for y in years]
