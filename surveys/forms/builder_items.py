"""The form for an organisation's own item in the question bank."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from surveys.builder.items import TOPICS, options_as_text, parse_options
from surveys.models import Item, ItemKind, ItemVersion, Section
from surveys.models.bank import CHOICE_KINDS, code_validator

TEXT_LIMIT = 10000


class OwnItemForm(forms.Form):
    code = forms.CharField(
        label=_("Kod"),
        max_length=60,
        validators=[code_validator],
        help_text=_(
            "Kopplar ihop svaren mellan undersökningar och år och kan inte ändras senare. Små "
            "bokstäver a–z, siffror och understreck, t.ex. ”otrygg_centrum”."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Egen fråga för"), queryset=Organisation.objects.none()
    )
    kind = forms.ChoiceField(
        label=_("Frågetyp"), choices=ItemKind.choices, widget=forms.RadioSelect
    )
    topic = forms.ChoiceField(label=_("Ämne"), choices=list(TOPICS.items()), initial="ovrigt")
    wording = forms.CharField(
        label=_("Frågetext på svenska"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    help_text = forms.CharField(
        label=_("Hjälptext på svenska"),
        required=False,
        max_length=500,
        help_text=_("Visas under frågan. I en matris är hjälptexten radens korta text."),
    )
    options = forms.CharField(
        label=_("Svarsalternativ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Ett alternativ per rad. Skriv bara texten, eller ”kod = text” för att välja koden "
            "själv (t.ex. ”ja = Ja”). Behövs för ett eller flera svarsalternativ."
        ),
    )
    missing = forms.CharField(
        label=_("Koder som inte räknas i andelar"),
        required=False,
        help_text=_("T.ex. ”vet_ej”. Skilj flera med kommatecken."),
    )
    minimum = forms.DecimalField(label=_("Minsta värde"), required=False)
    maximum = forms.DecimalField(label=_("Största värde"), required=False)
    integer = forms.BooleanField(label=_("Bara heltal"), required=False)
    min_label = forms.CharField(
        label=_("Text vid skalans lägsta värde"), required=False, max_length=80
    )
    max_label = forms.CharField(
        label=_("Text vid skalans högsta värde"), required=False, max_length=80
    )
    max_length = forms.IntegerField(
        label=_("Längsta svar i tecken (fritext)"),
        required=False,
        min_value=1,
        max_value=TEXT_LIMIT,
        initial=2000,
    )
    section = forms.ModelChoiceField(
        label=_("Lägg frågan i avsnittet"), queryset=Section.objects.none(), required=False
    )

    def __init__(
        self,
        *args: object,
        organisations: list[Organisation],
        item: Item | None = None,
        sections: list[Section] | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        self.only_organisation = organisations[0] if len(organisations) == 1 else None
        if self.only_organisation is not None:
            del self.fields["organisation"]
        if sections:
            self.fields["section"].queryset = Section.objects.filter(
                pk__in=[s.pk for s in sections]
            )
            self.fields["section"].required = True
            self.fields["section"].initial = sections[-1].pk
        else:
            del self.fields["section"]
        if item is not None:
            for name in ("code", "organisation", "kind"):
                self.fields.pop(name, None)
            self.initial.update(initial_for(item.latest_version()))

    @property
    def item_kind(self) -> str:
        return self.item.kind if self.item else self.cleaned_data.get("kind", "")

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        existing = Item.objects.filter(code=code).select_related("organisation").first()
        if existing is not None and existing.is_standard:
            raise ValidationError(
                _("Koden ”%(code)s” finns redan i standardbanken. Använd standardfrågan i stället.")
                % {"code": code}
            )
        if existing is not None:
            raise ValidationError(
                _(
                    "Koden ”%(code)s” används redan av en egen fråga hos %(organisation)s. Välj en annan kod."
                )
                % {"code": code, "organisation": existing.organisation}
            )
        return code

    def clean(self) -> dict:
        data = super().clean()
        if self.only_organisation is not None:
            data["organisation"] = self.only_organisation
        kind = self.item_kind
        if kind in CHOICE_KINDS:
            self._clean_options(data)
        else:
            data["option_list"] = []
        if kind in (ItemKind.NUMBER, ItemKind.SCALE):
            self._clean_limits(data, kind)
        return data

    def _clean_options(self, data: dict) -> None:
        missing = {m.strip() for m in data.get("missing", "").split(",") if m.strip()}
        options, errors = parse_options(data.get("options", ""), missing)
        for error in errors:
            self.add_error("options", error)
        if not errors and len(options) < 2:
            self.add_error("options", _("Skriv minst två svarsalternativ, ett per rad."))
        data["option_list"] = options

    def _clean_limits(self, data: dict, kind: str) -> None:
        low, high = data.get("minimum"), data.get("maximum")
        if kind == ItemKind.SCALE and (low is None or high is None):
            self.add_error(
                "maximum", _("En skala behöver både minsta och största värde, t.ex. 1 och 10.")
            )
        elif kind == ItemKind.SCALE and (low != int(low) or high != int(high)):
            self.add_error("maximum", _("En skalas ändpunkter är heltal."))
        elif low is not None and high is not None and low >= high:
            self.add_error("maximum", _("Största värdet måste vara större än minsta värdet."))

    def constraints(self) -> dict:
        data, kind = self.cleaned_data, self.item_kind
        limits: dict = {}
        if kind in (ItemKind.NUMBER, ItemKind.SCALE):
            for name, key in (("minimum", "min"), ("maximum", "max")):
                if data.get(name) is not None:
                    value = data[name]
                    limits[key] = int(value) if value == int(value) else float(value)
        if kind == ItemKind.NUMBER and data.get("integer"):
            limits["integer"] = True
        if kind == ItemKind.SCALE:
            for name in ("min_label", "max_label"):
                limits[name] = {"sv": data.get(name, "")}
        if kind == ItemKind.TEXT:
            limits["max_length"] = data.get("max_length") or 2000
        return limits


def initial_for(version: ItemVersion) -> dict:
    limits = version.constraints or {}
    return {
        "topic": version.item.topic or "ovrigt",
        "wording": version.wording.get("sv", ""),
        "help_text": (version.help or {}).get("sv", ""),
        "options": options_as_text(version.options),
        "missing": ", ".join(o["value"] for o in version.options if o.get("missing")),
        "minimum": limits.get("min"),
        "maximum": limits.get("max"),
        "integer": bool(limits.get("integer")),
        "min_label": (limits.get("min_label") or {}).get("sv", ""),
        "max_label": (limits.get("max_label") or {}).get("sv", ""),
        "max_length": limits.get("max_length"),
    }


def own_item_fields(form: OwnItemForm) -> dict:
    """The form's answers as the arguments of create_own_item / change_own_item (and, when the
    form has one, the section to add the question to)."""
    data = form.cleaned_data
    fields = {
        "topic": data["topic"],
        "wording": data["wording"].strip(),
        "help_text": data.get("help_text", "").strip(),
        "options": data["option_list"],
        "constraints": form.constraints(),
    }
    if form.item is None:
        fields.update(code=data["code"], kind=data["kind"])
    if "section" in data:
        fields["section"] = data["section"]
    return fields
