"""The OpenAPI schema is valid, and schemathesis finds no server error and no response that
does not match it (a bounded number of examples per operation)."""

import datetime

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from api.tokens import create_token
from config.wsgi import application
from promises.models import Promise
from tests import factories as f
from tests import results_factories as rf

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
