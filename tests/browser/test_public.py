"""Browser journeys on the published register: a member of the public, not signed in, finds a
partnership and reads how to complain; the open data page and the accessibility statement."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests import factories as f
from tests.browser.conftest import assert_accessible, submit, visit
from tests.monitoring.factories import ProgressReportFactory

pytestmark = pytest.mark.browser


def published_register():
    f.council()
    constabulary = f.OrganisationFactory(name="Lancashire Constabulary", org_id="GB-GOR-PB123")
    safety = f.PartnershipFactory(
        name="Chorley Community Safety Partnership",
        reference="CSP-01",
        purpose="To reduce crime and disorder in the borough",
        themes="Community safety",
        lead_organisation=constabulary,
        council_role="member",
        governance_summary="A board of the responsible authorities meets quarterly in public.",
        accountable_to="Lancashire Police and Crime Panel",
        complaints_procedure="Write to the partnership manager at the Town Hall, Chorley.",
        complaints_url="https://example.org/complaints",
        is_published=True,
    )
    f.MembershipFactory(partnership=safety, organisation=constabulary, role="lead")
    f.RoleFactory(
        partnership=safety,
        person=f.PersonFactory(name="Councillor Alistair Bradley"),
        role="council_representative",
    )
    f.ContributionFactory(partnership=safety, year=2025, amount=15000)
    ProgressReportFactory(
        partnership=safety,
        status="submitted",
        is_published=True,
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        submitted_on=date(2026, 4, 20),
        headings=[{"id": "achievements", "text": "Key achievements from X to X"}],
        answers={"achievements": "Anti-social behaviour fell by a fifth"},
    )
    for n in range(24):
        f.PartnershipFactory(name=f"Other Partnership {n:02d}", is_published=True)
    f.PartnershipFactory(name="Secret Proposal", status="proposed", is_published=True)
    return safety


def test_a_member_of_the_public_finds_a_partnership_and_reads_how_to_complain(page):
    published_register()
    visit(page, "/public/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Partnerships")
    expect(page.get_by_role("link", name="Sign out")).to_have_count(0)
    page.get_by_label("Search", exact=True).fill("community safety")
    submit(page, "Search")
    expect(page.get_by_text("1 partnership found")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Chorley Community Safety Partnership").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Chorley Community Safety Partnership")
    expect(page.get_by_text("Councillor Alistair Bradley")).to_be_visible()
    expect(page.get_by_text("Anti-social behaviour fell by a fifth")).to_be_visible()
    complaints = page.get_by_role("heading", name="How to complain or seek redress")
    expect(complaints).to_be_visible()
    expect(page.get_by_text("Write to the partnership manager at the Town Hall, Chorley.")).to_be_visible()
    expect(
        page.get_by_role(
            "link", name="Read the complaints procedure for Chorley Community Safety Partnership"
        )
    ).to_have_attribute("href", "https://example.org/complaints")


def test_the_public_browses_filters_and_pages_through_the_register(page):
    published_register()
    visit(page, "/public/")
    expect(page.get_by_text("25 partnerships found — page 1 of 2")).to_be_visible()
    expect(page.get_by_text("Secret Proposal")).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("navigation", name="Pages of results").get_by_role("link", name="Next").click()
    assert_accessible(page)
    page.get_by_label("The council's role").select_option("member")
    submit(page, "Search")
    expect(page.get_by_text("1 partnership found")).to_be_visible()
    page.get_by_label("Search", exact=True).fill("nothing-matches-this")
    submit(page, "Search")
    expect(page.get_by_role("heading", name="No partnerships found")).to_be_visible()


def test_a_wrong_filter_is_explained_in_an_error_summary(page):
    published_register()
    visit(page, "/public/?contribution_above=lots")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def test_the_open_data_page_and_accessibility_statement_are_reachable_from_the_public_pages(page):
    published_register()
    visit(page, "/public/")
    with page.expect_navigation():
        page.get_by_role("navigation", name="Published register").get_by_role(
            "link", name="Open data"
        ).click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data: the published register")
    expect(page.get_by_role("link", name="Open Government Licence v3.0").first).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Accessibility statement").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accessibility statement")
    expect(page.get_by_role("heading", name="Enforcement procedure")).to_be_visible()


def test_a_partnership_without_its_own_procedure_points_to_the_councils(page):
    f.council()
    partnership = f.PartnershipFactory(name="Astley Park Friends Forum", is_published=True)
    visit(page, f"/public/partnerships/{partnership.reference}/")
    expect(page.get_by_text("has not published a complaints procedure of its own")).to_be_visible()
