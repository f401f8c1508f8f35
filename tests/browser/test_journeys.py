"""The register's main journeys in a real browser, each page checked with axe-core."""

import pytest
from playwright.sync_api import expect

from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership
from tests import factories as f

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register(users, own_partnership, other_partnership):
    f.PartnershipTypeFactory(name="Joint committee")
    f.PartnershipFactory(
        name="Chorley Health and Wellbeing Board",
        reference="HWB-01",
        status="proposed",
        themes="Health; wellbeing",
    )
    f.OrganisationFactory(name="Chorley Community Housing", org_id="GB-COH-01234567")
    f.PersonFactory(name="Councillor Alan Whittaker", job_title="Councillor", kind="member")
    return own_partnership


def test_sign_in_then_find_a_partnership_by_search_and_filter(page, register):
    sign_in(page, "member")
    expect(page.get_by_role("heading", level=1)).to_contain_text("member")
    visit(page, "/partnerships/")
    expect(page.get_by_role("table")).to_contain_text("Lancashire Waste Partnership")
    page.get_by_label("Search", exact=True).fill("safety")
    submit(page, "Apply filters")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Chorley Community Safety Partnership")
    expect(table).not_to_contain_text("Lancashire Waste Partnership")
    page.get_by_label("Search", exact=True).fill("")
    page.get_by_label("Status").select_option(label="Proposed")
    submit(page, "Apply filters")
    expect(page.get_by_role("table")).to_contain_text("Chorley Health and Wellbeing Board")
    expect(page.get_by_role("table")).not_to_contain_text("Chorley Community Safety Partnership")
    expect(page.get_by_text("Filtered by:")).to_be_visible()
    page.get_by_role("link", name="Chorley Health and Wellbeing Board").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chorley Health and Wellbeing Board")
    assert_accessible(page)


def test_bad_input_is_explained_and_the_error_summary_links_to_the_field(page, register):
    sign_in(page, "officer")
    visit(page, "/partnerships/new/")
    page.get_by_label("Name").fill("x" * 201)
    submit(page, "Add to the register")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Name must be 200 characters or fewer")
    summary.get_by_role("link", name="Select type").click()
    expect(page.locator("#id_partnership_type")).to_be_focused()
    assert page.title().startswith("Error:")
    assert not Partnership.objects.filter(name="x" * 201).exists()


def test_an_officer_adds_a_partnership_with_a_member_and_a_representative_then_edits_it(page, register):
    sign_in(page, "officer")
    visit(page, "/")
    page.get_by_role("button", name="Add a partnership").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Chorley Youth Partnership")
    page.get_by_label("Reference").fill("yp-01")
    page.get_by_label("Description").fill("Brings youth services together across Chorley.")
    page.get_by_role("combobox", name="Type").select_option(label="Joint committee with other authorities")
    page.get_by_role("group", name="Statutory status").get_by_label("Non-statutory").check()
    page.get_by_role("group", name="Legal status").get_by_label("Unincorporated").check()
    page.get_by_role("combobox", name="Lead organisation").select_option(label="Chorley Council")
    page.get_by_role("group", name="The council's role").get_by_label("Lead organisation").check()
    page.get_by_label("Lead directorate or service").select_option(index=1)
    page.get_by_role("group", name="Is this a new proposal or an existing partnership?").get_by_label(
        "A new proposal"
    ).check()
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2026")
    # Proposing asks the framework's significance questions (one answered yes puts it in the top tier).
    tests = [t for tier in loader.current().significance.tiers for t in tier.tests if t.question]
    for test in tests:
        group = page.get_by_role("group", name=test.question)
        group.get_by_label("Yes" if test is tests[0] else "No", exact=True).check()
    submit(page, "Add to the register")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chorley Youth Partnership")
    expect(page.get_by_text("Partnership added to the register")).to_be_visible()
    expect(page.locator("#significance")).to_contain_text(loader.current().significance.tiers[0].name)
    expect(page.locator("#members")).to_contain_text("Chorley Council")

    page.get_by_role("link", name="Add a member organisation").click()
    assert_accessible(page)
    page.get_by_role("combobox", name="Organisation").select_option(label="Chorley Community Housing")
    page.get_by_role("group", name="Role").get_by_label("Member").check()
    submit(page, "Save")
    expect(page.locator("#members")).to_contain_text("Chorley Community Housing")

    page.get_by_role("link", name="Add a person's role").click()
    page.get_by_role("combobox", name="Person").select_option(label="Councillor Alan Whittaker (Councillor)")
    page.get_by_role("combobox", name="Role").select_option(label="Council representative")
    submit(page, "Save")
    expect(page.locator("#people")).to_contain_text("Councillor Alan Whittaker")
    expect(page.locator("#people")).to_contain_text("Council representative")

    page.get_by_role("link", name="Change about the partnership").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Chorley Youth and Families Partnership")
    submit(page, "Save changes")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chorley Youth and Families Partnership")

    page.get_by_role("link", name="History").click()
    assert_accessible(page)
    history = page.get_by_role("table")
    expect(history).to_contain_text("Chorley Youth Partnership")
    expect(history).to_contain_text("Chorley Youth and Families Partnership")
    expect(history).to_contain_text("Chorley Community Housing")
    partnership = Partnership.objects.get(reference="YP-01")
    assert AuditEvent.objects.filter(partnership=partnership).count() >= 5


