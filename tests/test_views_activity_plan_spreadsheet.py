"""The staff pages for the activity plan as a spreadsheet: download, upload, preview, confirm."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.models import ImportRecord, PendingImport
from organisations.models import AuditEntry
from promises.models import Activity, Promise
from tests.spreadsheets import csv_from_dicts, csv_rows, row_dicts, write_csv


def export_url(world, fmt, attr="promise"):
    return reverse("staff:plan_export", args=[getattr(world, attr).pk, fmt])


def import_url(world, attr="promise"):
    return reverse("staff:plan_import", args=[getattr(world, attr).pk])


def upload(client, world, content, name="plan.csv"):
    return client.post(import_url(world), {"file": SimpleUploadedFile(name, content)})


def changed_plan(world):
    header, rows = row_dicts(world.promise)
    row = next(r for r in rows if r["Aktivitet"] == "Föräldraträffar")
    row["Aktivitet"] = "Föräldraträffar på biblioteket"
    row["Ny lägesrapport: antal"] = "2"
    row["Ny lägesrapport: text"] = "Två träffar i april."
    return csv_from_dicts(header, rows)


def test_promise_page_offers_downloads_upload_and_documents_the_columns(client, cast, world):
    client.force_login(cast.alice)
    page = client.get(world.promise.get_staff_url()).content.decode()
    assert "Aktivitetsplanen som kalkylblad" in page
    assert export_url(world, "xlsx") in page and export_url(world, "csv") in page
    assert 'enctype="multipart/form-data"' in page and "Förhandsgranska ändringarna" in page
    assert "Genomfört hittills" in page and "tar aldrig bort aktiviteter" in page


def test_a_viewer_downloads_but_is_not_offered_the_upload(client, cast, world):
    client.force_login(cast.viewer)
    page = client.get(world.promise.get_staff_url()).content.decode()
    assert export_url(world, "csv") in page and "Förhandsgranska ändringarna" not in page
    assert client.get(import_url(world)).status_code == 403
    assert client.get(export_url(world, "csv")).status_code == 200


def test_a_reporter_of_a_responsible_organisation_may_upload(client, cast, world):
    client.force_login(cast.police_reporter)
    assert client.get(import_url(world)).status_code == 200


def test_downloads(client, cast, world):
    client.force_login(cast.bob)
    response = client.get(export_url(world, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="aktivitetsplan-')
    assert response.content.startswith(b"PK")
    response = client.get(export_url(world, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = csv_rows(response.content)
    assert header[0] == "Referens" and len(rows) == 2
    assert client.get(export_url(world, "pdf")).status_code == 404
    assert client.post(export_url(world, "csv")).status_code == 405


def test_other_tenants_and_anonymous_visitors(client, cast, world):
    client.force_login(cast.charlie)
    assert client.get(export_url(world, "csv")).status_code == 404
    assert client.get(import_url(world)).status_code == 404
    client.logout()
    assert client.get(export_url(world, "csv"))["Location"].startswith("/logga-in/")
    assert client.get(import_url(world))["Location"].startswith("/logga-in/")


def test_upload_preview_confirm(client, cast, world):
    client.force_login(cast.alice)
    response = upload(client, world, changed_plan(world))
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Ändrade aktiviteter (1)" in page and "Nya lägesrapporter (1)" in page
    assert (
        "<del>Föräldraträffar</del>" in page and "<ins>Föräldraträffar på biblioteket</ins>" in page
    )
    assert "Två träffar i april." in page
    activity = Activity.objects.get(pk=world.tjorn_activity.pk)
    assert activity.title == "Föräldraträffar"  # nothing saved by the preview
    response = client.post(response["Location"], follow=True)
    assert "1 ändrad aktivitet, 1 ny lägesrapport" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Föräldraträffar på biblioteket"
    assert activity.updates.get(text="Två träffar i april.").quantity == 2
    entry = AuditEntry.objects.get(action="activity.changed")
    assert entry.actor == cast.alice and entry.actor_label == "alice (kalkylblad: plan.csv)"
    assert not PendingImport.objects.exists() and ImportRecord.objects.get().user == cast.alice


def test_the_same_file_again_is_recognised(client, cast, world):
    client.force_login(cast.alice)
    content = changed_plan(world)
    client.post(upload(client, world, content)["Location"])
    page = client.get(upload(client, world, content)["Location"]).content.decode()
    assert "Den här filen är redan inläst" in page and "Spara ändringarna" not in page


def test_errors_are_listed_with_row_and_column_and_nothing_can_be_confirmed(client, cast, world):
    client.force_login(cast.alice)
    header, rows = row_dicts(world.promise)
    rows[0]["Start"] = "snart"
    rows[1]["Status"] = "Klar"
    response = upload(client, world, csv_from_dicts(header, rows))
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert preview.status_code == 400
    assert "Filen kan inte läsas in: 2 fel" in page
    assert "<td>2</td><td>Start</td>" in page and "<td>3</td><td>Status</td>" in page
    assert "Spara ändringarna" not in page
    assert client.post(response["Location"]).status_code == 400
    assert not ImportRecord.objects.exists()


def test_confirming_checks_the_file_again(client, cast, world):
    client.force_login(cast.alice)
    location = upload(client, world, changed_plan(world))["Location"]
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.CONCLUDED)
    response = client.post(location)
    assert response.status_code == 400 and "avslutat eller ersatt" in response.content.decode()
    assert Activity.objects.get(pk=world.tjorn_activity.pk).title == "Föräldraträffar"


def test_someone_elses_or_an_expired_upload_cannot_be_used(client, cast, world):
    client.force_login(cast.alice)
    location = upload(client, world, changed_plan(world))["Location"]
    client.force_login(cast.bob)
    response = client.post(location, follow=True)
    assert "Den uppladdade filen finns inte kvar" in response.content.decode()
    assert Activity.objects.get(pk=world.tjorn_activity.pk).title == "Föräldraträffar"
    client.force_login(cast.alice)
    PendingImport.objects.update(created_at=timezone.now() - datetime.timedelta(hours=2))
    assert client.get(location)["Location"] == import_url(world)


def test_a_50_mb_file_is_refused_before_it_is_read(client, cast, world):
    client.force_login(cast.alice)
    response = upload(client, world, b"x" * (50 * 2**20))
    assert response.status_code == 400
    assert "Filen är för stor (50,0\xa0MB)" in response.content.decode()
    assert not PendingImport.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"%PDF-1.4", "har fel filtyp"),
        ("plan.xlsx", b"Referens;Aktivitet\n", "inget Excel-ark"),
        ("plan.csv", "Referens;Aktivitet\nA-1;Träff\n".encode("utf-16"), "inte UTF-8-kodad"),
    ],
)
def test_files_that_are_not_what_they_say_are_refused(client, cast, world, name, content, message):
    client.force_login(cast.alice)
    response = upload(client, world, content, name=name)
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert response.status_code == 400 and message in response.content.decode()


def test_empty_upload_asks_for_a_file(client, cast, world):
    client.force_login(cast.alice)
    response = client.post(import_url(world), {})
    assert (
        response.status_code == 400 and "Välj filen som ska läsas in." in response.content.decode()
    )


def test_unchanged_download_says_there_is_nothing_to_save(client, cast, world):
    client.force_login(cast.alice)
    content = client.get(export_url(world, "xlsx")).content
    page = client.get(upload(client, world, content, "plan.xlsx")["Location"]).content.decode()
    assert "Filen innehåller inga ändringar" in page
    assert write_csv(world.promise) and io.BytesIO(content).read(2) == b"PK"


def test_markup_in_the_file_is_shown_as_text_in_the_preview(client, cast, world):
    client.force_login(cast.alice)
    header, rows = row_dicts(world.promise)
    rows[0]["Aktivitet"] = "<script>alert('x')</script>"
    rows[0]["Beskrivning"] = "<img src=x onerror=alert(1)>\nrad två"
    page = client.get(upload(client, world, csv_from_dicts(header, rows))["Location"])
    html = page.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;<br>rad två" in html
