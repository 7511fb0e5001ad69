import pytest
from django.core.cache import cache

from tests.factories import make_cast, make_world


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture
def world(cast):
    return make_world(cast)


@pytest.fixture
def report_settings(settings, tmp_path):
    """The report form's tests: uploads in a temporary directory, an empty cache (the flood
    limit counts in it) before and after."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield settings
    cache.clear()
