from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.widgets import Checkboxes, DateInput
from organisations.access import Access
from organisations.models import Organisation, Role
from promises.forms.choices import other_candidates, party_candidates
from promises.models import Agreement, GovernanceGroup


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "title",
            "parties",
            "purpose",
            "problems",
            "causes",
            "goals",
            "documentation",
            "follow_up_plan",
            "signed_on",
            "signatories",
            "valid_from",
            "valid_until",
            "is_public",
        ]
        widgets = {
            "parties": Checkboxes,
            "signed_on": DateInput,
            "valid_from": DateInput,
            "valid_until": DateInput,
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in [
                    "purpose",
                    "problems",
                    "causes",
                    "goals",
                    "documentation",
                    "follow_up_plan",
                    "signatories",
                ]
            },
        }

    def __init__(self, *args: object, access: Access, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.access = access
        current = (
            list(self.instance.parties.values_list("id", flat=True)) if self.instance.pk else []
        )
        self.fields["parties"].queryset = (
            (party_candidates(access, current) | other_candidates(access, current))
            .distinct()
            .order_by("kind", "name")
        )

    def clean_parties(self) -> list[Organisation]:
        parties = list(self.cleaned_data["parties"])
        if len(parties) < 2:
            raise ValidationError(_("En samverkansöverenskommelse har minst två parter."))
        if not self.access.has({p.pk for p in parties}, Role.EDITOR):
            raise ValidationError(
                _(
                    "Minst en av parterna måste vara en organisation där du är redaktör eller administratör."
                )
            )
        return parties


class GovernanceGroupForm(forms.ModelForm):
    class Meta:
        model = GovernanceGroup
        fields = ["kind", "name", "task", "members"]
        widgets = {
            "task": forms.Textarea(attrs={"rows": 2}),
            "members": forms.Textarea(attrs={"rows": 4}),
        }
