"""Chorley's Key Partnerships Framework in a real browser: one key partnership walked from proposal to
closed (issue 14, "Done when"). At each step the page's obligation statuses and due dates are those
the framework implies (ADR 0021: the bi-annual performance report six months after activation, then
six months after the last; the governance check a year, and the review three years, after activation,
then after the last), each side door is refused or needs an administrator's recorded override, and
evidence recorded in its natural place meets the requirement (ADR 0024). axe-core runs on every page
visited (tests/browser/conftest.py).

The day is frozen explicitly; the live server runs in the same process, so it sees the same clock.
"""

from datetime import date
from io import BytesIO

import pytest
from playwright.sync_api import expect

from accord.domain.lifecycle import content
from accord.domain.lifecycle.models import Appointment, Transition
from accord.domain.monitoring.models import ProgressReport
from accord.domain.risks.models import Risk
from accord.frameworks import apply, loader
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day

from .conftest import assert_accessible, submit, visit
from .journey import carry_out_review, decide_to_leave, fill_date, move, override, refused_move
from .journey_steps import assert_due, decide, duties, govuk, months_after, propose, signed_in, take_the_test

pytestmark = pytest.mark.browser

GO_LIVE = date(2026, 10, 1)
PROPOSED_ON = date(2027, 1, 4)
ACTIVE_ON = date(2027, 1, 11)
REPORTED_ON = date(2027, 6, 21)
CHECKED_ON = date(2027, 11, 15)
LEAVING_ON = date(2028, 1, 10)

DUTIES = {o.id: o.name for o in loader.get("chorley").obligations}
REPORT = DUTIES["bi_annual_performance_report"]
CHECK = DUTIES["annual_governance_check"]
REVIEW = DUTIES["three_yearly_review"]
CHECK_REVIEW = next(a.name for a in loader.get("chorley").artefacts if a.id == "governance_check")
SIGNIFICANCE = {  # one factor is enough to make a partnership key (not_specified in the framework)
    "Does the partnership have a significant impact on the delivery of the council's strategic": "Yes",
    "Does the council rely on its partners in this partnership to deliver core services?": "No",
    "Does the partnership involve a significant scale of human or other resources?": "No",
    "Is the council's commitment to the partnership a long one": "No",
    "Is there a significant degree of innovation or risk in the partnership?": "No",
}
# "Is it a partnership?": Yes to each criterion but "Are the parties two or more independent bodies?"
NOT_TWO_BODIES = {"Is there an agreement", "Do they work collectively"}
OVERRIDE_REASON = "Executive Cabinet treats the Youth Zone as a partnership (minute EC/27/01)"


# Chorley's report to Executive Cabinet must demonstrate eight points ("Establishing new key
# partnerships"): its business case asks each, in Chorley's words, and its report prints each answer.
EIGHT_POINTS = {q.id: q.text for q in loader.get("chorley").business_case.questions()}


def write_the_eight_points(page, pk: int) -> None:
    """The report's eight points, each answered on Chorley's own business case page."""
    visit(page, f"/partnerships/{pk}/cycle/business-case/eight_points/")
    for point, text in EIGHT_POINTS.items():
        page.get_by_label(text).fill(f"Point {point}: agreed by the project board")
    page.get_by_label(
        "Evidence for 'What the report to Executive Cabinet should demonstrate' (optional)"
    ).fill("Project board minutes, 3 January 2027")
    submit(page, "Save and mark as complete")


def assert_the_report_prints_the_eight_points(pk: int) -> None:
    """The committee report shows each point as answered, not '[To be completed]'."""
    from docx import Document

    from accord.domain.lifecycle.documents import generate

    docx = generate("committee-report", Partnership.objects.get(pk=pk), framework=loader.get("chorley"))
    text = "\n".join(p.text for p in Document(BytesIO(docx)).paragraphs)
    for point in EIGHT_POINTS:
        assert f"Point {point}: agreed by the project board" in text, point
    risk = text.split("Exposure to risk and potential liabilities")[-1].split("Intended structure")[0]
    assert "To be completed" not in risk, "credit checks are answered in the risk point"


def answer_the_tests(page) -> None:
    """Fitness for purpose, value for money, added value and linkage: each passed, with a comment; no
    factor against a partnership approach present."""
    passed = {q.text for q in content.bank(loader.current(), "partnership_tests").questions}
    for group in page.locator("main form fieldset").all():
        question = group.locator("legend").inner_text().split(". ", 1)[-1].strip()
        group.get_by_label("Yes" if question in passed else "No", exact=True).check()
    for box in page.locator("main form textarea").all():
        box.fill("Considered by the project board on 3 January 2027")


