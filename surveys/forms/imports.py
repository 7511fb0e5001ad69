"""Upload forms for the survey importers: an XLSForm, answers from another system, population
margins. Each hands the view an ImportFile, refused before any parsing when too large or of the
wrong type."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.imports import FileRefused, ImportFile, require_suffix
from organisations.models import Organisation


def _import_file(upload: object, suffixes: tuple[str, ...]) -> ImportFile:
    try:
        source = ImportFile.from_upload(upload)
        require_suffix(source, suffixes)
    except FileRefused as refused:
        raise ValidationError(str(refused)) from refused
    return source


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLSForm-fil"),
        help_text=_("En .xlsx-fil med bladen survey och choices (och gärna settings)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        error_messages={"required": _("Välj filen som ska läsas in.")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Undersökningen tillhör"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Undersökningen gäller organisationens kommun och dess områden."),
    )

    def __init__(self, *args: object, organisations: list[Organisation], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name")
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk

    def clean_file(self) -> ImportFile:
        return _import_file(self.cleaned_data["file"], (".xlsx",))


class AnswersUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fil med svar"),
        help_text=_("En .csv- eller .xlsx-fil med en rad per svarande och en kolumn per fråga."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={"required": _("Välj filen som ska läsas in.")},
    )
    representative = forms.TypedChoiceField(
        label=_("Svaren kommer från ett slumpmässigt urval"),
        choices=[
            ("yes", _("Ja – de svarande drogs slumpmässigt och svaren viktas som ett urval")),
            ("no", _("Nej – t.ex. en öppen webbenkät; svaren märks ”ej representativt”")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Ange om svaren kommer från ett slumpmässigt urval.")},
    )

    def clean_file(self) -> ImportFile:
        return _import_file(self.cleaned_data["file"], (".csv", ".xlsx"))


class MarginsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fil med befolkningsstatistik"),
        help_text=_(
            "En .csv- eller .xlsx-fil från SCB:s statistikdatabas, eller i formen variabel;kategori;antal."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={"required": _("Välj filen som ska läsas in.")},
    )

    def clean_file(self) -> ImportFile:
        return _import_file(self.cleaned_data["file"], (".csv", ".xlsx"))
