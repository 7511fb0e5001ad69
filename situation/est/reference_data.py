"""The standard EST checklist (DOMAIN.md §4), loaded by a data migration (idempotent). Each
organisation's staff add their own items beside these; a platform administrator may change
these. Names are Swedish in the database and translated on display while they are unchanged."""

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

STANDARD_CATEGORIES = [
    # code, name, description
    ("skadegorelse", _("Skadegörelse"), _("T.ex. krossade rutor, sönderslagen busskur.")),
    ("klotter", _("Klotter"), _("Nytt klotter eller taggar på fasader, skyltar, fordon.")),
    ("nedskrapning", _("Nedskräpning"), _("Skräp, dumpat avfall, fulla papperskorgar.")),
    ("ordningsstorning", _("Ordningsstörning"), _("Bråk, oljud, berusning på allmän plats.")),
    (
        "narkotika",
        _("Narkotika-indikationer"),
        _("Spår av narkotika på platsen: sprutor, folie, små påsar, lukt, misstänkt handel."),
    ),
    ("otrygg_plats", _("Otrygg plats"), _("En plats som känns otrygg, och varför.")),
    ("belysning", _("Trasig eller dålig belysning"), _("Släckta lampor, mörka gångvägar.")),
    ("brand", _("Bränder"), _("Anlagda bränder i papperskorgar, containrar, fordon, byggnader.")),
    (
        "samlingsplats",
        _("Samlingsplats för ungdomar"),
        _("Platser där ungdomar samlas, särskilt sent på kvällen."),
    ),
    ("buskorning", _("Buskörning och trafikfara"), _("Mopeder, bilar, fortkörning.")),
    (
        "hot_mot_personal",
        _("Hot eller våld mot personal"),
        _("Händelser riktade mot personal, t.ex. i butiken, skolan, bussen."),
    ),
    (
        "sociala_medier",
        _("Rykten och händelser i sociala medier"),
        _("Det som sprids om platser och händelser – aldrig vem det gäller."),
    ),
    ("ovrigt", _("Annat"), _("Något annat som påverkar tryggheten på en plats.")),
]


def load_est_categories(apps: object) -> None:
    EstCategory = apps.get_model("situation", "EstCategory")
    for order, (code, name, description) in enumerate(STANDARD_CATEGORIES):
        EstCategory.objects.get_or_create(
            code=code,
            organisation=None,
            defaults={"name": name, "description": description, "order": order},
        )


_STANDARD_TEXTS = {
    text for _c, name, description in STANDARD_CATEGORIES for text in (name, description)
}


def shown(text: str) -> str:
    """A standard name or description in the page's language; anything else as written."""
    return gettext(text) if text in _STANDARD_TEXTS else text
