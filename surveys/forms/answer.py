from collections.abc import Mapping

from django import forms

from surveys.models.waves import CODE_LENGTH, normalise_code


class CodeForm(forms.Form):
    """The code from the letter, as typed: spaces, dashes and small letters are fine."""

    kod = forms.CharField(required=False)

    def __init__(self, *args: object, ui: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.ui = ui

    def clean_kod(self) -> str:
        code = normalise_code(self.cleaned_data["kod"])
        if not code:
            raise forms.ValidationError(self.ui["code_missing"])
        if len(code) != CODE_LENGTH:
            raise forms.ValidationError(self.ui["code_unknown"] % {"code": code[:40]})
        return code
