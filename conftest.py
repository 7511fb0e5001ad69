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


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests (browser tests, concurrency) empty the database afterwards; put the
    reference data that migrations load back in first."""
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
