"""Run by tests/test_replica.py in a process whose settings have DATABASE_REPLICA_URL (a second
alias, "replica", mirroring the test database): anonymous public pages read from the replica,
staff pages and writes use the primary. Transactional, so both connections see the same rows."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from promises.models import Promise
from tests.factories import make_cast, make_world

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def queries(client, path, **kwargs):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(path, **kwargs)
    assert response.status_code == 200, path
    return len(primary.captured_queries), len(replica.captured_queries)


def test_public_pages_read_from_the_replica(client, reference_data):
    world = make_world(make_cast(), status=Promise.Status.PUBLISHED)
    for path in ("/", "/kommun/tjorn/", f"/medborgarlofte/{world.promise.pk}/", "/oppna-data/"):
        primary, replica = queries(client, path)
        assert replica > 0 and primary == 0, (path, primary, replica)


def test_staff_pages_and_logged_in_visitors_use_the_primary(client, reference_data):
    from django.contrib.auth import get_user_model

    make_world(make_cast(), status=Promise.Status.PUBLISHED)
    user = get_user_model().objects.filter(is_superuser=False).first()
    client.force_login(user)
    primary, replica = queries(client, "/personal/")
    assert primary > 0 and replica == 0
    primary, replica = queries(client, "/kommun/tjorn/")
    assert primary > 0 and replica == 0
