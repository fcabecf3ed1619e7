import pytest

from .utils import make_world, register_test_types, unregister_test_types


@pytest.fixture(autouse=True)
def test_types():
    register_test_types()
    yield
    unregister_test_types()


@pytest.fixture
def world(db):
    return make_world()
