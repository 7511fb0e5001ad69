import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from organisations.access import Access
from organisations.models import Organisation
from participation.models import SafetyWalk, WalkAction, WalkStop
from participation.recording import NO_NAMES, RecordingForm
from promises.forms.choices import other_candidates, party_candidates

# Mainland Sweden with its islands, generously: a point outside is a typing mistake.
SWEDEN = {"lat": (55.0, 69.1), "lon": (10.5, 24.2)}
_POINT = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


def parse_point(text: str) -> tuple[float, float] | None:
    """'57.99131, 11.54778' → (57.99131, 11.54778); empty → None; anything else is an error
    that says what to write."""
    if not text.strip():
        return None
    match = _POINT.match(text)
    if not match:
        raise ValidationError(
            _(
                "Skriv punkten som latitud,longitud med punkt som decimaltecken, "
                "t.ex. 57.99131,11.54778."
            )
        )
    lat, lon = float(match[1]), float(match[2])
    if not (SWEDEN["lat"][0] <= lat <= SWEDEN["lat"][1]) or not (
        SWEDEN["lon"][0] <= lon <= SWEDEN["lon"][1]
    ):
        raise ValidationError(
            _(
                "Punkten %(lat)s,%(lon)s ligger inte i Sverige. Kontrollera att latitud står "
                "först (t.ex. 57.99131,11.54778)."
            )
            % {"lat": lat, "lon": lon}
        )
    return lat, lon


class WalkForm(RecordingForm):
    class Meta:
        model = SafetyWalk
        fields = [
            "organisation",
            "title",
            "municipality",
            "area",
            "pre_meeting_on",
            "walked_on",
            "light",
            "participants",
            "follow_up_on",
            "revisit_on",
            "summary",
        ]
        widgets = {
            "pre_meeting_on": DateInput,
            "walked_on": DateInput,
            "follow_up_on": DateInput,
            "revisit_on": DateInput,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "area": _("Område"),
            "walked_on": _("Vandringen (datum)"),
            "pre_meeting_on": _("Förmöte (datum)"),
            "follow_up_on": _("Uppföljningsmöte (datum)"),
            "revisit_on": _("Återbesök (datum)"),
            "light": _("Ljus under vandringen"),
        }
        help_texts = {
            "title": _("T.ex. ”Trygghetsvandring i Skärhamns centrum”."),
            "pre_meeting_on": _("Ofta 2–3 veckor före vandringen."),
            "participants": _(
                "En trygghetsvandring fungerar bäst med högst omkring 20 deltagare. "
                "Publikt visas antalet bara om det är minst 5."
            ),
            "follow_up_on": _(
                "Mötet där de ansvariga cheferna berättar vad de tänker göra, ofta 2–3 veckor "
                "efter vandringen."
            ),
            "revisit_on": _("En ny vandring några månader senare som kontrollerar resultatet."),
            "summary": NO_NAMES,
        }

    def clean(self) -> dict:
        data = super().clean()
        order = [
            ("pre_meeting_on", _("förmötet")),
            ("walked_on", _("vandringen")),
            ("follow_up_on", _("uppföljningsmötet")),
            ("revisit_on", _("återbesöket")),
        ]
        dated = [(name, label, data.get(name)) for name, label in order if data.get(name)]
        for (_n, earlier, first), (name, later, second) in zip(dated, dated[1:], strict=False):
            if second < first:
                self.add_error(
                    name,
                    _("%(later)s kan inte ligga före %(earlier)s.")
                    % {"later": str(later).capitalize(), "earlier": str(earlier).lower()},
                )
        return data


class StopForm(forms.ModelForm):
    point = forms.CharField(
        label=_("Punkt på kartan (latitud,longitud)"),
        required=False,
        max_length=60,
        help_text=_(
            "T.ex. 57.99131,11.54778 – kopiera från en karttjänst (högerklick på platsen). "
            "Du kan också lämna punkten tom och beskriva platsen med ord."
        ),
    )

    class Meta:
        model = WalkStop
        fields = ["place_text", "category", "remark", "precise_approved"]
        widgets = {"remark": forms.Textarea(attrs={"rows": 3})}
        labels = {"place_text": _("Plats med ord"), "remark": _("Anmärkning")}
        help_texts = {
            "place_text": _("T.ex. ”Gångvägen mellan busstationen och hamnen”."),
            "remark": NO_NAMES,
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        stop = self.instance
        if stop.latitude is not None and stop.longitude is not None:
            self.initial.setdefault("point", f"{stop.latitude},{stop.longitude}")
        self.order_fields(["point", "place_text", "precise_approved", "category", "remark"])

    def clean_point(self) -> tuple[float, float] | None:
        return parse_point(self.cleaned_data["point"])

    def clean(self) -> dict:
        data = super().clean()
        if "point" in data and not data.get("point") and not data.get("place_text", "").strip():
            self.add_error(
                "place_text", _("Ange en punkt på kartan eller beskriv platsen med ord.")
            )
        return data

    def save(self, commit: bool = True) -> WalkStop:
        point = self.cleaned_data.get("point")
        self.instance.latitude, self.instance.longitude = point if point else (None, None)
        return super().save(commit)


class ActionForm(forms.ModelForm):
    class Meta:
        model = WalkAction
        fields = ["text", "responsible", "responsible_role", "due_on", "status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "due_on": DateInput}
        labels = {"text": _("Åtgärd")}
        help_texts = {"responsible_role": _("Befattning, inte namn. T.ex. ”Gatuchef”.")}

    def __init__(self, *args: object, access: Access, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        current = [self.instance.responsible_id] if self.instance.responsible_id else []
        self.fields["responsible"].queryset = Organisation.objects.filter(
            id__in=(party_candidates(access, current) | other_candidates(access, current)).values(
                "id"
            )
        ).order_by("kind", "name")


class RevisitForm(forms.ModelForm):
    """One action checked at the revisit."""

    class Meta:
        model = WalkAction
        fields = ["revisit_result", "revisit_note"]
        widgets = {"revisit_result": forms.RadioSelect}
        labels = {"revisit_result": _("Resultat"), "revisit_note": _("Kommentar")}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["revisit_result"]
        field.choices = [("", _("Inte kontrollerad än"))] + list(field.choices)[1:]
        field.widget.use_fieldset = True
        field.label = self.instance.text
