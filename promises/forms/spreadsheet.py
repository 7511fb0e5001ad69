from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.imports import FileRefused, ImportFile, require_suffix

SUFFIXES = (".xlsx", ".csv")


class PlanUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fil med aktivitetsplanen"),
        help_text=_("En .xlsx- eller .csv-fil som du har laddat ned här och ändrat."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"required": _("Välj filen som ska läsas in.")},
    )

    def clean_file(self) -> ImportFile:
        """The upload as an ImportFile: too large or of the wrong type is refused before any
        parsing."""
        try:
            source = ImportFile.from_upload(self.cleaned_data["file"])
            require_suffix(source, SUFFIXES)
        except FileRefused as refused:
            raise ValidationError(str(refused)) from refused
        return source
