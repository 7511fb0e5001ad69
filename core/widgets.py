from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class Checkboxes(forms.CheckboxSelectMultiple):
    """Rendered by includes/field.html as a fieldset with a legend."""

    use_fieldset = True
