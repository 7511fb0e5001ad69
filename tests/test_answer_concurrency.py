"""Submits racing through the real view: the same code answered in several browsers at once,
and one open-link draft sent from several tabs at once, each store exactly one response. Runs on
SQLite and on PostgreSQL."""

import threading

import pytest
from django.db import connections
from django.test import Client

from surveys.answering import DRAFT_COOKIE
from surveys.models import Invitation, Response, ResponseDraft
from tests.answer_helpers import open_wave
from tests.factories import make_cast
from tests.survey_factories import invitations

PARALLEL = 8


def race(clients: list[Client]) -> list[int]:
    """POST the summary from every client at the same moment; the HTTP statuses."""
    statuses: list[int] = []
    start = threading.Barrier(len(clients))

    def submit(client: Client) -> None:
        try:
            start.wait()
            statuses.append(client.post("/enkat/svar/granska/").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def answered(client: Client) -> Client:
    client.post("/enkat/svar/sida/1/", {"otrygg_kvall": "ganska_trygg", "riktning": "nasta"})
    return client


@pytest.mark.django_db(transaction=True)
def test_one_code_answered_in_several_browsers_at_once_stores_one_response(reference_data):
    w = open_wave(make_cast().tjorn)
    (invitation,) = invitations(w, 1)
    clients = []
    for _ in range(PARALLEL):
        client = Client()
        assert client.post("/enkat/", {"kod": invitation.code}).status_code == 302
        clients.append(answered(client))
    assert ResponseDraft.objects.count() == PARALLEL
    statuses = race(clients)
    assert sorted(statuses) == [200] * (PARALLEL - 1) + [302]  # the others: "already used"
    assert Response.objects.count() == 1
    assert Invitation.objects.get().consumed


@pytest.mark.django_db(transaction=True)
def test_one_open_link_draft_sent_from_several_tabs_stores_one_response(reference_data):
    open_wave(make_cast().tjorn, uses_open_link=True, open_link_token="lank")
    first = Client()
    first.post("/enkat/oppen/lank/")
    answered(first)
    tabs = [first]
    for _ in range(PARALLEL - 1):
        tab = Client()
        tab.cookies[DRAFT_COOKIE] = first.cookies[DRAFT_COOKIE].value
        tabs.append(tab)
    statuses = race(tabs)
    assert statuses.count(302) == 1
    assert Response.objects.count() == 1
    assert not ResponseDraft.objects.exists()
