"""Shared pieces of the report form's tests (the `report_settings` fixture is in conftest):
posting the form, test photos, and published reports to find."""

import io

from PIL import Image

from organisations.models import Area, Municipality
from participation.models import ReportCategory, ResidentReport
from participation.reports.tokens import hash_tracking_token

FORM_URL = "/kommun/tjorn/rapportera/"
SKARHAMN = "57.99131,11.54778"


def tjorn() -> Municipality:
    return Municipality.objects.get(code="1419")


def category(code: str = "belysning") -> ReportCategory:
    return ReportCategory.objects.get(code=code)


def form_data(**fields: object) -> dict:
    data = {
        "category": category().pk,
        "description": "Lampan vid hållplatsen är släckt sedan en vecka.",
        "point": SKARHAMN,
        "place_text": "",
        "email": "",
        "phone": "",
        "webbplats": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def post_report(client, follow: bool = False, **fields: object):
    return client.post(FORM_URL, form_data(**fields), follow=follow)


def jpeg(size: tuple[int, int] = (40, 30), exif: bytes | None = None, fmt: str = "JPEG") -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def published(
    token: str = "publicerad",
    point: tuple[float, float] | None = (57.99131, 11.54778),
    code: str = "belysning",
    area: Area | None = None,
    **fields: object,
) -> ResidentReport:
    lat, lon = point if point else (None, None)
    return ResidentReport.objects.create(
        municipality=tjorn(),
        category=category(code),
        description=fields.pop("description", "Som det skrevs: Anna Andersson bor bredvid."),
        public_text=fields.pop("public_text", "Lampan vid hållplatsen lyser inte."),
        latitude=lat,
        longitude=lon,
        area=area,
        moderation=fields.pop("moderation", ResidentReport.Moderation.APPROVED),
        tracking_token_hash=hash_tracking_token(token),
        **fields,
    )
