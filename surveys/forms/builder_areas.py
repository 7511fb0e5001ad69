"""The form for an area within a municipality, with its boundary uploaded or pasted."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisations.models import Area
from surveys.builder.areas import MAX_BOUNDARY_BYTES, code_is_fixed, read_boundary
from surveys.builder.items import option_code


class AreaForm(forms.ModelForm):
    boundary_file = forms.FileField(
        label=_("Gräns som GeoJSON-fil"),
        required=False,
        help_text=_(
            "En .geojson- eller .json-fil med en Polygon eller MultiPolygon (eller en Feature med "
            "en sådan), i WGS84. Många kommuners kartsystem kan spara en sådan fil."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".geojson,.json,application/geo+json"}),
    )
    boundary_text = forms.CharField(
        label=_("… eller klistra in GeoJSON-texten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false"}),
    )
    remove_boundary = forms.BooleanField(label=_("Ta bort den sparade gränsen"), required=False)

    class Meta:
        model = Area
        fields = ["name", "code"]
        help_texts = {
            "code": _(
                "Kort kod som används i filer och urval, t.ex. ”centrum”. Lämna tomt så skapas "
                "den från namnet."
            )
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        if self.instance.pk is None or not self.instance.boundary:
            del self.fields["remove_boundary"]
        if self.instance.pk is not None and code_is_fixed(self.instance.municipality):
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _(
                "Koden kan inte ändras: en omgång i kommunen har öppnats, och svaren sparar "
                "områdets kod."
            )

    def _others(self) -> object:
        return Area.objects.filter(municipality=self.instance.municipality).exclude(
            pk=self.instance.pk
        )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if self._others().filter(name__iexact=name).exists():
            raise ValidationError(
                _("Det finns redan ett område som heter ”%(name)s” i kommunen.") % {"name": name}
            )
        return name

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("code") and data.get("name"):
            data["code"] = option_code(data["name"]).replace("_", "-")
        code = data.get("code")
        if code and self._others().filter(code=code).exists():
            self.add_error(
                "code",
                _("Koden ”%(code)s” används redan av ett annat område i kommunen.")
                % {"code": code},
            )
        self._clean_boundary(data)
        return data

    def _clean_boundary(self, data: dict) -> None:
        upload, text = data.get("boundary_file"), (data.get("boundary_text") or "").strip()
        if upload and text:
            self.add_error(
                "boundary_text", _("Ladda upp en fil eller klistra in texten, inte båda.")
            )
            return
        if upload:
            if upload.size > MAX_BOUNDARY_BYTES:
                self.add_error("boundary_file", _("Filen är för stor: högst 5 MB."))
                return
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error(
                    "boundary_file", _("Filen går inte att läsa som text (UTF-8). Är det GeoJSON?")
                )
                return
        field = "boundary_file" if upload else "boundary_text"
        if text:
            try:
                data["boundary"] = read_boundary(text, self.instance.municipality)
            except ValidationError as error:
                self.add_error(field, error)
        elif data.get("remove_boundary"):
            data["boundary"] = None

    def save(self, commit: bool = True) -> Area:
        if "boundary" in self.cleaned_data:
            self.instance.boundary = self.cleaned_data["boundary"]
        return super().save(commit)
