"""Northampton's Partnership Protocol, walked in a real browser: one significant partnership from
proposal to closed (issue 14, "Done when").

The officer proposes it on "Add a partnership" (answering whether it is material in its service
delivery), takes "Is it a partnership?" for it, evaluates the risks and rewards before entering, the
Section 151 Officer, Cabinet and Chief Executive decide, Appendix 1's points are considered, the written
agreement is checked against its main components, a sponsoring officer is named under People and roles,
a risk is scored on the Risks tab, it becomes active, its action plans are refreshed and it is reviewed
("continue or withdraw"), the agreement to withdraw is recorded with its exit strategy, and it closes.
At each step the record shows the duties the protocol sets, dated from the events ADR 0021 names;
each side door is refused or needs an administrator's recorded override. axe-core runs on every page.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accord.domain.lifecycle.models import Appointment
from accord.kernel import clock
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day

from .conftest import assert_accessible, submit, visit
from .journey import fill_date, move, override, refused_move
from .journey_steps import (
    answer_and_complete,
    answer_every_question,
    assert_due,
    decide,
    duties,
    govuk,
    months_after,
    propose,
    signed_in,
    take_the_test,
)

pytestmark = pytest.mark.browser

NAME = "Northampton Town Centre Partnership"
REVIEW = "Annual review of the partnership"
ACTION_PLANS = "Action plans reviewed and refreshed"
APPROVER_ROLES = ("section_151_officer", "cabinet", "chief_executive", "monitoring_officer")
COMPONENTS = 5  # the written agreement's main components (Appendix 1)


@pytest.fixture
def northampton(settings, users):
    settings.ACCORD_FRAMEWORK = "northampton"
    f.PartnershipTypeFactory(name="Public sector delivery")
    f.DirectorateFactory(code="COMM", name="Communities")
    f.PersonFactory(name="Hana Head", job_title="Head of Town Centre Services")
    for role_id in APPROVER_ROLES:
        Appointment.objects.create(user=users["approver"], framework_id="northampton", role_id=role_id)


def status_of(pk: int) -> str:
    return Partnership.objects.get(pk=pk).status


def test_a_significant_partnership_from_proposal_to_closed(new_page, users, northampton, officer_person):
    proposed = clock.today()
    f.track_from(proposed)  # Accord went live the day the partnership was proposed
    officer = signed_in(new_page, "officer")

    # Proposing asks the significance question: material in the level or nature of its service delivery.
    pk = propose(
        officer,
        name=NAME,
        reference="NTC-01",
        type_name="Partnership",  # Northampton has one type; a public sector delivery one counts as it
        start=months_after(proposed, -3),  # typed, "when it began": no duty is counted from it
        significance={"Is the partnership material": "Yes"},
    )
    expect(officer.locator("#significance")).to_contain_text("Significant partnership")

    # Side door: a partnership whose significance was never assessed cannot move on at all (ADR 0022).
    unassessed = f.PartnershipFactory(
        name="Northampton Benchmarking Group", status="proposed", assessed=False
    )
    f.RoleFactory(partnership=unassessed, person=officer_person, role="lead_officer")
    assert "Significance: not assessed yet" in refused_move(officer, unassessed.pk, "business_case")
    assert status_of(unassessed.pk) == "proposed"

    # Side door (the finding in issue 14): the test says it is a contract for services, not a
    # partnership ("What is a partnership?"), so it cannot start its evaluation without an override.
    assert "Is it a partnership?: not answered yet" in refused_move(officer, pk, "business_case")
    result = take_the_test(
        officer,
        pk,
        yes={"Does the arrangement", "Do the Council", "Will those actions", "Is this an arrangement"},
    )
    assert "not a partnership" in result.lower()
    summary = refused_move(officer, pk, "business_case")
    assert "Is it a partnership?: the answers say it is not a partnership" in summary
    expect(officer.get_by_role("link", name="Override this requirement")).to_have_count(0)
    # Nor can it be recorded as an existing partnership, active since before Accord: that passes every
    # gate on someone's word, so only an administrator may, and not for this one (ADR 0022).
    assert officer.goto(f"/partnerships/{pk}/cycle/retrospective/").status == 403
    admin = signed_in(new_page, "administrator")
    visit(admin, f"/partnerships/{pk}/cycle/retrospective/")
    admin.get_by_label("Active: approved and working").check()
    admin.get_by_label("How did it get there?").fill("Approved by Cabinet in 2024")
    fill_date(admin, "Date of that decision", months_after(proposed, -3))
    submit(admin, "Record it")
    expect(admin.locator(".govuk-error-summary")).to_contain_text(
        "The “Is it a partnership?” test found this is not a partnership"
    )
    assert status_of(pk) == "proposed"
    reason = "Cabinet agreed the partners share the town centre programme's delivery (minute C/27/12)"
    override(admin, pk, "business_case", "is_a_partnership", reason)
    move(officer, pk, "Start the business case")
    assert status_of(pk) == "business_case"
    visit(officer, f"/partnerships/{pk}/")
    expect(officer.locator("#gate-overrides")).to_contain_text(f"on {govuk(proposed)}: {reason}")
    expect(officer.locator("#classification")).to_contain_text("Not a partnership")

    # Side door: skipping the gate into approval before the evaluation is done. Refused, nothing changes.
    summary = refused_move(officer, pk, "awaiting_approval")
    assert "Evaluation before entering (risks, rewards and ability to contribute): not done yet" in summary
    assert "needs approval by the Section 151 Officer" in summary
    assert status_of(pk) == "business_case"

    # The evaluation ("risks and rewards to the Council and local communities"), part by part.
    # Northampton's own evaluation is its two question banks; Redditch's App 2a parts are not asked.
    visit(officer, f"/partnerships/{pk}/cycle/business-case/")
    expect(officer.locator("main")).not_to_contain_text("Nature of the business case")
    visit(officer, f"/partnerships/{pk}/cycle/business-case/nature/")
    expect(officer.get_by_role("heading", level=1)).to_have_text("Page not found")
    visit(officer, f"/partnerships/{pk}/cycle/business-case/tests/")
    answer_and_complete(officer, "Yes")
    approver = signed_in(new_page, "approver")
    decide(approver, pk, "evaluation", "section_151_officer", "The risks have been fully appraised")
    move(officer, pk, "Submit for approval")
    assert status_of(pk) == "awaiting_approval"

    # Appendix 1's points come before the Cabinet and Chief Executive approve participation.
    summary = refused_move(officer, pk, "agreement")
    assert "Points to consider when setting up a partnership: not done yet" in summary
    visit(officer, f"/partnerships/{pk}/cycle/checklists/setting_up_checklist/setting_up/")
    answer_and_complete(officer, "Yes")
    # "The Cabinet and/or the Chief Executive": either approval is enough (approve: any).
    summary = refused_move(officer, pk, "agreement")
    assert "needs approval by the Cabinet or the Chief Executive" in summary
    decide(
        approver,
        pk,
        "participation_approval",
        "chief_executive",
        "Participation approved",
        reference="C/27/20",
    )
    move(officer, pk, "Record the approval to take part", reference="Chief Executive's decision C/27/20")
    assert status_of(pk) == "agreement"

    # Side door: activating with a governing document that is only a draft, then agreed but leaving out
    # a main component with no reason (Appendix 1). Refused each time; nothing changes. The protocol
    # needs "a written agreement or governing document in place", in "no single form" (Appendix 1),
    # not a signed one, so the unsigned door here is the draft.
    visit(officer, f"/partnerships/{pk}/cycle/agreement/")
    officer.get_by_role("group", name="Type of document").get_by_role("radio").first.check()
    officer.get_by_label("Title").fill("Northampton Town Centre Partnership agreement")
    officer.get_by_role("group", name="Status").get_by_label("Draft").check()
    submit(officer, "Save the agreement")
    visit(officer, f"/partnerships/{pk}/cycle/agreement/coverage/")
    for n in range(1, COMPONENTS):
        officer.locator("main form input[type=text]").nth(n - 1).fill(f"Clause {n}")
    submit(officer, "Save the coverage")
    expect(officer.locator("#missing")).to_contain_text(
        "Auditing and scrutiny arrangements (no reason given)"
    )
    summary = refused_move(officer, pk, "active")
    assert "Written agreement or governing document: it is a draft; the framework needs it agreed" in summary
    visit(officer, f"/partnerships/{pk}/cycle/agreement/")
    officer.get_by_role("group", name="Status").get_by_label("Agreed").check()
    fill_date(officer, "Date agreed", proposed)
    fill_date(officer, "Next review date", proposed + timedelta(days=300))
    submit(officer, "Save the agreement")
    summary = refused_move(officer, pk, "active")
    assert (
        f"Written agreement or governing document: covers {COMPONENTS - 1} of {COMPONENTS} headings: "
        "Auditing and scrutiny arrangements missing, with no explanation"
    ) in summary
    assert status_of(pk) == "agreement"
    # A gap may be left with a reason the Section 151 Officer and Monitoring Officer accept by approving.
    visit(officer, f"/partnerships/{pk}/cycle/agreement/coverage/")
    officer.locator("#id_gap_audit_and_scrutiny").fill("Each partner's own internal audit covers its part")
    submit(officer, "Save the coverage")

    # Natural places: the sponsoring officer under People and roles, the risk register on the Risks tab.
    summary = refused_move(officer, pk, "active")
    assert "Allocation of a sponsoring officer: not done yet" in summary
    assert "Risk register: not done yet" in summary
    visit(officer, f"/partnerships/{pk}/")
    officer.get_by_role("link", name="Add a person's role").click()
    officer.wait_for_url("**/people/add/")
    assert_accessible(officer)
    officer.get_by_role("combobox", name="Person").select_option(
        label="Hana Head (Head of Town Centre Services)"
    )
    officer.get_by_role("combobox", name="Role").select_option(label="Sponsoring officer")
    fill_date(officer, "Start date", proposed)
    submit(officer, "Save")
    expect(officer.locator("#people")).to_contain_text("Hana Head")
    visit(officer, f"/partnerships/{pk}/risks/")
    officer.get_by_role("button", name="Add a risk").click()
    officer.wait_for_url("**/risks/new/")
    assert_accessible(officer)
    officer.get_by_label("Title").fill("A partner withdraws its funding")
    officer.get_by_label("Risk owner").fill("Hana Head")
    fill_date(officer, "Date identified", proposed)
    submit(officer, "Save risk")
    visit(officer, f"{officer.url.split('?')[0]}score/current/")
    officer.get_by_role("group", name="Likelihood").get_by_role("radio").nth(1).check()
    officer.get_by_role("group", name="Impact").get_by_role("radio").nth(1).check()
    submit(officer, "Save score")
    summary = refused_move(officer, pk, "active")
    assert "sponsoring officer" not in summary and "Risk register" not in summary

    # What else the protocol asks before the partnership is in place.
    visit(officer, f"/partnerships/{pk}/cycle/checklists/arrangements_checklist/arrangements_in_place/")
    answer_and_complete(officer, "Yes")
    for artefact_id, summary_text in (
        ("action_plan", "SMART delivery plan agreed by the partners"),
        ("equality_impact_assessment", "No adverse impact on any protected group"),
        ("representative_terms_of_reference", "Terms of reference for the Council's representative agreed"),
    ):
        visit(officer, f"/partnerships/{pk}/cycle/records/{artefact_id}/")
        fill_date(officer, "Date produced", proposed)
        officer.get_by_label("Summary").fill(summary_text)
        submit(officer, "Save")
    visit(approver, f"/partnerships/{pk}/cycle/approvals/written_agreement/section_151_officer/")
    expect(approver.locator("#agreement-coverage")).to_contain_text(
        "Auditing and scrutiny arrangements: Each partner's own internal audit covers its part"
    )
    for role_id in ("section_151_officer", "monitoring_officer"):
        decide(approver, pk, "written_agreement", role_id, "The reason for the gap is accepted")

    # Active a week later: the duties are counted from activation (ADR 0021), not the typed start date.
    activated = proposed + timedelta(days=7)
    with on_day(activated):
        officer = signed_in(new_page, "officer")
        move(officer, pk, "Make the partnership active")
        assert status_of(pk) == "active"
        rows = duties(officer, pk)
        assert_due(rows, REVIEW, "Not yet due", months_after(activated, 12))
        # The delivery plan recorded before activation is not its first yearly refresh.
        assert_due(rows, ACTION_PLANS, "Not yet due", months_after(activated, 12))

    # Two months on the partners refresh their action plans, recorded from its row on the record; the
    # next refresh is due a year after it. The review's questions cannot be answered as a checklist.
    refreshed = months_after(activated, 2)
    with on_day(refreshed):
        officer = signed_in(new_page, "officer")
        rows = duties(officer, pk)
        officer.locator("#needs").get_by_role("link", name=rows[ACTION_PLANS].name).click()
        officer.wait_for_url("**/cycle/records/action_plan/")
        assert_accessible(officer)
        fill_date(officer, "Date produced", refreshed)
        officer.get_by_label("Summary").fill("Action plans refreshed by all partners at the board")
        submit(officer, "Save")
        rows = duties(officer, pk)
        assert_due(rows, ACTION_PLANS, "Met", months_after(refreshed, 12), refreshed)

        response = officer.goto(f"/partnerships/{pk}/cycle/checklists/annual_review/review/")
        assert response is not None and response.status == 404
        assert_accessible(officer)
        assert_due(duties(officer, pk), REVIEW, "Not yet due", months_after(activated, 12))

    # Zero-length report periods: the protocol sets no report for a period ("Performance reporting
    # takes place in agreed time frames", Putting arrangements in place; no cadence, so no obligation),
    # and the indicator values that meet its performance report are recorded for a period chosen from
    # the indicator's own calendar (a month, a quarter), never typed, so none can end the day it starts.

    # The annual review ten months in, on the Reviews pages: it approves the Council's continued involvement.
    reviewed = months_after(activated, 10)
    with on_day(reviewed):
        officer = signed_in(new_page, "officer")
        visit(officer, f"/partnerships/{pk}/reviews/")
        officer.get_by_role("button", name="Start a review").click()
        officer.wait_for_url("**/reviews/start/")
        assert_accessible(officer)
        fill_date(officer, "Period the review covers: from", activated)
        fill_date(officer, "Period the review covers: to", reviewed)
        submit(officer, "Start the review")
        officer.get_by_role("link", name="1.", exact=False).first.click()
        while officer.get_by_role("button", name="Save and continue").count():
            assert_accessible(officer)
            officer.get_by_role("group", name="Answer").get_by_label("Yes", exact=True).check()
            officer.get_by_label("Evidence").fill("Board minutes and the performance report")
            submit(officer, "Save and continue")
        officer.get_by_role("button", name="Record the decision").click()
        officer.wait_for_url("**/decision/")
        assert_accessible(officer)
        officer.get_by_role("group", name="What does the review decide?").get_by_role("radio").first.check()
        officer.get_by_role("group", name="Is the business case for continuing re-confirmed?").get_by_label(
            "Yes"
        ).check()
        submit(officer, "Save and continue")
        submit(officer, "Complete the review")
        expect(officer.locator(".govuk-error-summary")).to_have_count(0)
        rows = duties(officer, pk)
        assert_due(rows, REVIEW, "Met", months_after(reviewed, 12), reviewed)
        assert_due(rows, ACTION_PLANS, "Met", months_after(refreshed, 12), refreshed)

    # Side door: closing, or leaving, without the agreement to withdraw (Exit/Succession Strategy).
    decided = reviewed + timedelta(days=14)
    with on_day(decided):
        officer = signed_in(new_page, "officer")
        visit(officer, f"/partnerships/{pk}/cycle/move/closed/")
        expect(officer.locator("main")).to_contain_text("cannot move to 'Closed'")
        expect(officer.locator("main form[method=post]")).to_have_count(0)
        summary = refused_move(officer, pk, "leaving")
        assert "Agreement to withdraw: not done yet" in summary
        assert status_of(pk) == "active"

        # The agreement to withdraw, with only part of the exit plan written so far.
        visit(officer, f"/partnerships/{pk}/cycle/leaving/")
        fill_date(officer, "Date the decision was made", decided)
        officer.get_by_label("Who made the decision").fill("Cabinet")
        officer.get_by_label("Authority or decision reference").fill("Cabinet minute C/28/03")
        officer.get_by_label("Why is the council's involvement ending?").fill("Its aims are met")
        for group in (
            "Is this a planned or unplanned end?",
            "Will the partnership continue without the council?",
        ):
            officer.get_by_role("group", name=group).get_by_role("radio").first.check()
        officer.get_by_label("Exit/Succession Strategy").fill("Clause 9 of the agreement: six months' notice")
        submit(officer, "Save the decision")
        expect(officer.locator("main")).to_contain_text("The decision to leave is recorded")
        move(
            officer,
            pk,
            "Record the decision to leave",
            reason="Its aims are met",
            reference="Cabinet C/28/03",
        )
        assert status_of(pk) == "leaving"

        # Natural place: the exit strategy is the exit plan written with the decision, once every part
        # of it is written. Closing is refused until then.
        summary = refused_move(officer, pk, "closed")
        assert "Exit/Succession Strategy: not done yet" in summary
        visit(officer, f"/partnerships/{pk}/cycle/leaving/")
        answer_every_question(officer, text="Set out in the Cabinet report of the decision to withdraw")
        submit(officer, "Save the decision")
        move(officer, pk, "Close the partnership", reason="The Council has withdrawn under its exit strategy")
        assert status_of(pk) == "closed"

        # Nothing is due from a partnership that has ended (ADR 0021).
        visit(officer, f"/partnerships/{pk}/")
        expect(officer.locator("#needs table")).to_have_count(0)
        expect(officer.locator("#needs")).to_contain_text("Nothing is due: the partnership ended on")
