from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories as f


@pytest.fixture
def redditch(settings):
    """Redditch's framework: an annual App 4a review for every partnership."""
    settings.ACCORD_FRAMEWORK = "redditch"


@pytest.fixture
def partnership(own_partnership):
    """The officer's own partnership, active, in good order: the council joined a month ago (so
    nothing is overdue yet) and its agreement is in place, signed and covering every heading."""
    joined = timezone.localdate() - timedelta(days=30)
    own_partnership.start_date = joined
    own_partnership.save(update_fields=["start_date"])
    f.agreement_in_place(own_partnership, joined)
    return own_partnership


@pytest.fixture
def officer(users):
    return users["officer"]


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client
