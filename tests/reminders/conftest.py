import pytest

from tests import factories as f

from .factories import JOINED


@pytest.fixture(autouse=True)
def tracked_since_joining(request):
    """Accord has tracked the council's duties since the key partnership was joined (ADR 0021), so
    the dates these tests name are tracked whatever day the suite runs on. (Tests that commit for
    real set it up themselves, in the order their database fixtures need.)"""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        f.track_from(JOINED)
