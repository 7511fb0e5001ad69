"""Population margins entered by hand: one number per area, per sex and per age band (SCB's
figures for people 16–84). Each variable is filled in completely or left out."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Area
from surveys.models import Margin
from surveys.models.waves import MarginVariable
from surveys.results.data import DEFAULT_AGES, DEFAULT_SEXES

GROUP_NAMES = {
    MarginVariable.AREA: gettext_lazy("områdena"),
    MarginVariable.SEX: gettext_lazy("kön"),
    MarginVariable.AGE: gettext_lazy("åldersgrupperna"),
}


class MarginsForm(forms.Form):
    def __init__(self, data: dict | None, *, areas: list[Area], margins: list[Margin]) -> None:
        super().__init__(data)
        current = {(m.variable, m.category): m.population for m in margins}
        self.groups: dict[str, list[str]] = {}
        categories = {
            MarginVariable.AREA: [(a.code, a.name) for a in areas],
            MarginVariable.SEX: [
                (v, _("Kvinnor") if v == "kvinna" else _("Män")) for v, _l in DEFAULT_SEXES
            ],
            MarginVariable.AGE: [(v, label) for v, label in DEFAULT_AGES],
        }
        for variable, pairs in categories.items():
            names = []
            for value, label in pairs:
                name = f"{variable}__{value}"
                self.fields[name] = forms.IntegerField(
                    label=label,
                    min_value=1,
                    max_value=20_000_000,
                    required=False,
                    initial=current.get((variable, value)),
                    error_messages={
                        "min_value": _(
                            "Ange minst 1. Ett område utan invånare 16–84 år tas bort eller slås "
                            "ihop med ett annat."
                        ),
                        "invalid": _("Ange ett heltal, t.ex. 1250."),
                    },
                )
                names.append(name)
            self.groups[variable] = names

    def fieldsets(self) -> list[tuple[str, list[forms.BoundField]]]:
        titles = {
            MarginVariable.AREA: _("Invånare 16–84 år per område"),
            MarginVariable.SEX: _("Invånare 16–84 år per kön"),
            MarginVariable.AGE: _("Invånare 16–84 år per åldersgrupp"),
        }
        return [(titles[v], [self[n] for n in names]) for v, names in self.groups.items() if names]

    def clean(self) -> dict:
        data = super().clean()
        totals = {}
        for variable, names in self.groups.items():
            filled = [n for n in names if data.get(n) is not None]
            if filled and len(filled) < len(names):
                for name in names:
                    if data.get(name) is None and name not in self.errors:
                        self.add_error(
                            name,
                            _("Fyll i alla %(group)s eller lämna alla tomma.")
                            % {"group": GROUP_NAMES[variable]},
                        )
            elif filled:
                totals[variable] = sum(data[n] for n in names)
        if len(set(totals.values())) > 1:
            listing = ", ".join(
                f"{GROUP_NAMES[v]} {total:,}".replace(",", "\u00a0") for v, total in totals.items()
            )
            raise ValidationError(
                _(
                    "Summorna skiljer sig åt (%(listing)s). Alla ska vara samma befolkning, "
                    "invånarna 16–84 år i kommunen."
                )
                % {"listing": listing}
            )
        return data

    def tables(self) -> dict[str, dict[str, int]]:
        """{variable: {category: population}} for the variables filled in."""
        out = {}
        for variable, names in self.groups.items():
            values = {n.split("__", 1)[1]: self.cleaned_data.get(n) for n in names}
            if all(v is not None for v in values.values()) and values:
                out[variable] = values
        return out
