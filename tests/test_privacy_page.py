"""The privacy page (/integritet/): generated from the retention registry, so it shows the
periods configured on the site; the fixed statements with their configured limits; linked from
every page's footer; cacheable like the other public pages."""

import datetime

import pytest

from core.retention import rules
from tests.test_public_caching import assert_cacheable

pytestmark = pytest.mark.django_db

PRIVACY = "/integritet/"


def test_every_rule_is_shown_with_its_configured_period(client, settings):
    settings.REPORT_CONTACT_RETENTION_DAYS = 45
    settings.SURVEY_DRAFT_RETENTION_DAYS = 12
    settings.AUDIT_DETAIL_RETENTION_DAYS = 1
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=20)
    html = client.get(PRIVACY).content.decode()
    for rule in rules():
        assert str(rule.title) in html, rule.name
    assert "<strong>45 dagar</strong> räknat från att rapporten skickades" in html
    assert "<strong>12 dagar</strong>" in html
    assert "<strong>1 dag</strong> räknat från ändringen" in html
    assert "<strong>20 minuter</strong>" in html
    card = html.split('id="regel-1">')[1].split("</section>")[0]
    assert "Kontaktuppgifter i rapporter" in card and "90 dagar" not in card
    assert '<a href="#regel-1">Kontaktuppgifter i rapporter</a>: 45 dagar' in html


def test_the_fixed_statements_use_the_configured_limits(client, settings):
    settings.PRIVACY_MIN_CELL = 7
    settings.PRIVACY_MIN_BREAKDOWN = 40
    settings.PUBLIC_POINT_GRID_METRES = 250
    html = client.get(PRIVACY).content.decode()
    assert "färre än 7 personer" in html and "färre än 40 svar" in html
    assert "250 × 250 meter" in html
    assert "Svar på trygghetsundersökningar är anonyma" in html
    assert "(EXIF)" in html


def test_the_page_is_in_english_too(client, settings):
    settings.REPORT_CONTACT_RETENTION_DAYS = 45
    response = client.get("/en" + PRIVACY)
    html = response.content.decode()
    assert response.status_code == 200 and 'lang="en"' in html
    assert "Privacy and personal data" in html and "45 days" in html
    assert "Kontaktuppgifter i rapporter" not in html


def test_every_page_links_it_in_the_footer(client, cast):
    for path in ("/", "/kommun/tjorn/", "/tillganglighet/", "/enkat/"):
        html = client.get(path).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert f'href="{PRIVACY}"' in footer, path
    client.force_login(cast.alice)
    footer = client.get("/personal/").content.decode().split('<footer class="site-footer">')[1]
    assert f'href="{PRIVACY}"' in footer


def test_an_anonymous_visitor_gets_a_cacheable_page(client):
    response = client.get(PRIVACY)
    assert_cacheable(response, PRIVACY)
    again = client.get(PRIVACY, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
