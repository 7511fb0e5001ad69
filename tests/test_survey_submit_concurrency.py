"""A code is consumed in the same transaction that stores the answers: 50 parallel submits
with one code store exactly one response, and nothing stored links the response to the code.
Runs on SQLite and on PostgreSQL (CI runs both)."""

import threading

import pytest
from django.db import connection, connections

from surveys.models import Invitation, Response, WaveStatus
from surveys.services import CodeRefused, submit_response
from tests.factories import make_cast
from tests.survey_factories import area, invitations, survey, wave


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_submits_with_one_code_store_one_response(reference_data):
    cast = make_cast()
    w = wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    (invitation,) = invitations(w, 1, area=area("centrum", "Centrum"))
    outcomes: list[str] = []
    start = threading.Barrier(50)

    def submit() -> None:
        try:
            start.wait()
            submit_response(
                wave=w,
                answers={"otrygg_kvall": "ganska_trygg"},
                mode=Response.Mode.SAMPLE,
                code=invitation.code,
            )
            outcomes.append("stored")
        except CodeRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["refused"] * 49 + ["stored"]
    assert Response.objects.count() == 1
    assert Invitation.objects.get().consumed


@pytest.mark.django_db(transaction=True)
def test_nothing_stored_links_a_response_to_its_code(reference_data):
    cast = make_cast()
    w = wave(survey(cast.tjorn), status=WaveStatus.OPEN)
    (invitation,) = invitations(w, 1)
    response = submit_response(
        wave=w, answers={"otrygg_kvall": "mycket_trygg"}, mode="sample", code=invitation.code
    )
    columns = {f.column for f in Response._meta.concrete_fields}
    assert not any("invitation" in c or "code" in c or "created" in c for c in columns)
    invitation_columns = {f.column for f in Invitation._meta.concrete_fields}
    assert invitation_columns == {"id", "wave_id", "code", "area_id", "consumed"}
    with connection.cursor() as cursor:
        table = Response._meta.db_table
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [response.pk])
        row = cursor.fetchone()
    assert invitation.code not in repr(row)
