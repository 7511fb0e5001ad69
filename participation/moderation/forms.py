"""Forms of the moderation pages: they validate, the services decide."""

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from participation.models import (
    Moderation,
    ReportCategory,
    ReportStatus,
    ResidentReport,
    ResponseTemplate,
)
from participation.recording import NO_NAMES

ANY = [("", _("Alla"))]


class QueueFilterForm(forms.Form):
    """The queue's filters (GET): unknown values are simply ignored."""

    organisation = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    moderation = forms.ChoiceField(
        label=_("Granskning"), required=False, choices=ANY + Moderation.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=ANY + ReportStatus.choices
    )
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    overdue = forms.BooleanField(label=_("Bara försenade"), required=False)

    def __init__(self, *args: object, organisations: list[Organisation], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("Alla mina"))] + [
            (o.pk, o.name) for o in organisations
        ]
        self.fields["category"].choices = ANY + [
            (c.code, str(c)) for c in ReportCategory.objects.filter(is_active=True)
        ]

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}


class RedactForm(forms.Form):
    public_text = forms.CharField(
        label=_("Text som visas offentligt"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_(
            "Ta bort namn, adresser till bostäder, registreringsnummer och annat som kan peka "
            "ut en person. Originalet sparas bara för moderatorerna och raderas efter en tid."
        ),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Skäl"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Rapportören får skälet med e-post om hen har lämnat en adress. Skriv inga namn."
        ),
    )


class PrecisionForm(forms.Form):
    precise = forms.TypedChoiceField(
        label=_("Plats på den publika kartan"),
        coerce=lambda v: v == "exakt",
        choices=[
            ("ungefar", _("Ungefärlig (inom cirka 200 meter) – standard")),
            ("exakt", _("Exakt punkt – t.ex. en trasig lyktstolpe, aldrig nära någons bostad")),
        ],
        widget=forms.RadioSelect,
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReportStatus.choices)
    public_note = forms.CharField(
        label=_("Svar till invånarna"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Visas offentligt med rapporten och mejlas till rapportören. Skriv aldrig namn "
            "eller uppgifter som kan peka ut en person."
        ),
    )


def routing_candidates(report: ResidentReport) -> QuerySet[Organisation]:
    """Organisations that can answer for a place in the municipality: the municipality, the
    police areas covering it and organisations working there."""
    return Organisation.objects.filter(
        Q(municipality_id=report.municipality_id)
        | Q(police_area__municipalities=report.municipality_id)
    ).distinct()


class RouteForm(forms.Form):
    responsible = forms.ModelChoiceField(
        label=_("Ansvarig organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Ingen – moderatorerna svarar"),
        help_text=_("Organisationens redaktörer kan sedan sätta status och svara."),
    )

    def __init__(self, *args: object, report: ResidentReport, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = routing_candidates(report)


class ResponseTemplateForm(forms.ModelForm):
    class Meta:
        model = ResponseTemplate
        fields = ["organisation", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
        labels = {"organisation": _("Organisation")}
        help_texts = {
            "title": _("T.ex. ”Felanmälan skickad till gatuenheten”."),
            "text": NO_NAMES,
        }

    def __init__(
        self, *args: object, organisations: QuerySet[Organisation], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None