def test_two_editors_the_second_save_is_refused_and_shown_what_changed(new_page, register):
    first, second = new_page(), new_page()
    sign_in(first, "officer")
    sign_in(second, "administrator")
    url = f"/partnerships/{register.pk}/change/about/"
    visit(first, url)
    visit(second, url)
    first.get_by_label("Name").fill("Chorley Safer Communities Partnership")
    submit(first, "Save changes")
    second.get_by_label("Name").fill("Chorley Crime Reduction Partnership")
    submit(second, "Save changes")
    summary = second.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Someone else changed this record while you were editing it")
    expect(summary).to_contain_text("Chorley Safer Communities Partnership")
    register.refresh_from_db()
    assert register.name == "Chorley Safer Communities Partnership"
    expect(second.get_by_label("Name")).to_have_value("Chorley Crime Reduction Partnership")


def test_every_other_page_is_accessible(page, users, register):
    sign_in(page, "administrator")
    organisation = users["partner"].organisation
    person = register.roles.first().person
    for path in [
        "/",
        f"/partnerships/{register.pk}/",
        f"/partnerships/{register.pk}/history/",
        f"/partnerships/{register.pk}/change/governance/",
        f"/partnerships/{register.pk}/change/dates/",
        f"/partnerships/{register.pk}/change/publication/",
        f"/partnerships/{register.pk}/contributions/add/",
        f"/partnerships/{register.pk}/priorities/add/",
        f"/partnerships/{register.pk}/members/{register.memberships.first().pk}/remove/",
        "/organisations/",
        f"/organisations/{organisation.pk}/",
        f"/organisations/{organisation.pk}/change/",
        f"/organisations/{organisation.pk}/history/",
        "/organisations/new/",
        "/people/",
        f"/people/{person.pk}/",
        f"/people/{person.pk}/change/",
        "/people/new/",
        "/settings/",
        "/settings/directorates/",
        "/settings/types/",
        "/settings/priorities/new/",
        "/accessibility/",
        "/partnerships/999999/",
    ]:
        visit(page, path)
    visit(page, f"/partnerships/{register.pk}/contributions/add/")
    page.get_by_label("Amount (£)").fill("-5")
    submit(page, "Save")
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be £0 or more")


def test_sign_in_errors_and_denied_pages_are_accessible(page, users, register):
    visit(page, "/sign-in/")
    submit(page, "Sign in")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your username or email address")
    sign_in(page, "partner")
    visit(page, "/organisations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have permission to do that")
