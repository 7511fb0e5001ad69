"""Invitation codes on their way out: printable letters (PDF, one A4 letter a page, with the code
and a QR code leading to the answer page) and the CSV file a mail house prints from.

Letters are made in parts of at most LETTERS_PER_PDF, per area: WeasyPrint lays a whole document
out in memory and takes 40–70 ms of CPU a letter, so a file of 100 letters is ready in a few
seconds with about 60 MB, where 10,000 letters in one request would run for ten minutes. A mail
house printing a large sample takes the CSV instead, which is streamed row by row.
"""

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, F
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.qr import qr_svg
from organisations.models import Area
from surveys.links import answer_entry_url, answer_url, typed_address
from surveys.models import Invitation, Wave

LETTERS_PER_PDF = 100
NO_AREA = 0  # the area key of invitations drawn without a stratum
CSV_COLUMNS = ["kod", "områdeskod", "område", "svarsadress"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The letter's lines in Arabic, for surveys offered in Arabic. Swedish and English come from the
# translation catalogue (the template renders them with {% language %}); the Arabic catalogue
# belongs to the answer pages, so the letter carries its own lines. The web address goes between
# "answer_before" and "answer_after", isolated as left-to-right text.
ARABIC = {
    "invited": "لقد تم اختيارك عشوائيًا للإجابة على استبيان حول الأمان في المكان الذي تعيش فيه.",
    "answer_before": "أجب على الموقع",
    "answer_after": "باستخدام الرمز أعلاه، أو امسح رمز QR بكاميرا هاتفك.",
    "anonymous": "يمكنك الإجابة باللغة العربية. إجاباتك مجهولة الهوية.",
}


@dataclass(frozen=True)
class LetterBatch:
    """One PDF file of letters: part `part` of an area's invitations, letters first…last."""

    area: Area | None
    part: int
    first: int
    last: int

    @property
    def area_key(self) -> int:
        return self.area.pk if self.area else NO_AREA

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def filename(self, wave: Wave) -> str:
        area = self.area.code if self.area else "utan-omrade"
        return f"inbjudningar-{wave.year}-{area}-del-{self.part}.pdf"


@dataclass(frozen=True)
class Letter:
    code: str
    url: str
    qr: str

    @property
    def display_code(self) -> str:
        """Two groups of five, easier to read and type (spaces are ignored when typed)."""
        return f"{self.code[:5]} {self.code[5:]}"


def letter_batches(wave: Wave) -> list[LetterBatch]:
    """The letter files of the wave: per area (by name, then invitations without an area), in
    parts of at most LETTERS_PER_PDF."""
    rows = Invitation.objects.filter(wave=wave).values("area_id").annotate(n=Count("id"))
    counts = {row["area_id"]: row["n"] for row in rows}
    areas = Area.objects.filter(pk__in=[k for k in counts if k]).order_by("name")
    batches = []
    for area in [*areas, None]:
        total = counts.get(area.pk if area else None, 0)
        for part in range(1, math.ceil(total / LETTERS_PER_PDF) + 1):
            first = (part - 1) * LETTERS_PER_PDF + 1
            batches.append(LetterBatch(area, part, first, min(total, part * LETTERS_PER_PDF)))
    return batches


def find_batch(wave: Wave, area_key: int, part: int) -> LetterBatch | None:
    for batch in letter_batches(wave):
        if batch.area_key == area_key and batch.part == part:
            return batch
    return None


def batch_letters(wave: Wave, batch: LetterBatch) -> list[Letter]:
    codes = (
        Invitation.objects.filter(wave=wave, area=batch.area)
        .order_by("id")
        .values_list("code", flat=True)[batch.first - 1 : batch.last]
    )
    label = _("QR-kod som leder till enkäten med din kod ifylld")
    return [Letter(code, answer_url(code), qr_svg(answer_url(code), title=label)) for code in codes]


def letter_context(wave: Wave, batch: LetterBatch, letters: list[Letter]) -> dict:
    survey = wave.survey
    languages = set(survey.languages.values_list("code", flat=True))
    address = typed_address(answer_entry_url())
    return {
        "wave": wave,
        "survey": survey,
        "batch": batch,
        "letters": letters,
        "sender": survey.organisation.name,
        "municipality": survey.municipality.name,
        "address": address,
        "address_html": format_html('<span class="nowrap">{}</span>', address),
        "in_english": "en" in languages,
        "title_en": survey.title.get("en", ""),
        "arabic": ARABIC if "ar" in languages else None,
        "contact": survey.organisation.contacts.order_by("id").first(),
    }


def render_letters(wave: Wave, batch: LetterBatch) -> bytes:
    letters = batch_letters(wave, batch)
    return render_pdf("pdf/invitation_letters.html", letter_context(wave, batch, letters))


def _cell(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def invitations_csv(wave: Wave) -> Iterator[bytes]:
    """Every code of the wave with its area and the answer address that fills it in: UTF-8,
    comma-separated (RFC 4180), one header row, streamed in chunks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows = (
        Invitation.objects.filter(wave=wave)
        .order_by(F("area__name").asc(nulls_last=True), "id")
        .values_list("code", "area__code", "area__name")
    )
    for count, (code, area_code, area_name) in enumerate(rows.iterator(chunk_size=2000), 1):
        writer.writerow([code, _cell(area_code or ""), _cell(area_name or ""), answer_url(code)])
        if count % 1000 == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate(0)
    yield buffer.getvalue().encode()
