"""The committee reports Chorley's and Central Bedfordshire's frameworks declare (issue 17, ADR 0032),
in a real browser: under each framework an administrator finds each report on the reports page,
reads it for a period of the known register, opens its issue page and issues it. axe-core runs on
the report's page, its issue page and the issued report."""

import pytest
from playwright.sync_api import expect

from accord.frameworks import loader
from accord.frameworks.schema import REPORT_BLOCKS
from accord.outputs.reports import periods
from tests.reports.conftest import known, performance  # noqa: F401 - the known register, as fixtures
from tests.reports.test_declared_formats import PERIOD
from tests.reports.test_every_block_formats import EVERYTHING, own_framework  # noqa: F401 - a fixture

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = pytest.mark.browser

DECLARED = [
    (framework_id, spec.id)
    for framework_id in ("chorley", "central_bedfordshire")
    for spec in loader.get(framework_id).reports
]


@pytest.mark.parametrize(("framework_id", "report_id"), DECLARED, ids=["/".join(d) for d in DECLARED])
def test_each_declared_report_and_its_issue_page_are_accessible(
    page,
    users,
    performance,  # noqa: F811
    settings,
    framework_id,
    report_id,
):
    settings.ACCORD_FRAMEWORK = framework_id
    spec = next(s for s in loader.get(framework_id).reports if s.id == report_id)
    sign_in(page, "administrator")
    visit(page, "/reports/")
    page.get_by_role("link", name=spec.title, exact=True).click()
    page.wait_for_url(f"**/reports/{report_id}/")
    assert_accessible(page)

    visit(page, f"/reports/{report_id}/?period={PERIOD[spec.cadence]}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(spec.title)
    for section in spec.sections:
        expect(page.get_by_role("heading", level=2, name=section.heading, exact=True)).to_be_visible()

    page.get_by_role("button", name="Issue this report").click()
    page.wait_for_url(f"**/reports/{report_id}/issue/**")
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(spec.title.lower())
    submit(page, "Issue report")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"{spec.title}")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("issued")


def test_a_report_showing_every_block_is_accessible(page, users, performance, own_framework):  # noqa: F811
    """A council's own report with a section per block (tests/reports/test_every_block_formats)."""
    sign_in(page, "administrator")
    visit(page, f"/reports/{EVERYTHING}/?period={periods.TWELVE_MONTHS}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Every block report")
    assert page.get_by_role("table").count() > len(REPORT_BLOCKS) // 2
    # one block twice: its scrolling regions are told apart by their sections
    names = page.locator("main [role=region]").evaluate_all(
        "all => all.map(e => e.getAttribute('aria-label'))"
    )
    assert len(set(names)) == len(names), names
    assert {
        "Indicators against target – The indicators block",
        "Indicators against target – Indicators again",
    } <= set(names)


def test_the_rulebook_lists_a_report_showing_every_block_accessibly(page, users, own_framework):  # noqa: F811
    sign_in(page, "auditor")
    visit(page, "/rulebook/reports/")
    expect(page.locator("main")).to_contain_text("Every block report")
