import pytest

from tests.factories import make_cast, make_world


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture
def world(cast):
    return make_world(cast)


# --- The demo, loaded once per test module (kept apart for easy merging) ----------------------


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """`load_demo` run once for a test module, in a transaction rolled back after the module's
    last test. Each test runs in a savepoint inside it (pytest-django's `db`), so it sees the
    demo as loaded, whatever the module's other tests changed; a `load_demo` in the test finds
    the demo there and adds nothing. Users get the tests' fast password hasher."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings

    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
