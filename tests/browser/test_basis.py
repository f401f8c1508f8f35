"""Decisions keep their basis, in a real browser (issue 14, point 5): on Northampton's framework the
cycle page says the Appendix 1 checklist comes first and links to it; once it is done the Cabinet
approves; a later checklist does not void the approval, a changed business case does, and the
approvals page says which change. axe-core runs on every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accord.domain.lifecycle import cycle
from accord.domain.lifecycle.models import Appointment
from accord.kernel import clock
from accord.kernel.ui.formatting import govuk_date
from tests.clock import on_day
from tests.lifecycle.test_basis import artefact, complete, move_on, proposal

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = pytest.mark.browser

CHECKLIST = "Points to consider when setting up a partnership"
APPROVAL = "Approval of the Council's participation"


def test_the_checklist_comes_first_and_a_voided_approval_says_which_change(
    settings, new_page, users, officer_person
):
    settings.ACCORD_FRAMEWORK = "northampton"
    partnership = proposal(users, officer_person, "significant")
    for target in (cycle.BUSINESS_CASE, cycle.AWAITING_APPROVAL):
        move_on(users["officer"], users["approver"], partnership, target)
    Appointment.objects.create(user=users["approver"], framework_id="northampton", role_id="cabinet")

    officer = new_page()
    sign_in(officer, "officer")
    visit(officer, f"/partnerships/{partnership.pk}/cycle/")
    approval_task = officer.locator(".govuk-task-list__item", has_text=APPROVAL)
    expect(approval_task).to_contain_text("Cannot start yet")
    expect(approval_task).to_contain_text(f"Complete these first: {CHECKLIST}.")
    approval_task.get_by_role("link", name=CHECKLIST).click()
    expect(officer.get_by_role("heading", level=1)).to_contain_text(CHECKLIST)
    assert_accessible(officer)

    approver = new_page()
    sign_in(approver, "approver")
    visit(approver, "/approvals/")
    expect(approver.get_by_role("link", name=APPROVAL)).to_have_count(0)

    complete(users["officer"], partnership, artefact("setting_up_checklist"))
    visit(approver, "/approvals/")
    approver.get_by_role("link", name=APPROVAL).click()
    assert_accessible(approver)
    approver.get_by_role("group", name="Your decision").get_by_label("Approve").check()
    approver.get_by_label("Comment").fill("The Council's participation is approved")
    approver.get_by_label("Decision reference (optional)").fill("Cabinet minute C/26/88")
    submit(approver, "Record the decision")

    # Arrangements in place are for the next stage: completing them leaves the approval standing.
    complete(users["officer"], partnership, artefact("arrangements_checklist"))
    visit(approver, f"/partnerships/{partnership.pk}/cycle/approvals/")
    decisions = approver.locator("#decisions")
    expect(decisions).to_contain_text("Cabinet minute C/26/88")
    expect(decisions).not_to_contain_text("No longer counts")

    changed = clock.today() + timedelta(days=1)
    with on_day(changed):  # the next day (the pages are read back on the reference day: sessions last)
        complete(users["officer"], partnership, artefact("evaluation"), summary="Costs revised")
    visit(approver, f"/partnerships/{partnership.pk}/cycle/approvals/")
    expect(approver.locator("#decisions")).to_contain_text(
        f"No longer counts: the business case was changed on {govuk_date(changed)} after this decision"
    )
    visit(officer, f"/partnerships/{partnership.pk}/cycle/")
    expect(officer.locator(".govuk-task-list__item", has_text=APPROVAL)).to_contain_text(
        "The Cabinet's approval of"
    )
