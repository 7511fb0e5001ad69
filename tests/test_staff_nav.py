"""The staff menu: grouped, every page it used to list still one click away, the page shown
marked, no JavaScript needed (disclosures)."""

import re

import pytest
from django.urls import reverse

from core.staff_nav import STAFF_NAV, staff_menu
from tests.factories import make_cast

pytestmark = pytest.mark.django_db

# Every page the flat menu of twelve links listed, by URL name.
FORMER_LINKS = [
    "staff:dashboard",
    "staff:promise_list",
    "staff:agreement_list",
    "staff:my_activities",
    "participation_staff:dialogue_list",
    "surveys_staff:survey_list",
    "staff:contact_list",
    "staff:audit_log",
    "api_staff:token_list",
    "notifications_staff:reminder_settings",
]


def _menu_html(client, path: str) -> str:
    html = client.get(path).content.decode()
    return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)


def test_every_former_link_is_in_the_menu_and_the_top_level_is_short(client):
    cast = make_cast()
    client.force_login(cast.alice)
    menu = _menu_html(client, reverse("staff:dashboard"))
    for name in FORMER_LINKS:
        assert f'href="{reverse(name)}"' in menu, name
    assert 'action="/logga-ut/"' in menu or "Logga ut" in menu
    # At most six things side by side: the groups and the log-out button.
    assert len(STAFF_NAV) + 1 <= 6
    assert menu.count("<details>") == sum(1 for g in STAFF_NAV if len(g.links) > 1)


def test_the_page_shown_is_marked_and_its_group_too(client):
    cast = make_cast()
    client.force_login(cast.alice)
    menu = _menu_html(client, reverse("surveys_staff:bank_list"))
    assert f'<a href="{reverse("surveys_staff:bank_list")}" aria-current="page">' in menu
    assert '<summary class="current-group">Trygghetsmätningar</summary>' in menu
    assert menu.count('class="current-group"') == 1


def test_a_page_deep_in_a_group_marks_that_group_not_the_overview():
    groups = staff_menu("/personal/undersokningar/omgangar/2/resultat/")
    current = [g.label for g in groups if g.current]
    assert [str(label) for label in current] == ["Trygghetsmätningar"]
    assert not any(link.current for g in groups for link in g.links)
