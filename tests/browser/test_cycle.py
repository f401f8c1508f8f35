"""The partnership cycle in a real browser: an approver refuses then approves, the committee report
and draft MoU download as Word, and a partnership is left and closed. axe-core runs on every page."""

import pytest
from playwright.sync_api import expect

from accord.domain.lifecycle import recording
from accord.domain.lifecycle.models import Appointment, Transition
from accord.register.models import Partnership
from tests import factories as f

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def proposal(users, officer_person):
    """A key partnership (Chorley's framework) proposed by the officer, with its business case written."""
    partnership = f.PartnershipFactory(
        name="Chorley Youth Zone", reference="YZ-01", status="proposed", is_key_partnership=True
    )
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.MembershipFactory(partnership=partnership, organisation=users["partner"].organisation)
    recording.save_record(
        users["officer"],
        partnership,
        "business_case",
        kind="business_case",
        title="Business case",
        complete=True,
        answers={"sections": {"impact_on_priorities": {"answer": "Give young people somewhere safe to go"}}},
    )
    Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id="executive_cabinet")
    return partnership


def move(page, partnership, button: str, reason: str = "", reference: str = ""):
    visit(page, f"/partnerships/{partnership.pk}/cycle/")
    page.get_by_role("button", name=button, exact=True).click()
    assert_accessible(page)
    if reason:
        page.get_by_label("Reason for this decision").fill(reason)
    if reference:
        page.get_by_label("Decision reference", exact=True).fill(reference)
    submit(page, button)
    expect(page.get_by_role("heading", level=1)).to_have_text(partnership.name)


def decide(page, partnership, outcome: str, comment: str):
    visit(page, "/approvals/")
    page.get_by_role("link", name="Executive Cabinet approval").click()
    assert_accessible(page)
    page.get_by_role("group", name="Your decision").get_by_label(outcome).check()
    page.get_by_label("Comment").fill(comment)
    page.get_by_label("Decision reference (optional)").fill("Executive Cabinet minute 23/45")
    submit(page, "Record the decision")


def test_an_approver_refuses_then_approves_and_the_documents_download(new_page, users, proposal):
    officer = new_page()
    sign_in(officer, "officer")
    move(officer, proposal, "Start the business case")
    move(officer, proposal, "Report the proposal to Executive Cabinet")  # Chorley's words
    proposal.refresh_from_db()
    assert proposal.status == "awaiting_approval"

    # The gate into agreement is refused while the Executive Cabinet has not approved.
    visit(officer, f"/partnerships/{proposal.pk}/cycle/move/agreement/")
    expect(officer.locator(".govuk-error-summary")).to_contain_text("needs approval by the Executive Cabinet")

    approver = new_page()
    sign_in(approver, "approver")
    visit(approver, f"/partnerships/{proposal.pk}/cycle/approvals/")
    expect(approver.locator("main")).to_contain_text("Give young people somewhere safe to go")
    decide(approver, proposal, "Refuse", "The risks to the council are not assessed")
    proposal.refresh_from_db()
    assert proposal.status == "business_case"  # sent back with the reasons
    visit(officer, f"/partnerships/{proposal.pk}/cycle/")
    expect(officer.locator("main")).to_contain_text("The risks to the council are not assessed")

    move(officer, proposal, "Report the proposal to Executive Cabinet")  # Chorley's words
    decide(approver, proposal, "Approve", "Risks now assessed; content to proceed")
    move(officer, proposal, "Record the approval to take part", reference="Executive Cabinet minute 23/45")
    proposal.refresh_from_db()
    assert proposal.status == "agreement"
    moves = list(Transition.objects.filter(partnership=proposal).values_list("to_status", flat=True))
    assert moves == ["business_case", "awaiting_approval", "business_case", "awaiting_approval", "agreement"]

    visit(officer, f"/partnerships/{proposal.pk}/cycle/")
    for link, name in (
        ("Committee report", "committee-report"),
        ("Draft memorandum of understanding", "draft-mou"),
    ):
        with officer.expect_download() as download:
            officer.get_by_role("link", name=link).click()
        assert download.value.suggested_filename == f"YZ-01-{name}.docx"
        with open(download.value.path(), "rb") as handle:
            assert handle.read(2) == b"PK"


