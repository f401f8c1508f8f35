"""The framework in the browser: the "Is it a partnership?" flow and the compliance dashboard."""

import pytest
from playwright.sync_api import expect

from accord.frameworks import loader
from accord.frameworks.models import Classification

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_finds_out_whether_an_arrangement_is_a_partnership(page, users):
    framework = loader.current()
    sign_in(page, "officer")
    page.get_by_role("link", name="Is it a partnership?").click()
    assert_accessible(page)
    page.get_by_label("What is the arrangement called?").fill("Chorley Youth Forum")
    submit(page, "Start")
    submit(page, "Continue")  # no answer: an error, linked to the radios
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select yes or no")
    questions = [*framework.definition.criteria, *framework.definition.exclusions]
    for question in questions:
        expect(page.get_by_role("heading", level=1)).to_contain_text(question.text[:40])
        page.get_by_label("Yes" if question in framework.definition.criteria else "No", exact=True).check()
        submit(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    submit(page, "Confirm and see the result")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chorley Youth Forum is a partnership")
    expect(page.get_by_text(framework.cite_text(framework.definition.cite)).first).to_be_visible()
    assert Classification.objects.get().is_partnership


def test_the_compliance_dashboard_drills_down_to_partnerships(page, users, own_partnership, settings):
    own_partnership.start_date = "2020-01-01"
    own_partnership.save()
    sign_in(page, "auditor")
    visit(page, "/compliance/")
    framework = loader.current()
    expect(page.get_by_role("table").first).to_contain_text(framework.obligations[0].name[:30])
    link = page.locator("table a").first
    link.click()
    assert_accessible(page)
    expect(page.locator("#drill-down")).to_be_visible()
    expect(page.get_by_role("link", name="Chorley Community Safety Partnership")).to_be_visible()
    page.get_by_label("Tier").select_option(index=1)
    submit(page, "Apply filters")


def test_significance_and_obligations_on_the_partnership_page_are_accessible(page, users, own_partnership):
    own_partnership.start_date = "2021-06-01"
    own_partnership.save()
    sign_in(page, "administrator")
    visit(page, f"/partnerships/{own_partnership.pk}/")
    expect(page.get_by_role("heading", name="What this partnership needs")).to_be_visible()
    page.get_by_role("link", name="Answer the significance questions").click()
    assert_accessible(page)
    for radio in page.get_by_label("No", exact=True).all():
        radio.check()
    submit(page, "Save and assess")
    page.get_by_role("link", name="Override the tier").click()
    assert_accessible(page)
    page.get_by_label("Why are you overriding the assessed tier?").fill("Executive Cabinet minute 23/45")
    submit(page, "Override the tier")
    expect(page.locator("#significance")).to_contain_text("Executive Cabinet minute 23/45")
