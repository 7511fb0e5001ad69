from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import Frequency, ReminderSettings


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=254,
        error_messages={
            "required": _("Skriv den e-postadress du vill få mejlen till."),
            "invalid": _(
                "Skriv e-postadressen i formen namn@exempel.se, utan mellanslag och med ett @."
            ),
            "max_length": _("E-postadressen får vara högst 254 tecken lång."),
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false", "autocapitalize": "none"}
        ),
    )
    frequency = forms.ChoiceField(
        label=_("Hur ofta vill du få mejl?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj hur ofta du vill få mejl."),
            "invalid_choice": _("Välj ett av alternativen för hur ofta du vill få mejl."),
        },
    )


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["email_reminders"]
