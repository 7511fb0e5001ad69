import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def report_settings(settings, tmp_path):
    """The report form's tests: uploads in a temporary directory, an empty cache (the flood
    limit counts in it) before and after."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def immediate_tasks(settings):
    """Background tasks run at once, in-process (e-mail lands in the test outbox)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def load_migrated_reference_data() -> None:
    """The reference data that the data migrations load (police areas, municipalities, focus
    areas, the question bank, crime, report and EST categories), put back where it is missing."""
    from django.apps import apps

    from organisations.models import Municipality
    from organisations.reference_data import load_reference_data
    from participation.reference_data import load_report_categories
    from promises.reference_data import load_standard_focus_areas
    from situation.est.reference_data import load_est_categories
    from situation.reference_data import load_crime_categories
    from surveys.reference_data import load_question_bank

    if not Municipality.objects.exists():
        load_reference_data(apps)
        load_standard_focus_areas(apps)
    load_question_bank(apps)
    load_crime_categories(apps)
    load_report_categories(apps)
    load_est_categories(apps)


@pytest.fixture(autouse=True)
def _second_factor_given_on_test_logins(request, monkeypatch):
    """Staff logged in by `client.force_login` / `client.login` have also given the second
    factor (a real confirmed app; tests/second_factor_helpers.py), as after a real login.
    Tests of the second factor itself mark themselves `plain_login`."""
    if request.node.get_closest_marker("plain_login"):
        return
    from django.test import Client

    from tests.second_factor_helpers import verified_session

    force_login, login = verified_session(Client.force_login, Client.login)
    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "login", login)


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests (browser tests, concurrency) empty the database afterwards; put the
    reference data that migrations load back in first."""
    load_migrated_reference_data()


# --- Test isolation after transactional tests (kept apart for easy merging) -------------------
# A transactional test (TransactionTestCase, `transactional_db`, `live_server`) ends by emptying
# every table, the reference data too. Serially pytest-django runs those tests last; in parallel
# (`make test`, pytest-xdist) a worker goes on with other test files, which expect the reference
# data of the migrations. So it is put back after each transactional test.


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    names = getattr(item, "fixturenames", ())
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(names):
        return True
    cls = getattr(item, "cls", None)
    if cls is None:
        return False
    from django.test import TestCase, TransactionTestCase

    return issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    # Not after the last test (the test database is gone by then) nor where the test database
    # was never set up (a test skipped in its setup).
    database_ready = "django_db_setup" in (getattr(item, "funcargs", None) or {})
    if nextitem is not None and database_ready and _is_transactional(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            load_migrated_reference_data()
    return result
