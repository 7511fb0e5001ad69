"""Photos from residents: checked to be an image, turned upright, scaled down and re-encoded from
the pixels alone, so that no metadata survives – no EXIF (GPS position, device, time), no XMP,
no comments, no colour-profile fingerprint.

Between the form and the "has someone reported this already?" step a cleaned photo is held in
storage under a random name (`hold`), referred to by a signed value in the form; held photos are
deleted when the report is sent and, if it never is, by participation.retention.
"""

import io
import secrets
import warnings

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# Larger pictures are refused before they are decoded (a small file can unpack to a huge one).
MAX_PIXELS = 60_000_000
HELD_DIRECTORY = "rapporter/vantande"
HELD_SALT = "participation.reports.photos.held"
HELD_MAX_AGE_SECONDS = 24 * 3600
JPEG_QUALITY = 85


class PhotoError(ValueError):
    """Says, in Swedish, why a file is not accepted as a photo."""


def max_bytes() -> int:
    return settings.REPORT_PHOTO_MAX_BYTES


def size_message() -> str:
    return _("Fotot är för stort. Det får vara högst %(mb)s MB.") % {
        "mb": round(max_bytes() / 2**20)
    }


def _open(data: bytes) -> Image.Image:
    not_an_image = PhotoError(_("Filen är inte en bild. Välj ett foto i JPEG- eller PNG-format."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ACCEPTED_FORMATS:
                raise not_an_image
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError(_("Bilden har för många pixlar. Välj en mindre bild."))
            image.load()
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    except Image.DecompressionBombWarning:
        raise PhotoError(_("Bilden har för många pixlar. Välj en mindre bild.")) from None
    return image


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation before the EXIF goes, so the photo is not shown sideways."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # a broken orientation tag: keep the pixels as they are
        return image


def clean_photo(data: bytes) -> bytes:
    """The photo as a JPEG at most REPORT_PHOTO_MAX_SIDE pixels on its longer side, built from
    its pixels only. Raises PhotoError with the reason for anything else."""
    if len(data) > max_bytes():
        raise PhotoError(size_message())
    image = _upright(_open(data))
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    image = image.convert("RGB")
    side = settings.REPORT_PHOTO_MAX_SIDE
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    # A new image from the raw pixels: nothing of the original's info (exif, icc_profile, xmp,
    # comments, dpi) can be carried along by the encoder.
    bare = Image.frombytes("RGB", image.size, image.tobytes())
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def random_name() -> str:
    return f"{secrets.token_urlsafe(16)}.jpg"


def hold(clean: bytes) -> str:
    """Keep a cleaned photo until the report is sent; the signed reference to give the form."""
    name = default_storage.save(f"{HELD_DIRECTORY}/{random_name()}", ContentFile(clean))
    return signing.dumps(name, salt=HELD_SALT)


def held(reference: str) -> tuple[str, bytes] | None:
    """The held photo's storage name and bytes, or None when the reference is not valid (forged,
    too old, or the photo is gone)."""
    try:
        name = signing.loads(reference, salt=HELD_SALT, max_age=HELD_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(name, str) or not name.startswith(f"{HELD_DIRECTORY}/"):
        return None
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as f:
        return name, f.read()


def release(name: str) -> None:
    if name and default_storage.exists(name):
        default_storage.delete(name)
