"""The open-data page, the scope pages, the county/municipality form and the 404s."""

import pytest
from django.test import Client

from public.opendata.tables import TABLES

pytestmark = pytest.mark.django_db


def test_page_explains_licence_and_privacy_and_links_every_download():
    response = Client().get("/oppna-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="description"' in html
    for table in TABLES:
        assert f'href="/oppna-data/sverige/{table.name}.csv"' in html
        assert f'href="/oppna-data/sverige/{table.name}.json"' in html
        assert f'id="tabell-{table.name}"' in html
        for column in table.columns:  # the column documentation comes from the definitions
            assert f"<code>{column.name}</code>" in html
    assert 'href="/oppna-data/sverige/alla.json"' in html
    assert 'href="/oppna-data/katalog.ttl"' in html and 'href="/oppna-data/katalog.rdf"' in html
    assert 'href="/api/v1/docs"' in html
    assert "CC0 1.0" in html and "Brå, SCB eller Polisen" in html
    assert "suppressed" in html and "missing" in html
    assert '<option value="lan-14">' in html and '<option value="kommun-1419">' in html


def test_footer_links_to_open_data():
    assert 'href="/oppna-data/"' in Client().get("/").content.decode()


def test_form_redirects_to_the_chosen_scope_page():
    response = Client().get("/oppna-data/", {"omrade": "kommun-1419"})
    assert response.status_code == 302
    assert response["Location"] == "/oppna-data/kommun-1419/"
    assert Client().get("/oppna-data/", {"omrade": "lan-14"})["Location"] == "/oppna-data/lan-14/"


def test_form_with_an_unknown_choice_says_what_to_fix():
    response = Client().get("/oppna-data/", {"omrade": "atlantis"})
    assert response.status_code == 400
    assert "Välj ett län eller en kommun i listan." in response.content.decode()


@pytest.mark.parametrize("scope", ["kommun-1419", "lan-14", "sverige"])
def test_scope_page_lists_its_files(scope):
    response = Client().get(f"/oppna-data/{scope}/")
    assert response.status_code == 200
    html = response.content.decode()
    for table in TABLES:
        assert f'href="/oppna-data/{scope}/{table.name}.csv"' in html
    assert f'href="/oppna-data/{scope}/alla.json"' in html
    assert '<meta name="description"' in html


def test_scope_page_names_the_municipality():
    html = Client().get("/oppna-data/kommun-1419/").content.decode()
    assert "Tjörn (kommunkod 1419)" in html


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/oppna-data/atlantis/", "”atlantis”"),
        ("/oppna-data/kommun-9999/promises.csv", "”kommun-9999”"),
        ("/oppna-data/lan-99/alla.json", "”lan-99”"),
        ("/oppna-data/sverige/users.csv", "”users.csv”"),
        ("/oppna-data/sverige/users.json", "”users.json”"),
    ],
)
def test_unknown_scope_or_table_is_404_with_a_swedish_message(url, message):
    response = Client().get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert message in html and "finns" in html


def test_downloads_answer_get_only():
    assert Client().post("/oppna-data/sverige/promises.csv").status_code == 405


def test_page_needs_a_fixed_number_of_queries(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        Client().get("/oppna-data/")
