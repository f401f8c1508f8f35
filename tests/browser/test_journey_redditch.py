"""Redditch's Partnership Governance Framework and Toolkit, walked in a real browser: one significant
partnership from proposal to closed (issue 14, "Done when").

The officer proposes it on "Add a partnership" (answering the significance questions), takes "Is it a
partnership?" for it, writes the business case (App 2a), scores a risk on the Risks tab, records the
financial and legal advice, the approvers decide, the MoU is recorded against App 10's twelve headings,
it becomes active, reports on progress (8), is reviewed (9, App 4a), the Executive decides to leave (11)
and the leaving form (App 5) closes it. At each step the record shows the duties the framework sets,
dated from the events ADR 0021 names; each side door is refused or needs an administrator's recorded
override. axe-core runs on every page visited.
"""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accord.domain.lifecycle.models import Appointment
from accord.domain.monitoring.models import ProgressReport
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

NAME = "Redditch Town Centre Partnership"
PROGRESS = "Progress report to the Corporate Management Team"
REVIEW = "Annual partnership review by the officer representative"
CONTINUING = "Business case for continuing demonstrated annually"
EQUALITY = "Equality impact assessment within six months"
LEAVING_FORM = "Leaving a partnership form within 3 months"
APPROVER_ROLES = (
    "head_of_service",
    "head_of_financial_revenues_and_benefits",
    "head_of_legal_democratic_and_property",
    "executive",
)
MOU_HEADINGS = 12  # App 10's model Memorandum of Understanding


@pytest.fixture
def redditch(settings, users):
    settings.ACCORD_FRAMEWORK = "redditch"
    f.PartnershipTypeFactory(name="Joint committee")
    f.DirectorateFactory(code="COMM", name="Communities")
    for role_id in APPROVER_ROLES:
        Appointment.objects.create(user=users["approver"], framework_id="redditch", role_id=role_id)


def status_of(pk: int) -> str:
    return Partnership.objects.get(pk=pk).status


