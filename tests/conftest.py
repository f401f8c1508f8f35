import pytest

from tests import factories as f
from tests.clock import reference_clock  # noqa: F401 (an autouse fixture: every test runs on a set day)


@pytest.fixture
def council(db):
    return f.council()


@pytest.fixture
def officer_person(council):
    return f.PersonFactory(name="Olive Officer", email="olive.officer@chorley.example.gov.uk")


@pytest.fixture
def users(db, officer_person):
    """One signed-in user for each role; the officer holds a role on `own_partnership`, the partner's
    organisation is a member of `partner_partnership`."""
    partner_org = f.OrganisationFactory(name="Lancashire Constabulary", org_id="GB-GOR-PB123")
    return {
        "administrator": f.make_user("administrator"),
        "officer": f.make_user("officer", person=officer_person),
        "approver": f.make_user("approver"),
        "member": f.make_user("member"),
        "auditor": f.make_user("auditor"),
        "partner": f.make_user("partner", organisation=partner_org),
    }


@pytest.fixture
def own_partnership(users, officer_person):
    partnership = f.PartnershipFactory(name="Chorley Community Safety Partnership", reference="CSP-01")
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.MembershipFactory(partnership=partnership, organisation=users["partner"].organisation)
    return partnership


@pytest.fixture
def other_partnership(users):
    return f.PartnershipFactory(name="Lancashire Waste Partnership", reference="WASTE-01")
