"""The OpenAPI schema is valid, and schemathesis finds no server error and no response that
does not match it (a bounded number of examples per operation)."""

import datetime

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from api.tokens import create_token
from config.wsgi import application
from promises.models import ProgressUpdate, Promise
from surveys.models import Wave
from tests import factories as f
from tests import results_factories as rf
from tests.fuzz_helpers import fuzz
from tests.voices_factories import approved_report

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.mark.django_db
def test_schema_is_valid_openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert "/api/v1/promises/{promise_id}" in spec["paths"]
    assert spec["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


@pytest.fixture
def keep_connection():
    """Schemathesis calls the WSGI application directly; like Django's test client, keep the
    test's database connection (and its transaction) open across those requests."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_data(cast, world, keep_connection):
    Promise.objects.filter(pk=world.promise.pk).update(status=Promise.Status.PUBLISHED)
    f.progress(world.tjorn_activity, 2)
    f.follow_up(world.promise, is_published=True)
    rf.TwoWaves(cast.tjorn, per_area=(40, 31, 30))  # safety survey results to read
    _token, secret = create_token(
        user=cast.alice,
        organisation=cast.tjorn,
        name="Schemathesis",
        expires_on=datetime.date.today() + datetime.timedelta(days=30),
    )
    return secret


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, api_data):
    case.call_and_validate(headers={"Authorization": f"Bearer {api_data}"})


def test_docs_page_lists_every_operation(db):
    body = Client().get("/api/v1/docs").content.decode()
    for path in schema.raw_schema["paths"]:
        assert path in body
    assert "Authorization: Bearer" in body and "curl" in body


def test_every_operation_is_fuzzed_and_staff_ones_need_a_token(db):
    """`schema.parametrize()` above covers every operation the API serves."""
    served = Client().get("/api/v1/openapi.json").json()["paths"]
    labels = {
        f"{method.upper()} {path}"
        for path, operations in served.items()
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    }
    fuzzed = {result.ok().label for result in schema.get_all_operations()}
    assert fuzzed == labels
    staff = {label for label in labels if label.split()[1].startswith("/api/v1/staff/")}
    assert staff == {
        "GET /api/v1/staff/promises/{promise_id}",
        "POST /api/v1/staff/activities/{activity_id}/progress",
    }
    for label in staff:
        method, path = label.split()
        assert served[path][method.lower()]["security"] == [{"TokenAuth": []}]


# The operations again, with the ids of objects that exist (random ids mostly find nothing),
# so that the fuzzed query and body reach the code behind the lookup.


@pytest.fixture
def real_ids(cast, world, api_data):
    wave = Wave.objects.order_by("-year").first()  # api_data's safety survey
    return {
        "promise_id": world.promise.pk,
        "activity_id": world.tjorn_activity.pk,
        "kommunkod": "1419",
        "number": 1,
        "survey_id": wave.survey_id,
        "wave_id": wave.pk,
        "report_id": approved_report().pk,
    }


OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.django_db
@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.label for o in OPERATIONS])
def test_api_with_real_ids(operation, real_ids, api_data, world):
    activity = world.tjorn_activity

    cases = st.one_of(
        operation.as_strategy(), operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)
    )

    @fuzz(15)
    @given(case=cases, token=st.sampled_from([api_data, api_data, "", "fel"]))
    def check(case, token):
        if case.path_parameters:
            case.path_parameters = {k: real_ids[k] for k in case.path_parameters}
        before = ProgressUpdate.objects.filter(activity=activity).count()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        # The schema cannot say "not in the future" or "not only spaces": a body it allows may
        # get a 422, which must then name the field. And this test puts real ids and a token
        # over what schemathesis generated, so a case it made invalid there (a boolean id, no
        # Authorization header) may be valid when sent, and its rejection check does not apply.
        # Every other check does: no 5xx, documented status codes and bodies.
        response = case.call_and_validate(
            headers=headers, excluded_checks=[positive_data_acceptance, negative_data_rejection]
        )
        event(f"status {response.status_code}")
        if response.status_code == 422:
            assert response.json()["error"]["fields"], response.text
        after = ProgressUpdate.objects.filter(activity=activity).count()
        assert after == before + (1 if response.status_code == 201 else 0)

    check()
