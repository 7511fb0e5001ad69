"""Invitation codes and letters for a wave's sample.

1. 10,000 codes through the real service (unique codes checked against the table, one
   transaction, an audit entry) against a bare bulk insert of 10,000 ready-made codes in the same
   run. Goal: at least 0.3 of the bare insert's speed (the brief: 10,000 codes in a second or two).
2. One file of letters (surveys.letters.LETTERS_PER_PDF pages, each with its QR code) against
   the same letters without QR codes. Goal: at least 0.3 (the QR codes may cost, not dominate).
"""

import datetime
import resource
import secrets
import time

from common import emit, median_ms, setup_django

setup_django()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from surveys import letters  # noqa: E402
from surveys.models import Invitation  # noqa: E402
from surveys.models.waves import CODE_ALPHABET  # noqa: E402
from surveys.services_waves import generate_invitations  # noqa: E402
from tests.factories import make_cast  # noqa: E402
from tests.survey_factories import area, survey, wave  # noqa: E402

COUNT = 10_000
cast = make_cast()
s = survey(cast.tjorn)
centrum = area("centrum", "Centrum")
today = timezone.localdate()
waves = iter(
    [
        wave(s, name=f"Omgång {n}", opens_on=today, closes_on=today + datetime.timedelta(days=30))
        for n in range(8)
    ]
)


def service() -> None:
    generate_invitations(wave=next(waves), user=cast.alice, counts=[(centrum, COUNT)])


def bare() -> None:
    w = next(waves)
    codes = {"".join(secrets.choice(CODE_ALPHABET) for _ in range(10)) for _ in range(COUNT)}
    with transaction.atomic():
        Invitation.objects.bulk_create(
            (Invitation(wave=w, area=centrum, code=c) for c in codes), batch_size=2000
        )


cpu_start = time.process_time()
service()
service_cpu = time.process_time() - cpu_start
service_ms = median_ms(service, 3)
bare_ms = median_ms(bare, 3)
ratio = bare_ms / service_ms
emit(
    name="invitations_10000_codes",
    value=round(COUNT / service_ms * 1000),
    unit="codes/s",
    baseline_name="bare_bulk_insert_10000",
    baseline_value=round(COUNT / bare_ms * 1000),
    ratio=round(ratio, 2),
    goal=">= 0.3",
    meets=ratio >= 0.3,
    seconds=round(service_ms / 1000, 2),
    cpu_seconds=round(service_cpu, 2),  # steadier than wall time on a busy machine
)

w = Invitation.objects.filter(area=centrum).first().wave
batch = letters.letter_batches(w)[0]
codes = letters.batch_letters(w, batch)
context = letters.letter_context(w, batch, codes)
plain = letters.letter_context(w, batch, [letters.Letter(c.code, c.url, "") for c in codes])
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu_start = time.perf_counter(), time.process_time()
pdf = letters.render_pdf("pdf/invitation_letters.html", context)
with_qr, letters_cpu = time.perf_counter() - start, time.process_time() - cpu_start
rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
letters.render_pdf("pdf/invitation_letters.html", plain)
without_qr = time.perf_counter() - start
ratio = without_qr / with_qr
emit(
    name=f"letters_pdf_{batch.count}",
    value=round(batch.count / with_qr, 1),
    unit="letters/s",
    baseline_name="letters_pdf_without_qr",
    baseline_value=round(batch.count / without_qr, 1),
    ratio=round(ratio, 2),
    goal=">= 0.3",
    meets=ratio >= 0.3,
    cpu_ms_per_letter=round(letters_cpu / batch.count * 1000),
    pdf_bytes=len(pdf),
    peak_rss_growth_mb=round((rss_after - rss_before) / 1024),
)
