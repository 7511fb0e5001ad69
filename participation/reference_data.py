"""The standard report categories, loaded by a data migration (idempotent)."""

CATEGORIES = [
    # code, sv, en, is_crime, precise_by_default
    ("belysning", "Trasig eller dålig belysning", "Broken or poor lighting", False, True),
    ("skymd_sikt", "Buskage eller skymd sikt", "Bushes or blocked sight lines", False, True),
    ("nedskrapning", "Nedskräpning", "Litter", False, False),
    ("klotter", "Klotter", "Graffiti", False, True),
    ("skadegorelse", "Skadegörelse", "Vandalism", False, False),
    ("trafik", "Trafikfara", "Traffic hazard", False, False),
    ("otrygg_plats", "Otrygg plats", "Place that feels unsafe", False, False),
    (
        "storningar",
        "Återkommande störningar på en plats",
        "Recurring disturbances at a place",
        False,
        False,
    ),
    ("forslag", "Förslag för ökad trygghet", "Idea for a safer neighbourhood", False, False),
    ("narkotika", "Misstänkt narkotikahandel", "Suspected drug dealing", True, False),
    (
        "brott",
        "Jag har sett eller utsatts för ett brott",
        "I have seen or been the victim of a crime",
        True,
        False,
    ),
]


def load_report_categories(apps: object) -> None:
    ReportCategory = apps.get_model("participation", "ReportCategory")
    for order, (code, sv, en, is_crime, precise) in enumerate(CATEGORIES):
        ReportCategory.objects.get_or_create(
            code=code,
            defaults={
                "name": {"sv": sv, "en": en},
                "is_crime": is_crime,
                "precise_by_default": precise,
                "order": order,
            },
        )
