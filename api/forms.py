import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.tokens import default_expiry, max_expiry
from organisations.models import Organisation


class DateInput(forms.DateInput):
    input_type = "date"


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Namn"),
        max_length=80,
        help_text=_("Vad nyckeln ska användas till, t.ex. ”Ärendesystemet”."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Nyckeln får bara göra det som din roll i den här organisationen tillåter."),
    )
    expires_on = forms.DateField(
        label=_("Gäller till och med"),
        widget=DateInput,
        help_text=_("Högst ett år fram. Skapa en ny nyckel när den har gått ut."),
    )

    def __init__(self, *args: object, organisations: list[Organisation], **kwargs: object) -> None:
        kwargs.setdefault("initial", {"expires_on": default_expiry()})
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )

    def clean_expires_on(self) -> datetime.date:
        expires_on = self.cleaned_data["expires_on"]
        if expires_on < timezone.localdate():
            raise forms.ValidationError(_("Slutdatumet har redan passerat. Välj ett senare datum."))
        if expires_on > max_expiry():
            raise forms.ValidationError(
                _("En nyckel kan gälla högst ett år. Välj ett datum senast %(date)s.")
                % {"date": max_expiry().isoformat()}
            )
        return expires_on
