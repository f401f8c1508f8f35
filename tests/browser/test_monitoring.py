"""Performance monitoring in a real browser: an officer records an indicator value off target, is
asked for the corrective action, and finds it in the exception report; a progress report is written
as a draft and submitted once every heading is answered. axe-core runs on every page visited."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from accord.domain.monitoring import rules
from accord.domain.monitoring.models import IndicatorValue, ProgressReport
from accord.frameworks import loader
from tests.monitoring.factories import (
    BudgetYearFactory,
    IndicatorFactory,
    MilestoneFactory,
    ProgressReportFactory,
    value_for,
)

from .conftest import sign_in, submit, visit

pytestmark = pytest.mark.browser


def test_a_value_off_target_needs_its_corrective_action_and_shows_in_the_exception_report(
    page, users, own_partnership
):
    indicator = IndicatorFactory(
        partnership=own_partnership,
        name="Calls answered within 20 seconds",
        unit="%",
        target=Decimal("90"),
        tolerance=Decimal("2"),
    )
    sign_in(page, "officer")
    pk = own_partnership.pk
    visit(page, f"/partnerships/{pk}/performance/")
    page.get_by_role("link", name="Calls answered within 20 seconds").click()
    visit(page, page.url)
    page.get_by_role("button", name="Record a value").click()
    visit(page, page.url)
    page.get_by_label("Actual (%)").fill("81")
    submit(page, "Save value")  # off target and no corrective action: refused, nothing saved
    expect(page.locator(".govuk-error-summary")).to_contain_text("enter the corrective action agreed")
    assert not IndicatorValue.objects.exists()
    page.get_by_label("Corrective action agreed").fill("Two advisers move to the phones until January")
    submit(page, "Save value")
    expect(page.locator(".govuk-notification-banner, main").first).to_contain_text("off target")
    value = IndicatorValue.objects.get(indicator=indicator)
    assert value.status == "off_target"
    visit(page, f"/partnerships/{pk}/performance/")
    expect(page.locator("#exceptions")).to_contain_text("Two advisers move to the phones")
    page.get_by_role("link", name="Read the full exception report").click()
    visit(page, page.url)
    expect(page.get_by_role("table")).to_contain_text("Calls answered within 20 seconds")
    expect(page.get_by_role("table")).to_contain_text("Two advisers move to the phones until January")


def test_a_progress_report_is_drafted_then_submitted_when_every_heading_is_answered(
    settings, page, users, own_partnership
):
    settings.ACCORD_FRAMEWORK = "redditch"
    kind = rules.progress_kind(loader.get("redditch"), "progress_report")
    sign_in(page, "officer")
    pk = own_partnership.pk
    visit(page, f"/partnerships/{pk}/progress-reports/")
    page.get_by_role("button", name="Start a partnership progress report").click()
    visit(page, page.url)
    page.locator("#id_answer_key_achievements").fill("Repeat victims down by a fifth")
    submit(page, "Save draft")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved")
    assert ProgressReport.objects.get().status == "draft"
    submit(page, "Submit report")  # headings still empty: refused with the error summary
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert ProgressReport.objects.get().status == "draft"
    for heading in kind.template.headings:
        box = page.locator(f"#id_answer_{heading.id}")
        if not box.input_value():
            box.fill(f"Our answer on {heading.id.replace('_', ' ')}")
    submit(page, "Submit report")
    expect(page.locator("main")).to_contain_text("Submitted on")
    report = ProgressReport.objects.get()
    assert report.status == "submitted"
    visit(page, f"/partnerships/{pk}/progress-reports/")
    expect(page.get_by_role("table")).to_contain_text("Submitted")


def test_the_delivery_plan_budget_and_forms_pass_axe(page, users, own_partnership):
    indicator = IndicatorFactory(partnership=own_partnership, unit="£", target=Decimal("5000"))
    value_for(indicator, date(2026, 5, 1), Decimal("5200"))
    milestone = MilestoneFactory(partnership=own_partnership, plan_year=2026)
    budget = BudgetYearFactory(
        partnership=own_partnership, actual=Decimal("52000"), explanation="Extra patrols"
    )
    report = ProgressReportFactory(
        partnership=own_partnership, status="submitted", submitted_on=date(2026, 10, 1)
    )
    sign_in(page, "officer")
    pk = own_partnership.pk
    for path in (
        f"/partnerships/{pk}/performance/",
        f"/partnerships/{pk}/delivery-plan/?year=2026",
        f"/partnerships/{pk}/delivery-plan/new/",
        f"/partnerships/{pk}/delivery-plan/{milestone.pk}/edit/",
        f"/partnerships/{pk}/budget/new/",
        f"/partnerships/{pk}/budget/{budget.pk}/edit/",
        f"/partnerships/{pk}/indicators/new/",
        f"/partnerships/{pk}/indicators/{indicator.pk}/edit/",
        f"/partnerships/{pk}/progress-reports/{report.pk}/",
    ):
        visit(page, path)
    visit(page, f"/partnerships/{pk}/performance/")
    expect(page.locator("#budget")).to_contain_text("Over budget")
