"""The questions (Open311 service attributes) a service asks beyond the description and place.

They are the platform's own standard set, like the report categories: defined here, per
category code, and shown by GET services/{service_code}. Answers are validated on POST and
kept with the description for the moderators (GeoReport v2 publishes no attributes)."""

from dataclasses import dataclass, field

from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _


class Datatype:
    STRING = "string"
    NUMBER = "number"
    DATETIME = "datetime"
    TEXT = "text"
    SINGLE = "singlevaluelist"
    MULTI = "multivaluelist"


@dataclass(frozen=True)
class Attribute:
    code: str
    datatype: str
    description: LazyText | str
    required: bool = False
    datatype_description: LazyText | str = ""
    values: tuple[tuple[str, LazyText | str], ...] = field(default=())

    @property
    def is_list(self) -> bool:
        return self.datatype in (Datatype.SINGLE, Datatype.MULTI)

    def value_name(self, key: str) -> str:
        return str(dict(self.values).get(key, key))


PLACE_KIND = Attribute(
    code="plats_typ",
    datatype=Datatype.SINGLE,
    required=True,
    description=_("Vad är det för slags plats?"),
    values=(
        ("gata", _("Gata, gång- eller cykelväg")),
        ("park", _("Park, grönområde eller skog")),
        ("hallplats", _("Hållplats eller station")),
        ("centrum", _("Torg eller centrum")),
        ("skola", _("Skolgård, lekplats eller idrottsplats")),
        ("parkering", _("Parkering eller garage")),
        ("bostadsomrade", _("Bostadsområde eller innergård")),
        ("annat", _("Annan plats")),
    ),
)

TIME_OF_DAY = Attribute(
    code="tid_pa_dygnet",
    datatype=Datatype.MULTI,
    description=_("När på dygnet upplevs platsen som otrygg?"),
    values=(
        ("morgon", _("Morgon")),
        ("dag", _("Dagtid")),
        ("kvall", _("Kväll")),
        ("natt", _("Natt")),
    ),
)

LAMP_NUMBER = Attribute(
    code="stolpnummer",
    datatype=Datatype.STRING,
    description=_("Numret på belysningsstolpen, om det finns ett"),
    datatype_description=_("Står ofta på en skylt på stolpen, t.ex. ”T-1234”."),
)

SERVICE_ATTRIBUTES: dict[str, tuple[Attribute, ...]] = {
    "belysning": (LAMP_NUMBER,),
    "skymd_sikt": (PLACE_KIND,),
    "otrygg_plats": (PLACE_KIND, TIME_OF_DAY),
    "storningar": (PLACE_KIND, TIME_OF_DAY),
}


def attributes_for(service_code: str) -> tuple[Attribute, ...]:
    return SERVICE_ATTRIBUTES.get(service_code, ())
