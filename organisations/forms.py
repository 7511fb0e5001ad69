from django import forms
from django.db.models import Q

from organisations.models import Contact, Municipality, Organisation


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "organisation",
            "municipality",
            "role_title",
            "name",
            "phone",
            "email",
            "address",
            "note",
            "order",
        ]

    def __init__(self, *args: object, organisations: list[Organisation], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            id__in=[o.pk for o in organisations]
        )
        areas = [o.police_area_id for o in organisations if o.police_area_id]
        own = [o.municipality_id for o in organisations if o.municipality_id]
        self.fields["municipality"].queryset = Municipality.objects.filter(
            Q(police_areas__in=areas) | Q(id__in=own)
        ).distinct()
