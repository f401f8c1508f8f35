"""The API reads and changes a partnership's sub-type, refusing one its type does not have."""

import pytest

from accord.register.models import Partnership
from tests import factories as f

BY_LAW = "Partnership permitted, required or encouraged by law"


@pytest.fixture
def bury_partnership(settings, own_partnership):
    settings.ACCORD_FRAMEWORK = "bury"
    Partnership.objects.filter(pk=own_partnership.pk).update(
        partnership_type=f.PartnershipTypeFactory(name=BY_LAW)
    )
    own_partnership.refresh_from_db()
    return own_partnership


@pytest.mark.django_db
def test_the_api_reads_and_changes_the_sub_type(bury_partnership, api_as):
    api = api_as("administrator")
    read_back = api.get(f"partnerships/{bury_partnership.pk}").json()
    assert read_back["subtype"] == ""
    changed = api.patch(
        f"partnerships/{bury_partnership.pk}", {"version": read_back["version"], "subtype": "formal_forum"}
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["subtype"] == "formal_forum"
    refused = api.patch(
        f"partnerships/{bury_partnership.pk}",
        {"version": changed.json()["version"], "subtype": "pfi_project"},
    )
    assert refused.status_code == 422
    bury_partnership.refresh_from_db()
    assert bury_partnership.subtype == "formal_forum"
