"""Uploads through the staff pages: whatever the file (random bytes, damaged or random
workbooks, a file that is not a spreadsheet, zero bytes, a zip bomb, a very large sheet), the
answer is a page that names the row and field or the file's problem, never a server error, and
nothing is stored before the confirmation."""

import gzip
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from core.imports import ImportFile
from core.models import ImportRecord
from organisations.models import AuditEntry
from promises.models import Activity, ProgressUpdate
from promises.spreadsheet.columns import HEADERS
from promises.spreadsheet.importer import ActivityPlanImporter
from situation.models import PoliceEvent
from tests.fuzz_helpers import (
    counts,
    csv_files,
    damaged,
    fuzz,
    xlsx_bytes,
    xlsx_files,
    zip_bomb_xlsx,
)
from tests.spreadsheets import write_xlsx

pytestmark = pytest.mark.django_db
MODELS = (Activity, ProgressUpdate, AuditEntry, ImportRecord)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _upload(client, world, name: str, content: bytes):
    """Upload and follow to the preview; return the last page and the problems it must name."""
    url = reverse("staff:plan_import", args=[world.promise.pk])
    response = client.post(url, {"file": SimpleUploadedFile(name, content)})
    if response.status_code == 400:  # refused by the upload form: too large, wrong type, empty
        assert response.context["form"].errors["file"]
        for message in response.context["form"].errors["file"]:
            assert html.escape(message) in response.content.decode()
        return response
    assert response.status_code == 302, response.status_code
    preview = client.get(response["Location"])
    assert preview.status_code in (200, 400)
    plan = ActivityPlanImporter(promise=world.promise).plan(ImportFile(name, content))
    page = preview.content.decode()
    if preview.status_code == 400:
        issue = next(iter(plan.errors))  # named by row and column, or as the file's problem
        row = "–" if issue.row is None else issue.row
        cells = f"<td>{row}</td><td>{html.escape(issue.column) or '–'}</td>"
        assert cells + f"<td>{html.escape(issue.message)}</td>" in page, issue
    return preview


def _nothing_stored(client, world, name, content):
    before = counts(MODELS)
    response = _upload(client, world, name, content)
    assert counts(MODELS) == before, "a preview stores nothing"
    return response


@pytest.fixture
def editor(client, cast, world):
    client.force_login(cast.alice)
    return client


@fuzz(20)
@given(
    content=st.one_of(
        st.binary(max_size=1000),
        csv_files([list(HEADERS.values())]),
        xlsx_files([list(HEADERS.values())], sheet_names=["Aktivitetsplan"]),
    ),
    name=st.sampled_from(["plan.csv", "plan.xlsx", "plan.XLSX", "plan.pdf", "plan", ".csv"]),
)
def test_random_uploads_never_fail(editor, world, content, name):
    _nothing_stored(editor, world, name, content)


@fuzz(10)
@given(data=st.data())
def test_damaged_workbooks_never_fail(editor, world, data):
    _nothing_stored(editor, world, "plan.xlsx", data.draw(damaged(write_xlsx(world.promise))))


def test_a_pdf_named_xlsx_is_named_not_a_workbook(editor, world):
    page = _nothing_stored(editor, world, "plan.xlsx", PDF).content.decode()
    assert "är inget Excel-ark (.xlsx)" in page


def test_a_pdf_is_refused_by_its_type(editor, world):
    page = _nothing_stored(editor, world, "plan.pdf", PDF).content.decode()
    assert "har fel filtyp" in page


def test_zero_bytes(editor, world):
    response = _nothing_stored(editor, world, "plan.xlsx", b"")
    assert response.status_code == 400
    assert "filen är tom" in response.content.decode().lower()


def test_zip_bomb_xlsx_is_refused_by_its_unpacked_size(editor, world, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 10 * 2**20
    bomb = zip_bomb_xlsx(rows=300_000)  # about 15 MB unpacked from a few dozen kilobytes
    assert len(bomb) < 2**20
    page = _nothing_stored(editor, world, "plan.xlsx", bomb).content.decode()
    assert "packas upp till mer än 10 megabyte" in page


def test_very_large_sheet_lists_the_first_problems_by_row(editor, world, settings):
    settings.IMPORT_MAX_ERRORS = 50
    rows = [list(HEADERS.values())] + [["A-1", f"Rad {n}"] for n in range(20_000)]
    page = _nothing_stored(
        editor, world, "plan.xlsx", xlsx_bytes({"Aktivitetsplan": rows})
    ).content.decode()
    assert "rad 2" in page.lower()


# The police events upload: read by a background task; its page tells what went wrong.


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("events.json", b"", "filen är tom"),
        ("events.json", PDF, "inte giltig json"),
        ("events.json.gz", gzip.compress(b"[" + b" " * (3 * 2**20) + b"]"), "större än 1 megabyte"),
        ("events.json.gz", gzip.compress(b'[{"id": 1}]')[:-5], "avkortad"),
        ("events.json", b'[{"id": 1}]', "post 1"),
    ],
    ids=["zero-bytes", "pdf", "gzip-bomb", "truncated-gzip", "missing-fields"],
)
def test_police_event_uploads_name_the_problem(
    client, cast, world, settings, immediate_tasks, name, content, expected
):
    settings.IMPORT_MAX_UNPACKED_BYTES = 2**20
    client.force_login(cast.alice)
    response = client.post(
        reverse("situation_staff:import_upload"), {"file": SimpleUploadedFile(name, content)}
    )
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert response.status_code in (200, 400)
    assert expected in response.content.decode().lower()
    assert PoliceEvent.objects.count() == 0
