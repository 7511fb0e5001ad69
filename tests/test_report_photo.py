"""Photos in reports: only images, at most REPORT_PHOTO_MAX_BYTES, scaled to at most
REPORT_PHOTO_MAX_SIDE pixels and stored with no metadata at all (no EXIF: GPS, device, time)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from participation.models import ResidentReport
from participation.reports.forms import ReportForm
from participation.reports.photos import clean_photo
from participation.reports.submission import file_report
from tests.report_helpers import form_data, jpeg, tjorn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_settings")]
FORM_URL = "/kommun/tjorn/rapportera/"

GPS_IFD = 0x8825
TAGS = {0x010F: "Kameratillverkaren", 0x0110: "Telefon X", 0x0132: "2026:11:30 22:14:03"}


def exif_with_gps(lat: float, lon: float, extra: dict[int, str]) -> bytes:
    exif = Image.Exif()
    for tag, value in {**TAGS, **extra}.items():
        exif[tag] = value

    def dms(value: float) -> tuple:
        d = int(abs(value))
        m = int((abs(value) - d) * 60)
        return (d, m, round(((abs(value) - d) * 60 - m) * 60, 2))

    exif.get_ifd(GPS_IFD).update(
        {1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)}
    )
    return exif.tobytes()


def assert_no_metadata(data: bytes) -> None:
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info
    assert b"Exif" not in data and b"http://ns.adobe.com/xap" not in data


def upload(data: bytes, name: str = "foto.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_photo_is_stored_resized_and_without_exif(client):
    original = jpeg((3200, 2400), exif=exif_with_gps(57.99131, 11.54778, {}))
    assert Image.open(io.BytesIO(original)).getexif()  # the test photo does carry EXIF
    response = client.post(FORM_URL, {**form_data(), "photo": upload(original, "IMG_Anna.jpg")})
    assert response.status_code == 302
    report = ResidentReport.objects.get()
    assert report.photo_state == ResidentReport.PhotoState.PENDING
    assert "Anna" not in report.photo.name and report.photo.name.startswith("rapporter/")
    with report.photo.open("rb") as f:
        stored = f.read()
    assert_no_metadata(stored)
    assert Image.open(io.BytesIO(stored)).size == (1600, 1200)


def test_the_orientation_is_applied_before_the_exif_goes():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show
    cleaned = clean_photo(jpeg((40, 20), exif=exif.tobytes()))
    assert Image.open(io.BytesIO(cleaned)).size == (20, 40)


def test_png_with_transparency_becomes_a_plain_jpeg():
    image = Image.new("RGBA", (30, 30), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG", exif=exif_with_gps(58.0, 11.5, {}))
    assert_no_metadata(clean_photo(out.getvalue()))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 inte en bild", "Filen är inte en bild"),
        (b"\xff\xd8\xff\xe0" + b"trasig jpeg" * 10, "Filen är inte en bild"),
        (b"x" * (20 * 2**20), "Fotot är för stort. Det får vara högst 10 MB"),
    ],
    ids=["pdf", "broken-jpeg", "20-mb"],
)
def test_bad_photos_are_refused_and_nothing_is_stored(client, data, message, report_settings):
    typed = "Trasig lykta vid badplatsen."
    response = client.post(FORM_URL, {**form_data(description=typed), "photo": upload(data)})
    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert 'href="#id_photo"' in html and typed in html and "Fotot behöver du välja igen" in html
    assert not ResidentReport.objects.exists()
    media = report_settings.MEDIA_ROOT
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    width=st.integers(1, 120),
    height=st.integers(1, 120),
    fmt=st.sampled_from(["JPEG", "PNG"]),
    mode=st.sampled_from(["RGB", "L", "RGBA", "P"]),
    lat=st.floats(-89, 89),
    lon=st.floats(-179, 179),
    device=st.text(st.characters(codec="ascii", min_codepoint=32), min_size=1, max_size=40),
)
def test_any_photo_with_exif_is_stored_without_any(width, height, fmt, mode, lat, lon, device):
    if fmt == "JPEG" and mode in ("RGBA", "P"):
        mode = "RGB"
    image = Image.new(mode, (width, height))
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif_with_gps(lat, lon, {0x0110: device}))
    assert Image.open(io.BytesIO(out.getvalue())).getexif()
    form = ReportForm(
        form_data(), {"photo": upload(out.getvalue(), f"x.{fmt.lower()}")}, municipality=tjorn()
    )
    assert form.is_valid(), form.errors
    report, _token = file_report(
        municipality=form.municipality, data=form.cleaned_data, photo=form.photo_bytes
    )
    with report.photo.open("rb") as f:
        assert_no_metadata(f.read())
