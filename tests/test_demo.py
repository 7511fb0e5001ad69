import pytest
from django.core.management import call_command
from django.urls import reverse

from demo import content
from organisations.models import Organisation
from promises.models import Agreement, Promise

# The demo is loaded once for the module (tests/conftest.py); each test's `load_demo` adds
# nothing to it, and what a test changes is rolled back after it.
pytestmark = pytest.mark.usefixtures("demo_once")


def test_demo_loads_the_seeds_once(db, client):
    call_command("load_demo", verbosity=0)
    counts = (Organisation.objects.count(), Promise.objects.count(), Agreement.objects.count())
    call_command("load_demo", verbosity=0)
    assert (
        Organisation.objects.count(),
        Promise.objects.count(),
        Agreement.objects.count(),
    ) == counts
    titles = set(Promise.objects.values_list("title", flat=True))
    assert titles == {
        "Medborgarlöftet 2023–2024 – Södra Fyrbodal",
        "Medborgarlöfte Härryda kommun 31 maj 2022 – 31 maj 2024",
        "Medborgarlöfte Svenljunga 2019",
        "Medborgarlöfte för Melleruds kommun 2023–2024",
    }
    fyrbodal = Promise.objects.get(title__contains="Södra Fyrbodal")
    assert fyrbodal.parties.count() == 4
    tjorn = Agreement.objects.get(title__contains="Tjörns kommun")
    assert str(tjorn.signed_on) == "2023-10-20"
    assert tjorn.groups.count() == 2
    assert Agreement.objects.get(title__contains="Mellerud").is_until_further_notice


def test_demo_pages_render_and_label_examples(db, client):
    call_command("load_demo", verbosity=0)
    for slug in ["tjorn", "stenungsund", "orust", "harryda", "svenljunga", "mellerud"]:
        body = client.get(reverse("public:municipality", args=[slug])).content.decode()
        assert "Medborgarlöf" in body
    body = client.get(reverse("public:municipality", args=["mellerud"])).content.decode()
    assert "Brottsaktiva individer" in body
    assert "Exempel:" in body  # invented activities are labelled
    assert "färre än 5" in body  # counts of individuals are suppressed
    assert "Erika Gustavsson" in body and "010-56 526 86" in body
    svenljunga = client.get(reverse("public:municipality", args=["svenljunga"])).content.decode()
    assert "Tidigare medborgarlöften" in svenljunga


def test_demo_logins_work(db, client):
    call_command("load_demo", verbosity=0)
    for username in ["samordnare", "kommunpolis", "bra"]:
        assert client.login(username=username, password="demo-lofte-2026")
        assert client.get(reverse("staff:dashboard")).status_code == 200


def test_demo_staff_have_undeliverable_addresses_and_see_reminders(db, client):
    from django.contrib.auth import get_user_model

    call_command("load_demo", verbosity=0)
    users = get_user_model().objects.filter(memberships__isnull=False).distinct()
    assert users.count() >= len(content.USERS)
    assert all(u.email.endswith("@demo.example.invalid") for u in users)
    get_user_model().objects.filter(username="bra").update(email="bra@mellerud.example.se")
    call_command("load_demo", verbosity=0)
    assert get_user_model().objects.get(username="bra").email == "bra@mellerud.example.se"
    client.login(username="kommunpolis", password="demo-lofte-2026")
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert "har passerat men aktiviteten har ingen slutstatus" in body
    assert "Löftet har inte följts upp sedan det började gälla 1 januari 2023." in body
