"""Printable invitation letters: one A4 letter a page with the code, a QR code that opens the
answer page with the code filled in, the address to type and the dates; in parts per area."""

import io

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse
from django.utils.formats import date_format
from pypdf import PdfReader

from organisations.models import AuditEntry
from surveys.letters import LETTERS_PER_PDF
from surveys.links import answer_url
from tests.factories import contact
from tests.survey_factories import area, invitations, survey
from tests.wave_factories import current_wave

A4 = (595, 842)  # points


def url(name, *args):
    return reverse(f"surveys_staff:{name}", args=args)


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def qr_codes(pdf: bytes, page: int) -> list[str]:
    image = pypdfium2.PdfDocument(pdf)[page].render(scale=2).to_pil()
    return [found.text for found in zxingcpp.read_barcodes(image)]


@pytest.fixture
def centrum(cast):
    return area("centrum", "Centrum")


def test_letters_page_lists_parts_per_area(client, cast, centrum):
    w = current_wave(survey(cast.tjorn))
    invitations(w, LETTERS_PER_PDF + 1, area=centrum)
    invitations(w, 3)
    client.force_login(cast.alice)
    page = client.get(url("letters", w.pk)).content.decode()
    assert url("letters_pdf", w.pk, centrum.pk, 1) in page
    assert url("letters_pdf", w.pk, centrum.pk, 2) in page
    assert url("letters_pdf", w.pk, 0, 1) in page  # the codes without an area
    assert f"1–{LETTERS_PER_PDF}" in page and f"{LETTERS_PER_PDF + 1}–{LETTERS_PER_PDF + 1}" in page


def test_one_letter_a_page_with_code_qr_address_and_dates(client, cast, centrum, settings):
    settings.SITE_URL = "https://trygg.example.se"
    s = survey(cast.tjorn)
    contact(cast.tjorn, role_title="Trygghetssamordnare", email="trygg@tjorn.example")
    w = current_wave(s)
    made = invitations(w, 3, area=centrum)
    client.force_login(cast.alice)
    r = client.get(url("letters_pdf", w.pk, centrum.pk, 1))
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"] == (
        f'attachment; filename="inbjudningar-{w.year}-centrum-del-1.pdf"'
    )
    reader = PdfReader(io.BytesIO(r.content))
    assert len(reader.pages) == 3
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == list(A4)
    opens, closes = (date_format(d, "j F Y") for d in (w.opens_on, w.closes_on))
    for number, (invitation, text) in enumerate(zip(made, pages_text(r.content), strict=True)):
        flat = " ".join(text.split())
        assert f"{invitation.code[:5]} {invitation.code[5:]}" in flat
        assert "Tjörn kommun" in flat
        assert "Svara på trygg.example.se/enkat" in flat
        assert "Dina svar är anonyma." in flat
        assert "Kontakta Trygghetssamordnare" in flat and "trygg@tjorn.example" in flat
        assert f"Enkäten är öppen från {opens} till och med {closes}." in flat
        assert "You can answer in English." in flat
        assert "مجهولة الهوية" in flat  # "anonymous", in the Arabic line
        assert qr_codes(r.content, number) == [answer_url(invitation.code)]
    assert AuditEntry.objects.get(action="wave.letters_printed").after == {"antal": 3}


def test_letters_speak_only_the_surveys_languages(client, cast):
    w = current_wave(survey(cast.tjorn, languages=("sv",)))
    invitations(w, 1)
    client.force_login(cast.alice)
    (text,) = pages_text(client.get(url("letters_pdf", w.pk, 0, 1)).content)
    assert "Din kod" in text
    assert "English" not in text and "مجهولة" not in text


def test_the_last_part_holds_the_rest(client, cast, centrum):
    w = current_wave(survey(cast.tjorn))
    made = invitations(w, LETTERS_PER_PDF + 2, area=centrum)
    client.force_login(cast.alice)
    r = client.get(url("letters_pdf", w.pk, centrum.pk, 2))
    texts = pages_text(r.content)
    assert len(texts) == 2
    last = made[-1].code
    assert f"{last[:5]} {last[5:]}" in texts[-1]


def test_a_part_that_does_not_exist_is_404(client, cast, centrum):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 2, area=centrum)
    client.force_login(cast.alice)
    assert client.get(url("letters_pdf", w.pk, centrum.pk, 2)).status_code == 404
    assert client.get(url("letters_pdf", w.pk, 0, 1)).status_code == 404
    assert not AuditEntry.objects.filter(action="wave.letters_printed").exists()


@pytest.mark.parametrize("username", ["viewer", "reporter"])
def test_only_editors_print_letters(client, cast, username):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 1)
    client.force_login(getattr(cast, username))
    assert client.get(url("letters", w.pk)).status_code == 403
    assert client.get(url("letters_pdf", w.pk, 0, 1)).status_code == 403


def test_another_tenant_gets_404(client, cast):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 1)
    client.force_login(cast.charlie)
    assert client.get(url("letters", w.pk)).status_code == 404
    assert client.get(url("letters_pdf", w.pk, 0, 1)).status_code == 404


def test_letters_wrong_method(client, cast):
    w = current_wave(survey(cast.tjorn))
    invitations(w, 1)
    client.force_login(cast.alice)
    assert client.post(url("letters", w.pk)).status_code == 405
    assert client.post(url("letters_pdf", w.pk, 0, 1)).status_code == 405


def test_open_link_poster_has_the_links_qr(client, cast):
    w = current_wave(
        survey(cast.tjorn), status="open", uses_open_link=True, open_link_token="abc123"
    )
    client.force_login(cast.viewer)
    r = client.get(url("open_link_poster", w.pk))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    (text,) = pages_text(r.content)
    assert "127.0.0.1:8000/enkat/oppen/abc123" in text
    assert qr_codes(r.content, 0) == ["http://127.0.0.1:8000/enkat/oppen/abc123/"]


def test_no_poster_without_an_open_link(client, cast):
    w = current_wave(survey(cast.tjorn), status="open", uses_open_link=False)
    client.force_login(cast.alice)
    assert client.get(url("open_link_poster", w.pk)).status_code == 404
