from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import Checkboxes, DateInput
from organisations.access import Access
from organisations.models import Role
from promises.forms.choices import other_candidates, party_candidates
from promises.models import Agreement, Commitment, FocusArea, PlanRevision, Promise, PromiseStatus
from promises.services.lifecycle import party_problems

CHANGE_NOTE_HELP = _(
    "Löftet är publicerat. Ändringen sparas som en ny version, och invånarna ser vad som ändrades."
)


def focus_area_choices(promise: Promise, current_id: int | None) -> QuerySet[FocusArea]:
    """The promise's focus areas (all, if it has none yet), and the one already chosen."""
    if not promise.focus_areas.exists():
        return FocusArea.objects.all()
    return FocusArea.objects.filter(Q(promises=promise) | Q(pk=current_id)).distinct()


class ChangeNoteMixin:
    """Adds a required change note when the promise is already published."""

    def add_change_note(self, promise: Promise | None) -> None:
        if promise is not None and promise.status == PromiseStatus.PUBLISHED:
            self.fields["change_note"] = forms.CharField(
                label=_("Vad ändras och varför?"),
                help_text=CHANGE_NOTE_HELP,
                widget=forms.Textarea(attrs={"rows": 2}),
            )


class PromiseForm(ChangeNoteMixin, forms.ModelForm):
    class Meta:
        model = Promise
        fields = [
            "title",
            "parties",
            "follow_up_bodies",
            "agreement",
            "period_start",
            "period_end",
            "geography",
            "focus_areas",
            "intro",
            "goal",
            "basis",
            "follow_along",
            "plain_summary",
            "signed_on",
            "signatories",
        ]
        widgets = {
            "parties": Checkboxes,
            "follow_up_bodies": Checkboxes,
            "focus_areas": Checkboxes,
            "period_start": DateInput,
            "period_end": DateInput,
            "signed_on": DateInput,
            "intro": forms.Textarea(attrs={"rows": 3}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "basis": forms.Textarea(attrs={"rows": 3}),
            "follow_along": forms.Textarea(attrs={"rows": 2}),
            "plain_summary": forms.Textarea(attrs={"rows": 4}),
            "signatories": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, access: Access, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.access = access
        current = (
            list(self.instance.parties.values_list("id", flat=True)) if self.instance.pk else []
        )
        self.fields["parties"].queryset = party_candidates(access, current)
        bodies = (
            list(self.instance.follow_up_bodies.values_list("id", flat=True))
            if self.instance.pk
            else []
        )
        self.fields["follow_up_bodies"].queryset = other_candidates(access, bodies)
        self.fields["agreement"].queryset = Agreement.objects.filter(
            Q(pk__in=Agreement.objects.visible_to_orgs(access.org_ids()).values("pk"))
            | Q(pk=self.instance.agreement_id)
        )
        self.fields["agreement"].empty_label = _("Ingen överenskommelse vald")
        self.fields["focus_areas"].queryset = FocusArea.objects.all()
        self.add_change_note(self.instance if self.instance.pk else None)

    def clean_parties(self) -> list:
        parties = list(self.cleaned_data["parties"])
        problems = party_problems(parties)
        if problems:
            raise ValidationError(problems)
        if not self.access.has({p.pk for p in parties}, Role.EDITOR):
            raise ValidationError(
                _(
                    "Minst en av parterna måste vara en organisation där du är redaktör eller administratör."
                )
            )
        return parties


class CommitmentForm(ChangeNoteMixin, forms.ModelForm):
    giver = forms.ChoiceField(label=_("Vem lovar?"))

    class Meta:
        model = Commitment
        fields = ["text", "focus_area", "target_quantity", "unit", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    field_order = ["giver", "text"]

    def __init__(self, *args: object, promise: Promise, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        parties = list(promise.parties.all())
        choices = [
            (Commitment.Giver.POLICE, _("Polisen lovar att …")),
            (Commitment.Giver.MUNICIPALITIES, _("Kommunen/kommunerna lovar att …")),
            (Commitment.Giver.TOGETHER, _("Tillsammans …")),
        ]
        if len(parties) > 2:
            choices += [
                (f"party-{p.pk}", _("Bara %(name)s lovar att …") % {"name": p.name})
                for p in parties
            ]
        self.fields["giver"].choices = choices
        self.parties = {p.pk: p for p in parties}
        if self.instance.pk:
            g = self.instance.given_by
            self.initial["giver"] = (
                f"party-{self.instance.party_id}" if g == Commitment.Giver.PARTY else g
            )
        self.fields["focus_area"].queryset = focus_area_choices(
            promise, self.instance.focus_area_id
        )
        self.add_change_note(promise)

    def clean(self) -> dict:
        data = super().clean()
        giver = data.get("giver", "")
        if giver.startswith("party-"):
            self.instance.given_by = Commitment.Giver.PARTY
            self.instance.party = self.parties[int(giver.removeprefix("party-"))]
        elif giver:
            self.instance.given_by = giver
            self.instance.party = None
        return data


class DeleteWithNoteForm(ChangeNoteMixin, forms.Form):
    def __init__(self, *args: object, promise: Promise, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.add_change_note(promise)


class ConcludeForm(forms.Form):
    concluded_on = forms.DateField(
        label=_("Avslutat den"), widget=DateInput, initial=timezone.localdate
    )


class ExtendForm(forms.Form):
    new_end = forms.DateField(label=_("Nytt slutdatum"), widget=DateInput)
    note = forms.CharField(
        label=_("Varför förlängs löftet?"),
        help_text=_("Visas för invånarna i versionshistoriken."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReplaceForm(forms.Form):
    successor = forms.ModelChoiceField(label=_("Ersätts av"), queryset=Promise.objects.none())

    def __init__(self, *args: object, promise: Promise, access: Access, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = (
            Promise.objects.visible_to_orgs(access.org_ids())
            .exclude(pk=promise.pk)
            .filter(
                status__in=[PromiseStatus.DRAFT, PromiseStatus.ADOPTED, PromiseStatus.PUBLISHED]
            )
        )


class PlanRevisionForm(forms.ModelForm):
    class Meta:
        model = PlanRevision
        fields = ["year", "decided_by", "decided_on", "note"]
        widgets = {"decided_on": DateInput, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, promise: Promise, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.promise = promise

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if (
            PlanRevision.objects.filter(promise=self.promise, year=year)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise ValidationError(_("Det finns redan en revidering för %(year)s.") % {"year": year})
        return year


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["name", "description"]
