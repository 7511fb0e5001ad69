import pytest

from tests.factories import make_cast, make_world


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture
def world(cast):
    return make_world(cast)
