import pytest

from tests import factories as f


@pytest.fixture
def lists(db):
    """The council and its reference lists, as a register has them before anything is imported."""
    f.council()
    f.PartnershipTypeFactory(name="Public sector strategic")
    f.PartnershipTypeFactory(name="Voluntary sector delivery")
    f.DirectorateFactory(code="COMM", name="Communities")
    f.DirectorateFactory(code="PLACE", name="Place")


@pytest.fixture
def admin(lists):
    return f.make_user("administrator")
