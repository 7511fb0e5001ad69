"""Importing police events from the web: the upload starts a background task, the page follows
its progress (reloading itself without JavaScript) and ends with the counts or the errors.
Run with the immediate backend, and once with the database backend and its worker."""

import gzip
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from core.models import PendingImport, TaskProgress
from core.tasks import Progress, progress_context, start_task
from situation import tasks
from situation.models import PoliceEvent
from tests.factories import make_cast
from tests.test_imports_police_events import notice

UPLOAD = reverse("situation_staff:import_upload")


def upload(client, records: object, name: str = "events.json.gz"):
    data = json.dumps(records).encode()
    content = gzip.compress(data) if name.endswith(".gz") else data
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, content)})


@pytest.mark.django_db
def test_an_editor_imports_and_sees_the_counts(client, cast, immediate_tasks):
    client.force_login(cast.alice)
    assert "Läs in filen" in client.get(UPLOAD).content.decode()
    summary = notice(
        2, type="Sammanfattning natt", name="07 juni 06.00, Sammanfattning natt, Tjörn"
    )
    response = upload(client, [notice(1), summary])
    progress = TaskProgress.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("situation_staff:import_progress", args=[progress.pk])
    page = client.get(response["Location"]).content.decode()
    assert progress.status == "done" and progress.result["imported"] == 2
    assert "Klar" in page and "Inlästa händelser</th><td>2<" in page
    assert "Sammanfattningar (räknas inte som händelser)</th><td>1<" in page
    assert "data-refresh-seconds" not in page and "task_progress" not in page  # finished
    assert PoliceEvent.objects.count() == 2 and not PendingImport.objects.exists()


@pytest.mark.django_db
def test_a_broken_file_lists_its_errors_and_stores_nothing(client, cast, immediate_tasks):
    client.force_login(cast.bob)
    response = upload(client, [notice(1), notice(2, datetime="igår")], "events.json")
    page = client.get(response["Location"]).content.decode()
    assert "Misslyckades" in page and "Post 2, kolumn ”datetime”" in page
    assert not PoliceEvent.objects.exists()


@pytest.mark.django_db
def test_a_file_of_the_wrong_kind_is_refused_at_once(client, cast, immediate_tasks):
    client.force_login(cast.alice)
    response = upload(client, [notice(1)], "events.csv")
    assert response.status_code == 400 and "fel filtyp" in response.content.decode()
    assert not TaskProgress.objects.exists()


@pytest.mark.django_db
def test_only_editors_import_and_only_the_owner_follows(client, cast, immediate_tasks):
    client.force_login(cast.viewer)
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, [notice(1)]).status_code == 403
    client.force_login(cast.alice)
    page = upload(client, [notice(1)])["Location"]
    client.force_login(cast.charlie)  # an editor elsewhere: may import, not follow alice's
    assert client.get(UPLOAD).status_code == 200
    assert client.get(page).status_code == 404
    client.logout()
    assert client.get(page).status_code == 302


@pytest.mark.django_db
def test_the_live_step_count_comes_from_the_cache_and_is_throttled(cast):
    row = TaskProgress.objects.create(kind="test", user=cast.alice)
    now = [0.0]
    progress = Progress(str(row.pk), clock=lambda: now[0])
    progress.running("Läser")
    progress.step(10, 100, "Sparar")
    progress.step(20, 100, "Sparar")  # too soon: not written
    row.refresh_from_db()
    context = progress_context(row)
    assert (context["progress_done"], context["progress_total"]) == (10, 100)
    assert context["progress_percent"] == 10 and context["progress_step"] == "Sparar"
    now[0] = 1.0
    progress.step(55, 100, "Sparar")
    assert progress_context(row)["progress_done"] == 55
    progress.step(100, 100, "Sparar")  # the last step is always written
    assert progress_context(row)["progress_done"] == 100
    progress.finish({"imported": 3}, "Klart.")
    row.refresh_from_db()
    assert row.is_finished and progress_context(row)["progress_percent"] is None


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_the_worker_runs_the_import(client, reference_data, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cast = make_cast()
    client.force_login(cast.alice)
    page = upload(client, [notice(1), notice(2)])["Location"]
    waiting = client.get(page).content.decode()
    assert "Väntar på sin tur" in waiting and 'data-refresh-seconds="2"' in waiting
    assert "/static/js/task_progress.js" in waiting and 'http-equiv="refresh"' not in waiting
    assert f'<a href="{page}">Visa läget nu</a>' in waiting  # without JavaScript
    assert not PoliceEvent.objects.exists()
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    done = client.get(page).content.decode()
    assert "Inlästa händelser</th><td>2<" in done and "data-refresh-seconds" not in done
    assert PoliceEvent.objects.count() == 2


@pytest.mark.django_db
def test_a_task_whose_upload_is_gone_says_so(cast, immediate_tasks):
    progress = start_task(
        tasks.import_police_events,
        "00000000-0000-0000-0000-000000000000",
        kind=tasks.POLICE_EVENTS,
        user=cast.alice,
    )
    assert progress.status == "failed" and "Ladda upp den igen" in progress.message
