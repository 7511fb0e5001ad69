"""What the report form's templates need besides the form: the map block (JavaScript only; the
areas and the text field are the list alternative), the categories split into those taken here
and those that are crimes, and the texts of the map's controls."""

from django.conf import settings
from django.utils.translation import gettext as _

from core.maps import MapBlock, MapTexts, municipality_background
from organisations.models import Municipality
from participation.reports.forms import ReportForm

MAP_INPUT_ID = "id_point"


def map_texts() -> MapTexts:
    return MapTexts(
        label=_("Karta för att markera platsen"),
        help=_(
            "Klicka på kartan där platsen är, eller flytta kartan med piltangenterna och tryck "
            "på ”Markera mitten av kartan”. Den markerade punkten flyttas med piltangenterna."
        ),
        place_centre=_("Markera mitten av kartan"),
        remove=_("Ta bort markeringen"),
        marked=_("Platsen är markerad på kartan."),
        none=_("Ingen plats är markerad på kartan."),
        marker=_("Markerad plats"),
        zoom_in=_("Zooma in"),
        zoom_out=_("Zooma ut"),
    )


def report_map(form: ReportForm) -> MapBlock:
    municipality: Municipality = form.municipality
    point = (
        form.cleaned_data.get("point") if form.is_bound and hasattr(form, "cleaned_data") else None
    )
    return MapBlock(
        id="rapport-karta",
        texts=map_texts(),
        features=municipality_background(municipality, form.area_list),
        input_id=MAP_INPUT_ID,
        marker=point if isinstance(point, tuple) else None,
    )


def form_context(form: ReportForm, **extra: object) -> dict:
    categories = list(form.fields["category"].queryset)
    return {
        "form": form,
        "municipality": form.municipality,
        "map": report_map(form),
        "crime_category_ids": {c.pk for c in categories if c.is_crime},
        "crime_categories": [c for c in categories if c.is_crime],
        "description_max": settings.REPORT_DESCRIPTION_MAX,
        "photo_max_mb": round(settings.REPORT_PHOTO_MAX_BYTES / 2**20),
        "retention_days": settings.REPORT_CONTACT_RETENTION_DAYS,
        "rate_limit": settings.REPORT_RATE_LIMIT,
        **extra,
    }
