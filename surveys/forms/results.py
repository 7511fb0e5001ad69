"""The choices on the results page: breakdown variable, wave to compare with, which answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import Wave

NO_BREAKDOWN = "ingen"
NO_COMPARISON = "ingen"
BREAKDOWNS = [
    ("omrade", _("Område")),
    ("kon", _("Kön")),
    ("alder", _("Åldersgrupp")),
    (NO_BREAKDOWN, _("Ingen uppdelning")),
]


class ResultsFilter(forms.Form):
    per = forms.ChoiceField(label=_("Redovisa per"), choices=BREAKDOWNS, required=False)
    jamfor = forms.ChoiceField(label=_("Jämför med"), required=False)
    svar = forms.ChoiceField(
        label=_("Svar"),
        required=False,
        choices=[
            ("urval", _("Urvalet och pappersenkäterna (viktat)")),
            ("oppen", _("Svar via öppen länk (ej representativt, oviktat)")),
        ],
    )

    def __init__(self, data: dict, *, earlier: list[Wave], has_open_link: bool) -> None:
        super().__init__(data)
        self.earlier = earlier
        self.fields["jamfor"].choices = [(str(w.pk), w.name) for w in earlier] + [
            (NO_COMPARISON, _("Ingen jämförelse"))
        ]
        if not has_open_link:
            del self.fields["svar"]

    def _value(self, name: str) -> str:
        return (self.cleaned_data.get(name) or "") if self.is_valid() else ""

    @property
    def dimension(self) -> str | None:
        value = self._value("per") or "omrade"
        return None if value == NO_BREAKDOWN else value

    @property
    def compare_with(self) -> Wave | None:
        value = self._value("jamfor")
        if value == NO_COMPARISON:
            return None
        chosen = [w for w in self.earlier if str(w.pk) == value]
        return chosen[0] if chosen else (self.earlier[0] if self.earlier else None)

    @property
    def open_link(self) -> bool:
        return self._value("svar") == "oppen"