def test_an_officer_takes_a_partnership_through_leaving_to_closed(page, users, own_partnership):
    sign_in(page, "officer")
    visit(page, f"/partnerships/{own_partnership.pk}/cycle/leaving/")
    decided = page.get_by_role("group", name="Date the decision was made")
    decided.get_by_label("Day").fill("2")
    decided.get_by_label("Month").fill("11")
    decided.get_by_label("Year").fill("2026")
    page.get_by_label("Who made the decision").fill("Executive")
    page.get_by_label("Authority or decision reference").fill("Executive minute 45/2026")
    # Chorley's framework lists no reasons for leaving: the reason is given in words (ADR 0030)
    page.get_by_label("Why is the council's involvement ending?").fill("Its aims are met")
    page.get_by_role("group", name="Is this a planned or unplanned end?").get_by_role("radio").first.check()
    page.get_by_role("group", name="Will the partnership continue without the council?").get_by_role(
        "radio"
    ).first.check()
    submit(page, "Save the decision")
    expect(page.locator("main")).to_contain_text("The decision to leave is recorded")

    move(
        page, own_partnership, "Record the decision to leave", "Its aims are met", "Executive minute 45/2026"
    )
    own_partnership.refresh_from_db()
    assert own_partnership.status == "leaving"

    # Chorley's framework has no leaving form (Redditch's App 5 is Redditch's own, ADR 0027): none is
    # offered, and its address is not found.
    visit(page, f"/partnerships/{own_partnership.pk}/cycle/")
    expect(page.locator("main")).not_to_contain_text("Leaving form")
    response = page.request.get(
        f"{page.url.split('/partnerships/')[0]}/partnerships/{own_partnership.pk}/cycle/leaving/form/"
    )
    assert response.status == 404

    move(page, own_partnership, "Close the partnership", "Left as decided; all obligations ended")
    own_partnership.refresh_from_db()
    assert own_partnership.status == "closed"
    visit(page, f"/partnerships/{own_partnership.pk}/")
    expect(page.locator("main")).to_contain_text(
        "Its record and history are kept, but can no longer be changed"
    )
    expect(page.get_by_role("link", name="Change")).to_have_count(0)
    assert Partnership.objects.get(pk=own_partnership.pk).is_finished


def test_the_cycles_other_pages_are_accessible(page, users, proposal):
    from accord.domain.lifecycle.models import Agreement, Consultee

    Consultee.objects.create(
        partnership=proposal,
        department="Legal Services",
        key_areas="The agreement",
        officer_name="Lena Law",
        officer_position="Solicitor",
        advice="Add a termination clause",
        followed=False,
        why_not_followed="The partners agreed a notice period instead",
    )
    Agreement.objects.create(partnership=proposal, document_type="mou", title="Youth Zone MoU")
    sign_in(page, "administrator")
    pk = proposal.pk
    for path in [
        f"/partnerships/{pk}/cycle/",
        f"/partnerships/{pk}/cycle/business-case/",
        f"/partnerships/{pk}/cycle/sign-off/",
        f"/partnerships/{pk}/cycle/sign-off/add/",
        f"/partnerships/{pk}/cycle/agreement/",
        f"/partnerships/{pk}/cycle/agreement/coverage/",
        f"/partnerships/{pk}/cycle/agreement/signatories/add/",
        f"/partnerships/{pk}/cycle/records/data_quality_charter/",
        f"/partnerships/{pk}/cycle/approvals/",
        f"/partnerships/{pk}/cycle/files/agreement/add/",
        f"/partnerships/{pk}/cycle/retrospective/",
        f"/partnerships/{pk}/cycle/move/withdrawn/",
        "/settings/appointments/",
        "/approvals/",
    ]:
        visit(page, path)
    visit(page, f"/partnerships/{pk}/cycle/sign-off/")
    expect(page.locator("main")).to_contain_text("The partners agreed a notice period instead")
    visit(page, f"/partnerships/{pk}/cycle/move/withdrawn/")
    submit(page, "Withdraw the proposal")  # no reason: refused, nothing changes
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reason for this decision")
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


def test_an_administrator_overrides_a_not_a_partnership_result_with_a_reason(new_page, users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    officer = new_page()
    sign_in(officer, "officer")
    visit(officer, f"/partnerships/{proposal.pk}/cycle/")
    expect(officer.locator("main")).to_contain_text("found this is not a partnership")
    visit(officer, f"/partnerships/{proposal.pk}/cycle/move/business_case/")
    expect(officer.locator(".govuk-error-summary")).to_contain_text(
        "Is it a partnership?: the answers say it is not a partnership"
    )
    expect(officer.get_by_role("link", name="Override this requirement")).to_have_count(0)

    admin = new_page()
    sign_in(admin, "administrator")
    visit(admin, f"/partnerships/{proposal.pk}/cycle/move/business_case/")
    admin.get_by_role("link", name="Override this requirement").click()
    assert_accessible(admin)
    submit(admin, "Override this requirement")  # no reason: refused, linked to the field
    summary = admin.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the reason for overriding this requirement")
    summary.get_by_role("link", name="Enter the reason for overriding this requirement").click()
    expect(admin.get_by_label("Why may the partnership move on without it?")).to_be_focused()
    admin.get_by_label("Why may the partnership move on without it?").fill("Cabinet minute C/26/90")
    submit(admin, "Override this requirement")
    expect(admin.get_by_role("heading", level=1)).to_have_text("Start the business case")
    expect(admin.locator("main")).to_contain_text("Overridden by")
    assert_accessible(admin)

    move(officer, proposal, "Start the business case")
    proposal.refresh_from_db()
    assert proposal.status == "business_case"
    visit(officer, f"/partnerships/{proposal.pk}/")
    expect(officer.locator("#gate-overrides")).to_contain_text("Cabinet minute C/26/90")
    assert_accessible(officer)
