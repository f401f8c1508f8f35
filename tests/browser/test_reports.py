"""Reports in a real browser: an administrator chooses a year, reads the annual partnerships report,
issues it with recommendations, finds it among the issued reports and downloads it as Word, Excel
and PDF; a member reads a partnership's pack. axe-core runs on every page visited."""

import pytest
from playwright.sync_api import expect

from accord.outputs.reports.models import ReportSnapshot
from tests.reports.conftest import known  # noqa: F401 - the known register, as a fixture

from .conftest import sign_in, submit, visit

pytestmark = pytest.mark.browser


def test_an_administrator_issues_the_annual_report_and_downloads_it(page, users, known):  # noqa: F811
    sign_in(page, "administrator")
    visit(page, "/reports/")
    page.get_by_role("link", name="Annual partnerships report").click()
    page.get_by_label("Period", exact=True).select_option(label="2025/26 (1 April 2025 to 31 March 2026)")
    submit(page, "Show report")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual partnerships report: 2025/26")
    down = page.get_by_role("table", name="Ratings that went down")
    expect(down).to_contain_text("Chorley Community Safety Partnership")
    expect(down).to_contain_text("Limited")

    page.get_by_role("button", name="Issue this report").click()
    page.wait_for_url("**/reports/annual/issue/**")
    visit(page, page.url)
    recommendations = page.get_by_label("Recommendations")
    expect(recommendations).to_contain_text("rated Limited or Weak")
    recommendations.fill(
        "That Audit Committee notes the report.\n\nThat CSP-01 reports its improvement plan."
    )
    submit(page, "Issue report")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Annual partnerships report: 2025/26 issued"
    )
    snapshot = ReportSnapshot.objects.get()
    expect(page.locator("main")).to_contain_text("That CSP-01 reports its improvement plan.")

    downloads = (("Word", "docx", b"PK"), ("Excel", "xlsx", b"PK"), ("PDF", "pdf", b"%PDF"))
    for label, extension, magic in downloads:
        with page.expect_download() as download:
            page.get_by_role("link", name=f"Download as {label}").click()
        assert download.value.suggested_filename.endswith(f".{extension}")
        with open(download.value.path(), "rb") as handle:
            assert handle.read(len(magic)) == magic

    page.get_by_role("link", name="Issued reports").click()
    page.wait_for_url("**/reports/issued/")
    visit(page, page.url)
    issued = page.get_by_role("table")
    expect(issued).to_contain_text("Annual partnerships report: 2025/26")
    expect(issued).to_contain_text(snapshot.issued_by_name)


def test_a_member_reads_a_partnerships_pack(page, users, known):  # noqa: F811
    sign_in(page, "member")
    visit(page, f"/partnerships/{known['safety'].pk}/")
    page.get_by_role("link", name="Pack").click()
    page.wait_for_url("**/pack/")
    visit(page, page.url)
    expect(page.get_by_role("heading", name="Partnership pack")).to_be_visible()
    expect(page.get_by_role("table", name="The partnership's record")).to_contain_text("Olive Officer")
    expect(page.get_by_role("button", name="Issue this pack")).to_have_count(0)