def test_a_significant_partnership_from_proposal_to_closed(new_page, users, redditch, officer_person):
    proposed = clock.today()
    f.track_from(proposed)  # Accord went live the day the partnership was proposed
    officer = signed_in(new_page, "officer")

    # Proposing asks the significance questions (3): it substantially contributes to the SCS outcomes.
    pk = propose(
        officer,
        name=NAME,
        reference="RTC-01",
        type_name="Joint",  # Redditch 3: the joint characteristic (a joint committee counts as it)
        start=months_after(proposed, -3),  # typed, "when it began": no duty is counted from it
        significance={"Does the partnership coordinate": "Yes", "Is the partnership otherwise": "No"},
    )
    expect(officer.locator("#significance")).to_contain_text("Significant partnership")

    # Side door: a partnership whose significance was never assessed cannot move on at all (ADR 0022).
    unassessed = f.PartnershipFactory(name="Redditch Youth Forum", status="proposed", assessed=False)
    f.RoleFactory(partnership=unassessed, person=officer_person, role="lead_officer")
    assert "Significance: not assessed yet" in refused_move(officer, unassessed.pk, "business_case")
    assert status_of(unassessed.pk) == "proposed"

    # Side door: not checked to be a partnership, then found not to be one (3: procurement is excluded).
    assert "Is it a partnership?: not answered yet" in refused_move(officer, pk, "business_case")
    result = take_the_test(
        officer, pk, yes={"Are the partners", "Have the partners", "Do the partners", "Is it a procurement"}
    )
    assert "not a partnership" in result.lower()
    summary = refused_move(officer, pk, "business_case")
    assert "Is it a partnership?: the answers say it is not a partnership" in summary
    expect(officer.get_by_role("link", name="Override this requirement")).to_have_count(0)
    assert status_of(pk) == "proposed"
    admin = signed_in(new_page, "administrator")
    reason = (
        "The Executive treats the town centre programme as a partnership, not procurement (minute E/27/14)"
    )
    override(admin, pk, "business_case", "is_a_partnership", reason)
    move(officer, pk, "Start the business case")
    assert status_of(pk) == "business_case"
    visit(officer, f"/partnerships/{pk}/")
    expect(officer.locator("#gate-overrides")).to_contain_text(f"on {govuk(proposed)}: {reason}")
    expect(officer.locator("#classification")).to_contain_text("Not a partnership")

    # Side door: skipping the gate into approval. Nothing is done yet: refused, nothing changes.
    summary = refused_move(officer, pk, "awaiting_approval")
    for missing in (
        "Business case: not done yet",
        "Risk assessment: not done yet",
        "Financial and legal advice: not done yet",
    ):
        assert missing in summary
    assert status_of(pk) == "business_case"

    # The business case (App 2a), part by part, and the tests before setting up (App 8 Appendix A).
    for part in ("nature", "reasons", "options", "benefits", "risks", "costs"):
        visit(officer, f"/partnerships/{pk}/cycle/business-case/{part}/")
        answer_and_complete(officer, "No")
    visit(officer, f"/partnerships/{pk}/cycle/business-case/tests/")
    for no in officer.locator("input[name^='factors_against'][value='no']").all():
        no.check()  # none of the factors against a partnership is present
    answer_and_complete(officer, "Yes")

    # Natural place: the risk assessment (10) is a risk scored on the Risks tab, not a separate record.
    visit(officer, f"/partnerships/{pk}/risks/")
    officer.get_by_role("button", name="Add from the risk library").click()
    officer.wait_for_url("**/risks/library/")
    assert_accessible(officer)
    officer.get_by_role("link", name="Use this risk Lack of buy in from all partners").click()
    officer.wait_for_url("**/risks/new/?library=*")
    assert_accessible(officer)
    officer.get_by_label("Risk owner").fill("Olive Officer")
    fill_date(officer, "Date identified", proposed)
    submit(officer, "Save risk")
    risk_url = officer.url.split("?")[0]
    visit(officer, f"{risk_url}score/current/")
    # Likelihood and impact 2 of 4: not a high impact, so no contingency plan is needed (App 8 3.8).
    officer.get_by_role("group", name="Likelihood").get_by_role("radio").nth(1).check()
    officer.get_by_role("group", name="Impact").get_by_role("radio").nth(1).check()
    submit(officer, "Save score")
    summary = refused_move(officer, pk, "awaiting_approval")
    assert "Risk assessment" not in summary

    # The financial and legal advice (7), then the three approvals the gate needs.
    visit(officer, f"/partnerships/{pk}/cycle/sign-off/add/")
    officer.get_by_label("Department or service consulted").fill("Financial, Revenues and Benefits Services")
    officer.get_by_label("Key areas they were consulted on").fill("Costs, funding and legal powers")
    officer.get_by_label("Advising officer's name").fill("Fay Finance")
    officer.get_by_label("Advising officer's position").fill(
        "Head of Financial, Revenues and Benefits Services"
    )
    officer.get_by_label("Advice given").fill("The council's contribution is within budget")
    officer.get_by_role("group", name="Was the advice followed?").get_by_label("Yes").check()
    submit(officer, "Save consultee")

    approver = signed_in(new_page, "approver")
    decide(approver, pk, "business_case", "head_of_service", "The case for joining is made")
    for role_id in ("head_of_financial_revenues_and_benefits", "head_of_legal_democratic_and_property"):
        decide(approver, pk, "financial_and_legal_advice", role_id, "No financial or legal obstacle")
    move(officer, pk, "Submit for approval")
    assert status_of(pk) == "awaiting_approval"
    decide(
        approver,
        pk,
        "executive_approval",
        "executive",
        "Participation approved",
        reference="Executive E/27/31",
    )
    move(officer, pk, "Record the approval to take part", reference="Executive minute E/27/31")
    assert status_of(pk) == "agreement"

    # Side door: activating with an MoU that is only a draft, then one agreed but leaving out two of
    # App 10's headings, which no significant partnership may do (7). Refused each time. Redditch
    # asks for "an agreed Memorandum of Understanding" (App 4a), not a signed one, so the unsigned
    # door here is the draft.
    visit(officer, f"/partnerships/{pk}/cycle/agreement/")
    officer.get_by_role("group", name="Type of document").get_by_role("radio").first.check()
    officer.get_by_label("Title").fill("Redditch Town Centre Partnership MoU")
    officer.get_by_role("group", name="Status").get_by_label("Draft").check()
    submit(officer, "Save the agreement")
    visit(officer, f"/partnerships/{pk}/cycle/agreement/coverage/")
    boxes = officer.locator("main form input[type=text]")
    expect(boxes).to_have_count(MOU_HEADINGS)  # no "why not" box: nothing may be left out
    for n in range(MOU_HEADINGS - 2):
        boxes.nth(n).fill(f"Section {n + 1}")
    submit(officer, "Save the coverage")
    expect(officer.locator("main")).to_contain_text(f"{MOU_HEADINGS - 2} of {MOU_HEADINGS} headings covered")
    summary = refused_move(officer, pk, "active")
    assert "Memorandum of Understanding: it is a draft; the framework needs it agreed" in summary
    visit(officer, f"/partnerships/{pk}/cycle/agreement/")
    officer.get_by_role("group", name="Status").get_by_label("Agreed").check()
    fill_date(officer, "Date agreed", proposed)
    fill_date(officer, "Next review date", proposed + timedelta(days=300))
    submit(officer, "Save the agreement")
    summary = refused_move(officer, pk, "active")
    assert (
        f"Memorandum of Understanding: covers {MOU_HEADINGS - 2} of {MOU_HEADINGS} headings: "
        "Termination of partnership involvement and Review and alteration"
    ) in summary
    assert status_of(pk) == "agreement"
    visit(officer, f"/partnerships/{pk}/cycle/agreement/coverage/")
    for n in range(MOU_HEADINGS - 2, MOU_HEADINGS):
        boxes.nth(n).fill(f"Section {n + 1}")
    submit(officer, "Save the coverage")
    expect(officer.locator("main")).to_contain_text("The agreement covers every heading")

    # The working arrangements checklist (App 4a used at set-up) and the nominations (7).
    visit(officer, f"/partnerships/{pk}/cycle/checklists/working_arrangements_checklist/annual_review/")
    expect(officer.get_by_role("group", name="Performance and Delivery")).to_be_visible()  # App 4a's headings
    answer_and_complete(officer, "3 – YES- working effectively")
    visit(officer, f"/partnerships/{pk}/cycle/records/nominations/")
    fill_date(officer, "Date produced", proposed)
    officer.get_by_label("Summary").fill("Olive Officer nominated as the officer representative")
    submit(officer, "Save")
    decide(
        approver,
        pk,
        "memorandum_of_understanding",
        "head_of_legal_democratic_and_property",
        "Governance sound",
    )
    decide(approver, pk, "nominations", "executive", "Nominations approved")

    # Active a week later: the duties are counted from activation (ADR 0021), not the typed start date.
    activated = proposed + timedelta(days=7)
    with on_day(activated):
        officer = signed_in(new_page, "officer")
        move(officer, pk, "Make the partnership active")
        assert status_of(pk) == "active"
        rows = duties(officer, pk)
        assert_due(rows, PROGRESS, "Not yet due", months_after(activated, 6))
        assert_due(rows, REVIEW, "Not yet due", months_after(activated, 12))
        # The set-up business case is not the first yearly "business case for continuing".
        assert_due(rows, CONTINUING, "Not yet due", months_after(activated, 12))

    # A progress report two months later. A report covering no time at all is refused (ADR 0024);
    # one for a real period meets the first report, and the next is due a year after it (8).
    reported = months_after(activated, 2)
    with on_day(reported):
        officer = signed_in(new_page, "officer")
        visit(officer, f"/partnerships/{pk}/progress-reports/")
        officer.get_by_role("button", name="Start a partnership progress report").click()
        officer.wait_for_url("**/progress-reports/new/progress_report/")
        assert_accessible(officer)
        fill_date(officer, "Period from", reported)
        fill_date(officer, "Period to", reported)
        answer_every_question(officer, text="The town centre action plan is on track")
        submit(officer, "Submit report")
        expect(officer.locator(".govuk-error-summary")).to_contain_text(
            "The end of the period must be after its start"
        )
        assert not ProgressReport.objects.exists()
        fill_date(officer, "Period from", activated)
        submit(officer, "Submit report")
        expect(officer.locator("main")).to_contain_text("Submitted on")
        # The equality impact assessment, due within six months (App 10), from its row on the record.
        rows = duties(officer, pk)
        assert_due(rows, PROGRESS, "Met", months_after(reported, 12), reported)
        assert_due(rows, EQUALITY, "Not yet due", months_after(activated, 6))
        officer.locator("#needs").get_by_role("link", name=rows[EQUALITY].name).click()
        officer.wait_for_url("**/cycle/records/equality_impact_assessment/")
        assert_accessible(officer)
        fill_date(officer, "Date produced", reported)
        officer.get_by_label("Summary").fill("EIA of the town centre programme: no adverse impact found")
        submit(officer, "Save")
        assert_due(duties(officer, pk), EQUALITY, "Met", months_after(activated, 6), reported)

        # Side door: the App 4a review questions reached as a plain checklist: there is none (ADR 0024).
        response = officer.goto(f"/partnerships/{pk}/cycle/checklists/annual_review/annual_review/")
        assert response is not None and response.status == 404
        assert_accessible(officer)
        assert_due(duties(officer, pk), REVIEW, "Not yet due", months_after(activated, 12))

    # The annual review (9) ten months in, on the Reviews pages: App 4a answered with its evidence, a
    # decision, the business case for continuing re-confirmed, and a rating.
    reviewed = months_after(activated, 10)
    with on_day(reviewed):
        officer = signed_in(new_page, "officer")
        visit(officer, f"/partnerships/{pk}/reviews/")
        officer.get_by_role("button", name="Start a review").click()
        officer.wait_for_url("**/reviews/start/**")
        assert_accessible(officer)
        officer.get_by_label("Annual partnership review", exact=True).check()
        fill_date(officer, "Period the review covers: from", activated)
        fill_date(officer, "Period the review covers: to", reviewed)
        submit(officer, "Start the review")
        officer.get_by_role("link", name="1. Formal status").click()
        while officer.get_by_role("button", name="Save and continue").count():
            assert_accessible(officer)
            officer.get_by_role("group", name="Assessment").get_by_label(
                "3 – YES- working effectively"  # App 4a's words
            ).check()
            officer.get_by_label("Evidence").fill("Minutes of the partnership board")
            submit(officer, "Save and continue")
        officer.get_by_role("button", name="Record the decision").click()
        officer.wait_for_url("**/decision/**")
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
        assert_due(rows, CONTINUING, "Met", months_after(reviewed, 12), reviewed)
        assert_due(rows, PROGRESS, "Met", months_after(reported, 12), reported)

    # Side door: closing, or leaving, without the Executive's decision to leave (11). Refused.
    decided = reviewed + timedelta(days=14)
    with on_day(decided):
        officer = signed_in(new_page, "officer")
        visit(officer, f"/partnerships/{pk}/cycle/move/closed/")
        expect(officer.locator("main")).to_contain_text("cannot move to 'Ending (Stage 4)'")
        expect(officer.locator("main form[method=post]")).to_have_count(0)
        summary = refused_move(officer, pk, "leaving")
        assert "Decision to end the Council's involvement: not done yet" in summary
        assert "Decision to end the Council's involvement: needs approval by the Executive" in summary
        assert status_of(pk) == "active"

        # The decision to leave with its exit plan, the Executive's approval, and the move to leaving.
        visit(officer, f"/partnerships/{pk}/cycle/leaving/")
        fill_date(officer, "Date the decision was made", decided)
        officer.get_by_label("Who made the decision").fill("Executive")
        officer.get_by_label("Authority or decision reference").fill("Executive minute E/28/07")
        for group in (
            "Why is the council's involvement ending?",
            "Is this a planned or unplanned end?",
            "Will the partnership continue without the council?",
        ):
            officer.get_by_role("group", name=group).get_by_role("radio").first.check()
        answer_every_question(officer, text="Six months' notice under section 11 of the MoU")
        submit(officer, "Save the decision")
        expect(officer.locator("main")).to_contain_text("The decision to leave is recorded")
        approver = signed_in(new_page, "approver")
        decide(approver, pk, "decision_to_leave", "executive", "The partnership has met its aims")
        move(
            officer,
            pk,
            "Record the decision to leave",
            reason="Its aims are met",
            reference="Executive E/28/07",
        )
        assert status_of(pk) == "leaving"
        # The App 5 form is due within 3 months of the decision to leave (11).
        rows = duties(officer, pk)
        assert_due(rows, LEAVING_FORM, "Not yet due", months_after(decided, 3))

    # A month later the leaving form is submitted, which meets it, and the partnership closes.
    closed = months_after(decided, 1)
    with on_day(closed):
        officer = signed_in(new_page, "officer")
        summary = refused_move(officer, pk, "closed")
        assert "Leaving a partnership form: not done yet" in summary
        visit(officer, f"/partnerships/{pk}/cycle/leaving/form/")
        for group in officer.locator("main form .govuk-radios").all():
            group.get_by_role("radio").last.check()  # "No": no follow-up questions
        answer_every_question(officer, text="Recorded for the leaving form")
        for day in officer.locator("main form input[name$='-day']").all():
            if not day.input_value():
                name = day.get_attribute("name").removesuffix("-day")
                officer.locator(f"input[name='{name}-day']").fill(str(closed.day))
                officer.locator(f"input[name='{name}-month']").fill(str(closed.month))
                officer.locator(f"input[name='{name}-year']").fill(str(closed.year))
        for box in officer.locator("main form input[type=text]").all():
            if not box.input_value():
                box.fill("Recorded for the leaving form")
        submit(officer, "Submit the leaving form")
        expect(officer.locator("main")).to_contain_text("Submitted on")
        assert_due(duties(officer, pk), LEAVING_FORM, "Met", months_after(decided, 3), closed)
        move(
            officer,
            pk,
            "Close the partnership",
            reason="Leaving form submitted to the Corporate Management Team",
        )
        assert status_of(pk) == "closed"

        # Nothing is due from a partnership that has ended (ADR 0021).
        visit(officer, f"/partnerships/{pk}/")
        expect(officer.locator("#needs table")).to_have_count(0)
        expect(officer.locator("#needs")).to_contain_text("Nothing is due: the partnership ended on")
