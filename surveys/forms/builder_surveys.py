"""Forms of the survey builder: a new survey, its texts, sections, questions, show-if and
languages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisations.models import Municipality, Organisation
from surveys.builder import template
from surveys.builder.surveys import EMPTY
from surveys.models import ItemKind, Question, Section
from surveys.models.surveys import language_validator

START_CHOICES = [
    (
        template.STANDARD_TEMPLATE,
        _(
            "Standardenkät: trygghet, oro, förtroende, problem i området, bakgrund – alla "
            "frågor i frågebanken, ordnade i avsnitt. Du kan ta bort och lägga till frågor "
            "efteråt."
        ),
    ),
    (EMPTY, _("Tom enkät – du lägger själv till frågor från frågebanken eller egna frågor.")),
]


def municipalities_of(organisation: Organisation) -> set[int]:
    ids = {organisation.municipality_id} if organisation.municipality_id else set()
    if organisation.police_area_id:
        ids |= set(organisation.police_area.municipalities.values_list("id", flat=True))
    return ids


class SurveyCreateForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Ansvarig organisation"), queryset=Organisation.objects.none()
    )
    municipality = forms.ModelChoiceField(
        label=_("Kommun"),
        queryset=Municipality.objects.none(),
        help_text=_(
            "Kommunen som undersökningen gäller; dess områden används i urval och resultat."
        ),
    )
    start = forms.ChoiceField(
        label=_("Börja från"),
        choices=START_CHOICES,
        widget=forms.RadioSelect,
        initial=template.STANDARD_TEMPLATE,
    )

    def __init__(self, *args: object, organisations: list[Organisation], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        ids = set().union(*(municipalities_of(o) for o in organisations))
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        self.fields["municipality"].queryset = Municipality.objects.filter(pk__in=ids)
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].widget = forms.HiddenInput()
        if len(ids) == 1:
            municipality = Municipality.objects.get(pk=next(iter(ids)))
            self.fields["municipality"].initial = municipality.pk
            self.fields["title"].initial = template.TITLE["sv"] % {"place": municipality.name}

    def clean(self) -> dict:
        data = super().clean()
        organisation, municipality = data.get("organisation"), data.get("municipality")
        if organisation and municipality and municipality.pk not in municipalities_of(organisation):
            self.add_error(
                "municipality",
                _("%(organisation)s arbetar inte i %(municipality)s. Välj en av dess kommuner.")
                % {"organisation": organisation, "municipality": municipality},
            )
        return data


class SurveyTextsForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    intro = forms.CharField(
        label=_("Inledning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Visas före första frågan: vad undersökningen handlar om och att den är anonym."
        ),
    )
    thanks = forms.CharField(
        label=_("Tack-text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Visas när svaren har skickats."),
    )


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Typ"),
        choices=Section.Kind.choices,
        initial=Section.Kind.PAGE,
        widget=forms.RadioSelect,
        help_text=_(
            "En matris visar frågor med samma svarsalternativ som rader i en tabell, t.ex. "
            "problemfrågorna."
        ),
    )
    intro = forms.CharField(
        label=_("Inledning eller gemensam fråga"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "För en matris: frågan som raderna svarar på, t.ex. ”Hur stort problem anser du "
            "följande vara i ditt bostadsområde?”"
        ),
    )


class QuestionForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Avsnitt"), queryset=Section.objects.none())
    required = forms.BooleanField(
        label=_("Obligatorisk – frågan måste besvaras"),
        required=False,
        help_text=_(
            "Använd sparsamt: den som inte vill svara på en fråga kan annars avbryta hela enkäten."
        ),
    )

    def __init__(self, *args: object, question: Question, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = question.survey.sections.all()
        self.fields["section"].label_from_instance = lambda s: str(s)


CONDITION_KINDS = (ItemKind.SINGLE, ItemKind.MULTIPLE)


class ShowIfQuestionForm(forms.Form):
    """Step one of "Visa bara om [fråga] är [ett av alternativen]": which earlier question."""

    q = forms.ChoiceField(label=_("Visa bara om frågan"))

    def __init__(self, *args: object, earlier: list[Question], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].choices = [
            (q.key, f"{q.key}: {q.text('sv')[:90]}")
            for q in earlier
            if q.item_version.item.kind in CONDITION_KINDS
        ]


class ShowIfValuesForm(forms.Form):
    """Step two: which of its options."""

    q = forms.CharField(widget=forms.HiddenInput)
    values = forms.MultipleChoiceField(
        label=_("är ett av alternativen"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kryssa i minst ett svarsalternativ.")},
    )

    def __init__(self, *args: object, condition_on: Question, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.condition_on = condition_on
        self.fields["q"].initial = condition_on.key
        self.fields["values"].choices = [
            (o["value"], o["label"]) for o in condition_on.options_in("sv")
        ]
        unknown = _("Frågan ”%(key)s” har inget svarsalternativ ”%(value)s”.")
        self.fields["values"].error_messages["invalid_choice"] = str(unknown).replace(
            "%(key)s", condition_on.key
        )

    def condition(self) -> dict:
        key, values = self.condition_on.key, self.cleaned_data["values"]
        if self.condition_on.item_version.item.kind == ItemKind.MULTIPLE:
            leaves = [{"op": "selected", "q": key, "value": v} for v in values]
            return leaves[0] if len(leaves) == 1 else {"op": "or", "args": leaves}
        return {"op": "in", "q": key, "values": values}


class LanguageForm(forms.Form):
    code = forms.CharField(
        label=_("Språkkod"),
        max_length=12,
        validators=[language_validator],
        help_text=_(
            "Två eller tre bokstäver enligt ISO 639, t.ex. ”so” för somaliska, ”fa” för persiska."
        ),
    )
    name = forms.CharField(
        label=_("Språkets namn på språket självt"),
        max_length=40,
        help_text=_("Så som den som talar språket skriver det, t.ex. ”Soomaali” eller ”فارسی”."),
    )
    rtl = forms.BooleanField(
        label=_("Skrivs från höger till vänster"),
        required=False,
        help_text=_("T.ex. arabiska, persiska, kurdiska (sorani), hebreiska och urdu."),
    )

    def __init__(self, *args: object, taken: set[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.taken = taken

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if code in self.taken:
            raise ValidationError(_("Undersökningen finns redan på det språket."))
        return code
