"""Issue 7's demo: the seeds' dialogues linked to their promises, a safety walk in Skärhamn in
darkness with a revisit, a few moderated reports; invented details labelled "Exempel:"."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo import open311_seed
from participation.models import Dialogue, ResidentReport, SafetyWalk, WalkAction
from promises.models import Promise

# The demo is loaded once for the module (tests/conftest.py); each test's `load_demo` adds
# nothing to it, and what a test changes is rolled back after it.
pytestmark = pytest.mark.usefixtures("demo_once")


def body(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_voices_demo_loads_once_and_is_added_to_an_older_demo(db):
    call_command("load_demo", verbosity=0)
    counts = (Dialogue.objects.count(), SafetyWalk.objects.count(), WalkAction.objects.count())
    call_command("load_demo", verbosity=0)
    assert (
        Dialogue.objects.count(),
        SafetyWalk.objects.count(),
        WalkAction.objects.count(),
    ) == counts
    assert counts[0] >= 5 and counts[1] == 1
    Dialogue.objects.all().delete()
    SafetyWalk.objects.all().delete()
    ResidentReport.objects.all().delete()
    call_command("load_demo", verbosity=0)  # a demo from before issue 7 gets its part
    assert (
        Dialogue.objects.count(),
        SafetyWalk.objects.count(),
        WalkAction.objects.count(),
    ) == counts


def test_promise_pages_show_what_residents_said(db, client):
    call_command("load_demo", verbosity=0)
    fyrbodal = Promise.objects.get(title__contains="Södra Fyrbodal")
    page = body(client, reverse("public:promise", args=[fyrbodal.pk]))
    assert "Vad vi hörde" in page
    assert "Medborgardialog om trygghet hösten 2022 – Stenungsund" in page
    assert "Exempel: flera tar upp att bilar kör för fort" in page
    assert "Exempel:" in page
    mellerud = Promise.objects.get(title__contains="Mellerud")
    page = body(client, reverse("public:promise", args=[mellerud.pk]))
    assert "Vad vi hörde" in page and "Brottsaktiva individer" in page


def test_skarhamn_walk_in_darkness_with_revisit(db, client):
    call_command("load_demo", verbosity=0)
    walk = SafetyWalk.objects.get()
    assert walk.light == "darkness" and 4 <= walk.stops.count() <= 5
    assert walk.title.startswith("Exempel:")
    page = body(client, walk.get_absolute_url())
    assert "Återbesöket 11 mars 2025" in page and "Åtgärdat: 3" in page
    tjorn = body(client, reverse("public:municipality", args=["tjorn"]))
    assert "Dialoger och trygghetsvandringar" in tjorn and walk.get_absolute_url() in tjorn


def test_small_staff_dialogue_suppressed_and_internal_remark_hidden(db, client):
    call_command("load_demo", verbosity=0)
    staff = Dialogue.objects.get(title="Trygg på Tjörn – medarbetardialog")
    assert "färre än 5" in body(client, staff.get_absolute_url())
    citizen = Dialogue.objects.get(title="Trygg på Tjörn – medborgardialog")
    assert "antecknad internt" not in body(client, citizen.get_absolute_url())


def test_demo_reports_are_moderated_or_in_the_queue(db):
    call_command("load_demo", verbosity=0)
    reports = ResidentReport.objects.all()
    assert reports.count() == len(open311_seed.REPORTS) + len(open311_seed.QUEUE)
    public = ResidentReport.objects.public()
    assert public.count() == len(open311_seed.REPORTS)
    assert all(r.public_text.startswith("Exempel:") for r in public)
    assert all(r.description.startswith("Exempel:") for r in reports)
    assert set(reports.values_list("moderation", flat=True)) == {"approved", "pending", "rejected"}


def test_demo_queue_shows_overdue_reports(db, client):
    from participation.models import ResponseTemplate

    call_command("load_demo", verbosity=0)
    assert ResponseTemplate.objects.count() == len(open311_seed.TEMPLATES)
    client.login(username="samordnare", password="demo-lofte-2026")
    page = client.get("/personal/invanare/rapporter/").content.decode()
    assert "2 rapporter är försenade" in page
    assert "Väntar på granskning</a>: 2" in page
