"""The place of an observation as the form shows it: the shared map block in input mode writing
"LAT,LON" into a radio button, and the municipality's areas as radio buttons, so that a reporter
without JavaScript chooses an area instead (as the survey answer pages do)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.maps import MapBlock, MapTexts, municipality_background
from organisations.models import Area, Municipality


@dataclass
class PlaceChoice:
    value: str
    label: str
    id: str
    checked: bool = False


@dataclass
class PlaceInput:
    name: str
    choices: list[PlaceChoice] = field(default_factory=list)
    map_choice: PlaceChoice | None = None
    map: MapBlock | None = None

    @property
    def anchor(self) -> str:
        return self.choices[0].id if self.choices else "id_place_text"


def _marker(typed: str) -> tuple[float, float] | None:
    try:
        lat, lon = (float(part) for part in typed.split(","))
    except ValueError:
        return None
    return (lat, lon)


def place_input(municipality: Municipality, areas: list[Area], typed: str) -> PlaceInput:
    marker = _marker(typed) if typed and typed not in {a.code for a in areas} else None
    base = "id_place"
    choices = [
        PlaceChoice("", _("Inget område – jag beskriver platsen med ord"), f"{base}_0", not typed)
    ]
    choices += [
        PlaceChoice(a.code, a.name, f"{base}_{i}", typed == a.code)
        for i, a in enumerate(areas, start=1)
    ]
    map_choice = PlaceChoice(
        typed if marker else "", _("Platsen jag markerade på kartan"), f"{base}_map", bool(marker)
    )
    block = MapBlock(
        id="est-place-map",
        texts=MapTexts(
            label=_("Karta för att markera platsen"),
            help=_(
                "Klicka på kartan där det hände, eller flytta kartan med piltangenterna och "
                "välj ”Markera mitten av kartan”. Markören flyttas med piltangenterna."
            ),
            place_centre=_("Markera mitten av kartan"),
            remove=_("Ta bort markeringen"),
            marked=_("Platsen är markerad."),
            none=_("Ingen plats är markerad."),
            marker=_("Markerad plats"),
            zoom_in=_("Zooma in"),
            zoom_out=_("Zooma ut"),
        ),
        features=municipality_background(municipality, areas),
        input_id=map_choice.id,
        marker=marker,
    )
    return PlaceInput(name="place", choices=choices, map_choice=map_choice, map=block)
