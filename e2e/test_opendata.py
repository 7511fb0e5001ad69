"""A journalist finds the open data of a municipality without JavaScript: every page axe-checked."""

import pytest
from django.core.management import call_command

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_journalist_chooses_a_municipality_and_downloads(checked_page):
    call_command("load_demo", verbosity=0)
    p = checked_page
    p.goto("/")
    p.follow("Öppna data")
    assert "CC0 1.0" in p.text()
    p.page.select_option("#omrade", "kommun-1419")
    p.submit("Visa filerna")
    assert p.page.url.endswith("/oppna-data/kommun-1419/")
    assert "Tjörn (kommunkod 1419)" in p.text()
    with p.page.expect_download() as download:
        p.page.get_by_role("link", name="promises.csv – Medborgarlöften, CSV").click()
    assert download.value.suggested_filename == "medborgarloften-kommun-1419-promises.csv"
    p.goto("/oppna-data/lan-14/")
    p.goto("/oppna-data/atlantis/")
    assert "atlantis" in p.text()
