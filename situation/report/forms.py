from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import Checkboxes, DateInput
from organisations.access import Access
from organisations.models import Area
from participation.recording import NO_NAMES, municipalities_of, recording_organisations
from promises.models import Promise
from situation.models import SituationReport, SuggestedFocusArea
from situation.report.builder import period_problem


class ReportForm(forms.ModelForm):
    """Title, responsible organisation, municipalities, areas, period and the promises that rest
    on the lägesbild."""

    class Meta:
        model = SituationReport
        fields = [
            "title",
            "organisation",
            "municipalities",
            "areas",
            "period_start",
            "period_end",
            "promises",
        ]
        widgets = {
            "period_start": DateInput,
            "period_end": DateInput,
            "municipalities": Checkboxes,
            "areas": Checkboxes,
            "promises": Checkboxes,
        }
        help_texts = {
            "title": _("T.ex. ”Lägesbild Tjörn 2025”."),
            "areas": _(
                "Lämna tomt för hela kommunerna. Med valda områden räknas invånarnas rapporter "
                "bara där; polisens händelser räknas alltid per kommun."
            ),
            "promises": _("Löftets publika sida länkar till lägesbilden när den är publicerad."),
        }

    def __init__(self, *args: object, access: Access, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        orgs = recording_organisations(access, self.instance.organisation_id)
        self.fields["organisation"].queryset = orgs
        municipalities = municipalities_of(orgs).order_by("name")
        self.fields["municipalities"].queryset = municipalities
        areas = Area.objects.filter(municipality__in=municipalities).select_related("municipality")
        if areas.exists():
            self.fields["areas"].queryset = areas.order_by("municipality__name", "name")
        else:
            del self.fields["areas"]
        linked = (
            list(self.instance.promises.values_list("id", flat=True)) if self.instance.pk else []
        )
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
        self.fields["promises"].required = False
        if len(orgs) == 1 and not self.instance.pk:
            self.fields["organisation"].initial = orgs[0].pk

    def clean(self) -> dict:
        data = super().clean()
        problem = period_problem(data.get("period_start"), data.get("period_end"))
        if problem:
            self.add_error("period_end", problem)
        chosen = data.get("municipalities")
        for area in data.get("areas") or []:
            if chosen is not None and area.municipality not in chosen:
                self.add_error(
                    "areas",
                    _("%(area)s ligger inte i någon av de valda kommunerna.") % {"area": area},
                )
        return data


PARTS = {
    "kartlaggning": "mapping_text",
    "annan-information": "other_information_text",
    "analys": "analysis_text",
    "kallor": "sources_text",
}


def text_form(part: str) -> type[forms.ModelForm]:
    """A form for one of the coordinators' texts."""
    name = PARTS[part]

    class TextForm(forms.ModelForm):
        class Meta:
            model = SituationReport
            fields = [name]
            widgets = {name: forms.Textarea(attrs={"rows": 16})}

    return TextForm


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = SuggestedFocusArea
        fields = [
            "title",
            "priority",
            "rationale",
            "place_situation",
            "victim_target",
            "offender",
            "measure_kind",
            "horizon",
        ]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "place_situation": forms.Textarea(attrs={"rows": 3}),
            "victim_target": forms.Textarea(attrs={"rows": 3}),
            "offender": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "title": _("T.ex. ”Narkotika i centrum” eller ”Trafiksäkerhet vid skolorna”."),
            "priority": _("1 är det mest prioriterade problemet."),
            "rationale": _("Vad kartläggningen visar, och varför problemet prioriteras."),
            "place_situation": _("Var och när det händer: platser, tider, situationer."),
            "victim_target": _("Vem eller vad som drabbas: grupper, verksamheter, föremål."),
            "offender": NO_NAMES,
        }