def mou_headings():
    return next(t for t in loader.current().templates if t.id == "memorandum_of_understanding").headings


def write_the_performance_report(page, pk: int, start: date, end: date) -> None:
    visit(page, f"/partnerships/{pk}/progress-reports/new/performance_report/")
    fill_date(page, "Period from", start)
    fill_date(page, "Period to", end)
    for box in page.locator("main form textarea").all():
        box.fill("Forty young people a night; on budget; partners stable; no changes.")
    submit(page, "Submit report")


def test_a_key_partnership_from_proposal_to_closed(settings, new_page, users):
    settings.ACCORD_FRAMEWORK = "chorley"
    f.track_from(GO_LIVE)
    f.PartnershipTypeFactory(name="Collaborative")  # Chorley: organisations from various sectors
    f.DirectorateFactory(code="COMM", name="Communities")
    for role in ("executive_cabinet", "head_of_governance"):
        Appointment.objects.create(user=users["approver"], framework_id="chorley", role_id=role)

    with on_day(PROPOSED_ON):
        officer = signed_in(new_page, "officer")
        # Side door: proposing without the significance questions (ADR 0022). Refused, nothing added.
        visit(officer, "/partnerships/new/")
        submit(officer, "Add to the register")
        expect(officer.locator(".govuk-error-summary")).to_contain_text("Select yes or no")
        assert not Partnership.objects.exists()
        pk = propose(
            officer,
            name="Chorley Youth Zone",
            reference="YZ-01",
            type_name="Organisations from various sectors brought together by the Council",
            start=date(2026, 4, 1),  # typed, and never a clock (ADR 0021, rule 3)
            significance=SIGNIFICANCE,
        )
        expect(officer.locator("#significance")).to_contain_text("Key partnership")
        # A proposal owes nothing yet.
        expect(officer.locator("#needs")).to_contain_text("Nothing is due under the council's framework")

        # Side door: leaving Proposed with no "Is it a partnership?" result, then with "not a partnership".
        assert "Is it a partnership?: not answered yet" in refused_move(officer, pk, "business_case")
        assert "Chorley Youth Zone is not a partnership" in take_the_test(officer, pk, NOT_TWO_BODIES)
        refused = refused_move(officer, pk, "business_case")
        assert "Is it a partnership?: the answers say it is not a partnership" in refused
        expect(officer.get_by_role("link", name="Override this requirement")).to_have_count(0)  # not hers
        # ... nor round the gate by recording it as an existing partnership, active already: that passes
        # every gate on the recorder's word, so only an administrator may, and not while the result says no.
        retrospective = f"/partnerships/{pk}/cycle/retrospective/"
        assert officer.goto(retrospective).status == 403
        assert_accessible(officer)
        admin = signed_in(new_page, "administrator")
        visit(admin, retrospective)
        admin.get_by_label("Active: approved and working").check()
        admin.get_by_label("How did it get there?").fill("Approved by Executive Cabinet last year")
        fill_date(admin, "Date of that decision", date(2026, 12, 1))
        submit(admin, "Record it")
        expect(admin.locator(".govuk-error-summary")).to_contain_text("found this is not a partnership")
        assert Partnership.objects.get(pk=pk).status == "proposed"
        assert Transition.objects.filter(partnership_id=pk).count() == 1  # only 'New to Proposed'

        # The administrator overrides the result, with a reason; the officer starts the report.
        override(admin, pk, "business_case", "is_a_partnership", OVERRIDE_REASON)
        move(officer, pk, "Start the business case")

        # Side door: skipping a gate. The report to Executive Cabinet comes first, then its approval.
        missing = "Report to Executive Cabinet on a proposed new key partnership: not done yet"
        assert missing in refused_move(officer, pk, "awaiting_approval")
        write_the_eight_points(officer, pk)
        expect(officer.locator("#part-eight_points")).to_contain_text("Project board minutes, 3 January 2027")
        expect(officer.locator("main")).not_to_contain_text("Nature of the business case")  # not Redditch's
        visit(officer, f"/partnerships/{pk}/cycle/business-case/tests/")
        answer_the_tests(officer)
        submit(officer, "Save and mark as complete")
        expect(officer.locator("main")).to_contain_text("Completed")
        assert_the_report_prints_the_eight_points(pk)
        move(officer, pk, "Report the proposal to Executive Cabinet")
        missing = (
            "Executive Cabinet approval of the new key partnership: needs approval by the Executive Cabinet"
        )
        assert missing in refused_move(officer, pk, "agreement")
        assert Partnership.objects.get(pk=pk).status == "awaiting_approval"
        approver = signed_in(new_page, "approver")
        visit(approver, "/approvals/")
        expect(
            approver.get_by_role("link", name="Executive Cabinet approval of the new key partnership")
        ).to_be_visible()
        decide(
            approver, pk, "executive_cabinet_approval", "executive_cabinet", "Approved", reference="EC/27/02"
        )
        move(officer, pk, "Record the approval to take part", reference="Executive Cabinet minute EC/27/02")
        assert not duties(officer, pk).rows  # approved, not yet active: still nothing due
        expect(officer.locator("#gate-overrides")).to_contain_text(  # the override, on the record
            f"Overridden by administrator on 4 January 2027: {OVERRIDE_REASON}"
        )

    with on_day(ACTIVE_ON):
        officer, approver = signed_in(new_page, "officer"), signed_in(new_page, "approver")
        # Side door: activating with a memorandum covering 5 of its 15 assurances, unexplained.
        visit(officer, f"/partnerships/{pk}/cycle/agreement/")
        officer.get_by_role("group", name="Type of document").get_by_label(
            "Memorandum of understanding"
        ).check()
        officer.get_by_label("Title").fill("Chorley Youth Zone memorandum of understanding")
        officer.get_by_role("group", name="Status").get_by_label("Agreed").check()
        fill_date(officer, "Date agreed", ACTIVE_ON)
        fill_date(officer, "Next review date", date(2029, 1, 11))  # Chorley sets no period (Bury 7.5 does)
        officer.get_by_label("Notice a partner must give to leave").fill("Six months; three if funding ends")
        submit(officer, "Save the agreement")
        headings = mou_headings()
        visit(officer, f"/partnerships/{pk}/cycle/agreement/coverage/")
        for number, heading in enumerate(headings[:5], start=1):
            officer.locator(f"#id_{heading.id}").fill(f"Clause {number}")
        submit(officer, "Save the coverage")
        refused = refused_move(officer, pk, "active")
        for missing in (
            "Memorandum of understanding/agreement: covers 5 of 15 headings",
            "Memorandum of understanding/agreement: needs approval by the Head of Governance",
            "Joint risk register: not done yet",
            "Exit strategy: not done yet",
            "Partnership data quality charter, signed by the partner: not done yet",
        ):
            assert missing in refused
        # Nor can the Head of Governance approve it as it stands: the page shows the gaps.
        visit(approver, f"/partnerships/{pk}/cycle/approvals/memorandum_of_understanding/head_of_governance/")
        expect(approver.locator("main")).to_contain_text("It does not count yet: covers 5 of 15 headings")
        expect(approver.locator("main")).to_contain_text("Nothing is waiting for this decision now")
        expect(approver.get_by_role("button", name="Record the decision")).to_have_count(0)

        # Thirteen covered, two explained; the Head of Governance accepts the reasons by approving.
        visit(officer, f"/partnerships/{pk}/cycle/agreement/coverage/")
        for number, heading in enumerate(headings[5:13], start=6):
            officer.locator(f"#id_{heading.id}").fill(f"Clause {number}")
        for heading in headings[13:]:
            officer.locator(f"#id_gap_{heading.id}").fill(f"In the funding agreement: {heading.text}")
        submit(officer, "Save the coverage")
        visit(approver, f"/partnerships/{pk}/cycle/approvals/")
        expect(approver.locator("main")).to_contain_text("In the funding agreement: Exit Strategies")
        decide(
            approver,
            pk,
            "memorandum_of_understanding",
            "head_of_governance",
            "The gaps are covered elsewhere",
        )

        # Natural places: a risk scored on the Risks tab is the joint risk register; the register's
        # "Insurance and exit" holds the exit strategy. Nothing is recorded twice.
        visit(officer, f"/partnerships/{pk}/risks/new/")
        officer.get_by_role("group", name="Is it a risk or an opportunity?").get_by_label("Risk").check()
        officer.get_by_label("Title").fill("A partner withdraws its funding")
        fill_date(officer, "Date identified", ACTIVE_ON)
        officer.get_by_label("Risk owner").fill("Olive Officer")
        submit(officer, "Save risk")
        risk = Risk.objects.get(partnership_id=pk)
        visit(officer, f"/partnerships/{pk}/risks/{risk.pk}/score/current/")
        officer.get_by_role("group", name="Likelihood").get_by_label("2 – Possible", exact=True).check()
        officer.get_by_role("group", name="Impact").get_by_label("3 – Major", exact=True).check()
        submit(officer, "Save score")
        visit(officer, f"/partnerships/{pk}/change/arrangements/")
        officer.get_by_label("Exit strategy").fill("Six months' notice; the building returns to the council.")
        submit(officer, "Save changes")
        refused = refused_move(officer, pk, "active")
        assert "Joint risk register" not in refused and "Exit strategy" not in refused
        assert "Partnership data quality charter, signed by the partner: not done yet" in refused

        visit(officer, f"/partnerships/{pk}/cycle/records/data_quality_charter/")
        fill_date(officer, "Date produced", ACTIVE_ON)
        officer.get_by_label("Summary").fill("Signed by Onside and the three charities; on the shared drive.")
        submit(officer, "Save")
        move(officer, pk, "Make the partnership active")
        rows = duties(officer, pk)
        assert_due(rows, REPORT, "Not yet due", months_after(ACTIVE_ON, 6))
        assert_due(rows, CHECK, "Not yet due", months_after(ACTIVE_ON, 12))
        assert_due(rows, REVIEW, "Not yet due", months_after(ACTIVE_ON, 36))

    with on_day(REPORTED_ON):
        officer = signed_in(new_page, "officer")
        assert_due(duties(officer, pk), REPORT, "Due soon", months_after(ACTIVE_ON, 6))  # a month before
        # Side door: the governance check and the three-yearly review answered as plain checklists.
        # Neither page exists (ADR 0024): they are reviews, carried out on the Reviews tab.
        for artefact, bank in (("governance_check", "governance_check"), ("review", "three_yearly_review")):
            visit(officer, f"/partnerships/{pk}/cycle/checklists/{artefact}/{bank}/")
            expect(officer.get_by_role("heading", level=1)).to_have_text("Page not found")
        # Side door: a report for a period that ends the day it starts. GOV.UK error; nothing saved.
        write_the_performance_report(officer, pk, REPORTED_ON, REPORTED_ON)
        expect(officer.locator(".govuk-error-summary")).to_contain_text(
            "The end of the period must be after its start"
        )
        assert not ProgressReport.objects.exists()
        fill_date(officer, "Period from", ACTIVE_ON)
        submit(officer, "Submit report")
        expect(officer.locator("main")).to_contain_text(f"Submitted on {govuk(REPORTED_ON)}")
        rows = duties(officer, pk)
        assert_due(rows, REPORT, "Met", months_after(REPORTED_ON, 6), REPORTED_ON)  # one period after it
        assert_due(rows, CHECK, "Not yet due", months_after(ACTIVE_ON, 12))  # no checklist counted
        assert_due(rows, REVIEW, "Not yet due", months_after(ACTIVE_ON, 36))

    with on_day(CHECKED_ON):
        officer = signed_in(new_page, "officer")
        # Early: the next one is due a year after it, not a year after 11 January 2028.
        carry_out_review(officer, pk, CHECK_REVIEW, "Youth Zone board minutes, 9 November 2027, item 4")
        rows = duties(officer, pk)
        assert_due(rows, CHECK, "Met", months_after(CHECKED_ON, 12), CHECKED_ON)
        assert_due(rows, REPORT, "Met", months_after(REPORTED_ON, 6), REPORTED_ON)
        assert_due(rows, REVIEW, "Not yet due", months_after(ACTIVE_ON, 36))

    with on_day(LEAVING_ON):
        officer = signed_in(new_page, "officer")
        # The report due on 21 December was missed: it shows, counted from the last one.
        assert_due(duties(officer, pk), REPORT, "Overdue", months_after(REPORTED_ON, 6), REPORTED_ON)
        # Side door: leaving a key partnership with no decision to leave recorded (its exit strategy).
        assert "Decision to leave the key partnership: not done yet" in refused_move(officer, pk, "leaving")
        assert Partnership.objects.get(pk=pk).status == "active"
        decide_to_leave(
            officer, pk, date(2028, 1, 6), "Executive Cabinet", "Executive Cabinet minute EC/28/03"
        )
        # The exit plan, written in full with the decision, is an exit strategy too (ADR 0024), dated
        # the day it was written. Chorley needs the strategy before the partnership is active ("Exit
        # Strategies"), so at that gate it was met in the register's "Insurance and exit".
        partnership = Partnership.objects.get(pk=pk)
        assert LEAVING_ON in apply.facts_for(loader.current(), [partnership])[pk].evidence["exit_strategy"]
        move(
            officer, pk, "Record the decision to leave", reason="Funding ends in March", reference="EC/28/03"
        )
        move(officer, pk, "Close the partnership", reason="The council's notice has run")
        assert not duties(officer, pk).rows
        expect(officer.locator("#needs")).to_contain_text("Nothing is due: the partnership ended on")
