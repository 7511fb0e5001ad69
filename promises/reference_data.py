"""The shared list of standard focus areas, loaded by a data migration."""

STANDARD_FOCUS_AREAS = [
    ("Narkotika", "Droghantering, narkotikaförsäljning och missbruk i offentlig miljö."),
    ("Våld och kränkningar", "Misshandel, hot, kränkningar och våld i offentlig miljö."),
    ("Trafik", "Trafiksäkerhet och brott som kan kopplas till trafik."),
    ("Ungdomar i riskzon", "Tidiga insatser för unga som riskerar kriminalitet eller missbruk."),
    ("Skadegörelse och klotter", "Skadegörelse, klotter och nedskräpning."),
    ("IT-relaterad brottslighet", "Brott och kränkningar på nätet och i sociala medier."),
    (
        "Brottsaktiva individer",
        "Riktade åtgärder mot personer som definieras som brottsaktiva. "
        "Följs upp som antal och aktiviteter, aldrig med personuppgifter.",
    ),
    ("Otrygga platser", "Platser och miljöer där invånare känner sig otrygga."),
    ("Bostadsinbrott", "Inbrott i bostäder och förråd."),
    ("Våld i nära relationer", "Förebyggande arbete mot våld i nära relationer."),
    ("Ordningsstörningar", "Störningar av ordningen på allmän plats."),
]


def load_standard_focus_areas(apps: object) -> None:
    FocusArea = apps.get_model("promises", "FocusArea")
    for name, description in STANDARD_FOCUS_AREAS:
        FocusArea.objects.update_or_create(
            name=name, defaults={"description": description, "is_standard": True}
        )
