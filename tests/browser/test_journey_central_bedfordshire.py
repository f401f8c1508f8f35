"""Central Bedfordshire's J3 Partnerships Protocol, walked in a real browser (issue 14).

A public sector strategic partnership, governed by a Board with terms of reference, goes from proposal
to closed. At each step the record shows the duties and due dates the protocol implies (ADR 0021: each
counted from activation, then rolling from when it was last done), and each side door is refused or
needs an administrator's recorded override. Evidence recorded in its natural place (a scored risk, a
quarter's figures, the delivery plan, a review on the Reviews pages) meets the requirement.

A private sector partnership shows that contract monitoring (3.2.7) applies from activation when no
signed date is recorded (it showed "Nothing is due"), that the yearly report (3.2.8) is the council's
duty on the Council duties page rather than the partnership's (ADR 0031), and that its
contract is checked against the private sector contract headings while the Board's terms of reference
are checked against the fifteen items of 2.9.1. axe-core runs on every page visited.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Transition
from accord.domain.reviews.models import Review
from accord.frameworks import loader
from accord.frameworks.durations import Duration
from accord.kernel import clock
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import Organisation, Partnership
from tests import factories as f
from tests.clock import on_day

from .conftest import assert_accessible, sign_in, submit, visit
from .journey import (
    answer_checklist,
    decide,
    fill_date,
    move,
    obligation_rows,
    override,
    record_done,
    refused_move,
)
from .journey_steps import take_the_test

pytestmark = pytest.mark.browser

FRAMEWORK = "central_bedfordshire"
GO_LIVE = date(2026, 4, 1)  # Accord tracks the council's duties from here (ADR 0021)
PROPOSED = date(2026, 6, 1)
ACTIVATED = date(2026, 7, 13)
QUARTER_REPORTED = date(2026, 10, 21)  # the first quarter's reports, a week late
REVIEWED = date(2027, 6, 28)  # the Annual Review, a fortnight before it falls due
LEFT = date(2027, 9, 6)
CONTRACT_AGREED = date(2026, 11, 2)
CONTRACT_MONITORED = date(2027, 2, 10)

# What the protocol calls each duty and each item at the gates, as the pages show them.
PERFORMANCE = "Regular performance monitoring report to the Board"  # 2.13.1, every 3 months
EXCEPTIONS = "Exception report on performance indicators not met"  # 2.13.2, every 3 months
AUDIT = "Board considers audit, inspection and overview and scrutiny reports"  # 2.13.4, every 3 months
REVIEW = "Annual Review meeting of the Joint Committee or Board"  # 2.11.1, yearly
REVIEW_REPORT = "Report of the annual review to the lead authority's executive"  # 2.11.2, yearly
DELIVERY_PLAN = "Agree the annual delivery plan"  # 2.13.7, yearly
CONTRACT_MONITORING = "Contract monitoring by the Council Authorised Officer"  # 3.2.7, every 3 months
YEARLY_REPORT = "Yearly report on the performance of the private sector partnerships"  # the council's, 3.2.8
QUARTERLY = (PERFORMANCE, EXCEPTIONS, AUDIT)
YEARLY = (REVIEW, REVIEW_REPORT, DELIVERY_PLAN)
TERMS = "Terms of reference of the Joint Committee or Board"
CONTRACT = "Private sector partnership contract"
RISK_REGISTER = "Risk management arrangements and risk register"
PROJECTS = "Business cases, feasibility studies and Project Initiation Documents for major projects"
BOARD = 'Joint Committee or Partnership Board ("the Board")'
DECIDER = "Decision-maker under the Council's constitution"
AUTHORITIES = "Constituent authorities of the partnership"
ACTIVATION = "Counted from when it was activated"
# The approver holds every role the protocol asks to decide (2.2, 2.9.1, 2.9.11, 2.12, 2.14, 3.2.3).
ROLES = ("board", "constitutional_decision_maker", "constituent_authorities", "monitoring_officer")


def due(after: date, *, months: int = 0, years: int = 0) -> str:
    """A due date the protocol implies, as the pages write it: `months` or `years` after `after`."""
    return govuk_date(Duration(years=years, months=months).after(after))


@pytest.fixture
def council(db):
    return Organisation.objects.create(
        name="Central Bedfordshire Council", sector="public", org_id="GB-LAE-CBF", is_council=True
    )


@pytest.fixture
def central_bedfordshire(settings, users):
    settings.ACCORD_FRAMEWORK = FRAMEWORK
    f.DirectorateFactory(code="CHILD", name="Children's Services")
    f.PartnershipTypeFactory(
        name="Public sector strategic"
    )  # a live-server test before may have emptied the seed
    for role_id in ROLES:
        Appointment.objects.create(user=users["approver"], framework_id=FRAMEWORK, role_id=role_id)
    with on_day(GO_LIVE):
        f.track_from(GO_LIVE)


@dataclass
class Journey:
    """The people walking it, each in their own browser, and the partnership they walk."""

    officer: Page
    approver: Page
    admin: Page
    pk: int = 0

    def status(self) -> str:
        return Partnership.objects.get(pk=self.pk).status

    def duties(self) -> dict:
        return obligation_rows(self.officer, self.pk)


# Central Bedfordshire's steps, as its users take them -------------------------------------------


def propose(page: Page, name: str, reference: str) -> int:
    """The officer adds a new statutory proposal on "Add a partnership"; CBC's tiers are decided by
    the register's facts only (1.7.5, 2.3), so the page asks no significance questions."""
    visit(page, "/")
    page.get_by_role("button", name="Add a partnership").click()
    page.wait_for_url("**/partnerships/new/")
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Significance under J3 Partnerships Protocol")).to_have_count(0)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Description").fill("Sets the strategy for children's services across the area.")
    page.get_by_role("combobox", name="Type").select_option(label="Public Sector Strategic Partnership")
    page.get_by_role("group", name="Statutory status").get_by_label("Statutory", exact=True).check()
    page.get_by_role("group", name="Legal status").get_by_label("Unincorporated").check()
    page.get_by_role("combobox", name="Lead organisation").select_option(label="Central Bedfordshire Council")
    page.get_by_role("group", name="The council's role").get_by_label("Lead organisation").check()
    page.get_by_label("Lead directorate or service").select_option(label="Children's Services")
    page.get_by_role("group", name="Is this a new proposal or an existing partnership?").get_by_label(
        "A new proposal"
    ).check()
    fill_date(page, "Start date", PROPOSED)
    submit(page, "Add to the register")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return Partnership.objects.get(reference=reference).pk


def write_business_case(page: Page, pk: int) -> None:
    """Central Bedfordshire's own business case (2.10), written part by part in the browser: the
    costs and benefits, any payback periods and improved service (2.10.1), how it is to develop
    (2.10.2) and its focus on the needs of the people of Central Bedfordshire (2.10.3)."""
    case = loader.current().business_case
    for part in case.parts:
        visit(page, f"/partnerships/{pk}/cycle/business-case/{part.id}/")
        for question in part.questions:
            box = page.get_by_label(question.text)
            if box.count():  # a question the register answers is shown, not asked
                box.fill(f"Answered: {question.text}")
        submit(page, "Save and mark as complete")
    main = page.locator("main")
    for asked in ("What are any payback periods?", "needs of the people of Central Bedfordshire"):
        expect(main).to_contain_text(asked)
    expect(main).not_to_contain_text("Nature of the business case")  # Redditch's, not this council's
    expect(main).to_contain_text("Completed")


def record_governing_document(
    page: Page, pk: int, kind: str, title: str, status: str, where: dict[str, str], why: dict[str, str]
) -> None:
    """The governing document on the agreement page, then where it covers each heading (`where`) or,
    where the framework lets a heading be left out, why it does not (`why`)."""
    visit(page, f"/partnerships/{pk}/cycle/agreement/")
    page.get_by_role("group", name="Type of document").get_by_label(kind).check()
    page.get_by_label("Title").fill(title)
    page.get_by_role("group", name="Status").get_by_label(status).check()
    if status != "Draft":
        fill_date(page, "Date agreed", clock.today())
        fill_date(page, "Next review date", Duration(months=11).after(clock.today()))
    submit(page, "Save the agreement")
    visit(page, f"/partnerships/{pk}/cycle/agreement/coverage/")
    for heading_id, clause in where.items():
        page.locator(f"main form input[name='{heading_id}']").fill(clause)
    for heading_id, reason in why.items():
        page.locator(f"main form textarea[name='gap_{heading_id}']").fill(reason)
    submit(page, "Save the coverage")


def terms_of_reference(page: Page, pk: int, status: str, left_out: str = "") -> None:
    """The Board's terms of reference, covering the fifteen items of 2.9.1 but `left_out`."""
    template = next(t for t in loader.current().templates if t.id == "terms_of_reference")
    where = {h.id: "" if h.id == left_out else f"Paragraph {n}" for n, h in enumerate(template.headings, 1)}
    title = "Terms of reference of the Children and Young People's Board"
    record_governing_document(page, pk, "Terms of reference", title, status, where, {})


def score_a_risk(page: Page, pk: int, title: str) -> None:
    """A risk added and scored on the Risks tab, where the partnership's risk register is kept."""
    visit(page, f"/partnerships/{pk}/risks/")
    page.get_by_role("button", name="Add a risk").click()
    page.wait_for_url("**/risks/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Risk owner").fill("Olive Officer")
    submit(page, "Save risk")
    visit(page, page.url.split("?")[0].split("#")[0] + "score/current/")
    page.get_by_role("group", name="Likelihood").get_by_label("Possible").check()
    page.get_by_role("group", name="Impact").get_by_label("Major").check()
    submit(page, "Save score")


def report_a_quarter(page: Page, pk: int) -> None:
    """A quarterly indicator added on the Performance tab and its value for July to September."""
    visit(page, f"/partnerships/{pk}/performance/")
    page.get_by_role("button", name="Add an indicator").click()
    page.wait_for_url("**/indicators/new/")
    assert_accessible(page)
    page.get_by_label("Indicator", exact=True).fill("Children with an early help plan within 20 days")
    page.get_by_label("Definition").fill("Plans agreed within 20 working days of referral")
    page.get_by_label("Unit").fill("%")
    page.get_by_label("Target").fill("85")
    page.get_by_role("group", name="Which way is better?").get_by_label("Higher is better").check()
    page.get_by_role("group", name="How often is it reported?").get_by_label("Quarterly").check()
    page.get_by_label("Data source").fill("Early help case system")
    page.get_by_label("Owner").fill("Olive Officer")
    submit(page, "Save indicator")
    page.get_by_role("button", name="Record a value").click()
    page.wait_for_url("**/values/new/")
    assert_accessible(page)
    page.get_by_label("Period").select_option(label="Q2 2026/27 (1 July 2026 to 30 September 2026)")
    page.get_by_label("Actual (%)").fill("88")  # on target: no exception to report
    submit(page, "Save value")


def start_review(page: Page, pk: int, review: str, period: tuple[date, date] | None = None) -> None:
    visit(page, f"/partnerships/{pk}/reviews/")
    page.get_by_role("button", name="Start a review").click()
    page.wait_for_url("**/reviews/start/")
    assert_accessible(page)
    page.get_by_role("group", name="Which review are you starting?").get_by_label(review).check()
    if period:
        fill_date(page, "Period the review covers: from", period[0])
        fill_date(page, "Period the review covers: to", period[1])
    submit(page, "Start the review")


def carry_out_review(page: Page, pk: int, review: str) -> None:
    """A review on the Reviews pages over the period it offers: each question answered (Yes, where it
    is a yes/no question) with its evidence, the decision to continue with the business case
    re-confirmed, and the proposed rating accepted."""
    start_review(page, pk, review)
    page.locator("main .govuk-task-list").get_by_role("link").first.click()
    while "/questions/" in page.url:
        assert_accessible(page)
        for answer in page.locator("main form .govuk-radios").all():
            answer.get_by_label("Yes", exact=True).check()
        page.locator("main form textarea").first.fill("Minutes of the Board's Annual Review, item 4")
        submit(page, "Save and continue")
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_url("**/decision/")
    assert_accessible(page)
    page.get_by_role("group", name="What does the review decide?").get_by_label("Continue as it is").check()
    page.get_by_role("group", name="Is the business case for continuing re-confirmed?").get_by_label(
        "Yes"
    ).check()
    submit(page, "Save and continue")
    submit(page, "Complete the review")
    expect(page.locator("main")).to_contain_text("Complete")


def agree_delivery_plan(page: Page, pk: int) -> None:
    """This year's delivery plan agreed by the Board: its first milestone on the Delivery plan page."""
    year = clock.today().year
    visit(page, f"/partnerships/{pk}/delivery-plan/?year={year}")
    page.get_by_role("button", name="Add a milestone").click()
    page.wait_for_url("**/delivery-plan/new/**")
    assert_accessible(page)
    page.get_by_label("Milestone").fill("Early help hubs open in every locality")
    fill_date(page, "Due date", date(year + 1, 3, 31))
    page.get_by_label("Owner").fill("Olive Officer")
    page.get_by_role("group", name="Status").get_by_label("On track").check()
    submit(page, "Save milestone")


def give_notice(page: Page, pk: int) -> None:
    """The decision to leave and the notice given under the terms of reference (2.9.1.12), reached
    from its item on the cycle page."""
    visit(page, f"/partnerships/{pk}/cycle/")
    page.locator(".govuk-task-list__item", has_text="Notice of resignation").get_by_role("link").click()
    page.wait_for_url(f"**/partnerships/{pk}/cycle/leaving/")
    assert_accessible(page)
    fill_date(page, "Date the decision was made", clock.today())
    page.get_by_label("Who made the decision").fill("Executive")
    page.get_by_label("Authority or decision reference").fill("Executive minute E/27/52")
    # Central Bedfordshire lists no reasons: the reason is written; its exit plan is 2.9.1.12's resignation.
    page.get_by_label("Why is the council's involvement ending?").fill("The partnership's aims are met")
    for question in (
        "Is this a planned or unplanned end?",
        "Will the partnership continue without the council?",
    ):
        page.get_by_role("group", name=question).get_by_role("radio").first.check()
    page.get_by_label("The notice that must be given").fill(
        "Six months' notice given to the Chair (terms of reference 12)"
    )
    submit(page, "Save the decision")
    expect(page.locator("main")).to_contain_text("The decision to leave is recorded")


# The public sector strategic partnership, from proposal to closed ---------------------------------


def proposed_and_approved(walk: Journey, users) -> None:
    officer, approver, admin = walk.officer, walk.approver, walk.admin
    name = "Children and Young People's Strategic Partnership"
    walk.pk = pk = propose(officer, name, "CYP-01")
    # Side door: no significance assessment. CBC asks no questions, so creating it recorded the tier
    # (a statutory partnership is key, 2.3); nothing defaults to the lowest tier.
    expect(officer.locator("#significance")).to_contain_text("Key partnership")
    expect(officer.locator("#significance")).to_contain_text("Last assessed 1 June 2026 by Olive Officer")
    # Its duties count from activation, not the start date typed at proposal (ADR 0021).
    expect(officer.locator("#needs")).to_contain_text("Nothing is due under the council's framework")

    # Side door: moving on before anyone has asked "Is it a partnership?".
    assert "Is it a partnership?: not answered yet" in refused_move(officer, pk, "business_case")
    assert walk.status() == "proposed"
    # The test says it is not one: the partners share no risks or rewards (1.2.3).
    take_the_test(officer, pk, no_to="share information, risks and rewards")
    expect(officer.get_by_role("heading", level=1)).to_have_text(f"{name} is not a partnership")
    visit(officer, f"/partnerships/{pk}/")
    expect(officer.locator("#classification")).to_contain_text("Not a partnership")
    missing = refused_move(officer, pk, "business_case")
    assert "Is it a partnership?: the answers say it is not a partnership" in missing
    expect(officer.get_by_role("link", name="Override this requirement")).to_have_count(0)
    assert walk.status() == "proposed"
    # Only an administrator lets it on, with a written reason that stays on its record.
    reason = "The Board pools the partners' early help budgets: they share risks (Executive E/26/14)"
    override(admin, pk, "business_case", "is_a_partnership", reason)
    visit(officer, f"/partnerships/{pk}/")
    expect(officer.locator("#gate-overrides")).to_contain_text(
        f"Overridden by administrator on 1 June 2026: {reason}"
    )
    move(officer, pk, "Start the business case")
    assert walk.status() == "business_case"

    # Side door: skipping the gate into the decision to enter (1.8, 2.10.1).
    missing = refused_move(officer, pk, "awaiting_approval")
    assert "Governance principles check at the outset: not done yet" in missing
    assert "Business case for the partnership: not done yet" in missing
    assert walk.status() == "business_case"
    answer_checklist(officer, pk, "setting_up_checklist", "setting_up_principles")  # 1.6, 1.7, 1.8, 1.9
    write_business_case(officer, pk)
    decide(approver, pk, "Business case for the partnership", BOARD, "Board minute 26/07")  # 2.10.1, 2.12
    move(officer, pk, "Submit for approval")

    missing = refused_move(officer, pk, "agreement")
    assert "Appointment of the lead authority: not done yet" in missing  # 1.6
    assert f"Decision to enter the partnership: needs approval by the {DECIDER}" in missing  # 2.2
    record_done(officer, pk, "lead_authority_appointment", "The council is the lead authority", PROPOSED)
    decide(approver, pk, "Decision to enter the partnership", DECIDER, "Executive minute E/26/31")
    move(officer, pk, "Record the approval to take part", reference="Executive minute E/26/31")
    assert walk.status() == "agreement"
    assert walk.duties() == {}  # approved, not yet active: still nothing due


def terms_agreed_and_active(walk: Journey) -> None:
    officer, approver, pk = walk.officer, walk.approver, walk.pk
    # The Board's terms of reference are checked against 2.9.1's fifteen items, never the private
    # sector contract headings (the finding); first a draft without its voting arrangements (2.9.1.15).
    terms_of_reference(officer, pk, "Draft", left_out="voting")
    expect(officer.locator("main")).to_contain_text("14 of 15 headings covered")
    expect(officer.locator("main")).not_to_contain_text("Contract monitoring")

    # Natural place: a risk scored on the Risks tab is the Board's risk register (2.9.11).
    visit(officer, f"/partnerships/{pk}/cycle/")
    risk_task = officer.locator(".govuk-task-list__item", has_text=RISK_REGISTER)
    expect(risk_task).to_contain_text("Not done")
    score_a_risk(officer, pk, "Partners' budgets for early help are cut")
    visit(officer, f"/partnerships/{pk}/cycle/")
    expect(risk_task).to_contain_text("Waiting for approval")
    # 2.14 applies "where the partnership has procurement functions" (a conditional requirement, `when`):
    # not needed until the register records that it has them.
    expect(officer.locator("main")).not_to_contain_text("Partnership procurement rules")
    visit(officer, f"/partnerships/{pk}/change/governance/")
    officer.get_by_role("group", name="Has procurement functions").get_by_label("Yes").check()
    submit(officer, "Save changes")
    visit(officer, f"/partnerships/{pk}/cycle/")
    expect(officer.locator("main")).to_contain_text("Partnership procurement rules")
    record_done(
        officer, pk, "procurement_rules", "The lead authority's procurement rules apply (2.14)", ACTIVATED
    )
    record_done(officer, pk, "public_information", "How it works is on the council's site", ACTIVATED)
    record_done(officer, pk, "project_documents", "No major projects yet", ACTIVATED)
    decide(approver, pk, "Partnership procurement rules", AUTHORITIES, "Constituent authorities CA/26/2")
    decide(approver, pk, RISK_REGISTER, BOARD, "Board minute 26/11")
    decide(approver, pk, PROJECTS, BOARD, "Board minute 26/12")

    # Side door: activating with the terms of reference a draft, and missing an item. (2.9.1 asks the
    # Board to "establish" them, not to sign them: CBC's "unsigned" is "not yet agreed".)
    missing = refused_move(officer, pk, "active")
    assert (
        f"{TERMS}: it is a draft; the framework needs it agreed; covers 14 of 15 headings: "
        "Voting arrangements missing" in missing
    )
    # Agreed, still without it. 2.9.1 says they are "to include" all fifteen: no gap may be explained
    # away (there is no reason box), and the Board is not asked to approve them until they do.
    terms_of_reference(officer, pk, "Agreed", left_out="voting")
    visit(approver, f"/partnerships/{pk}/cycle/approvals/")
    expect(approver.locator("main")).to_contain_text(
        "It does not count yet: covers 14 of 15 headings: Voting arrangements missing"
    )
    expect(approver.get_by_role("link", name=f"Decide on {TERMS} as the {BOARD}")).to_have_count(0)
    visit(approver, f"/partnerships/{pk}/cycle/approvals/terms_of_reference/board/")  # straight there
    expect(approver.locator("main")).to_contain_text("Nothing is waiting for this decision now")
    expect(approver.get_by_role("button", name="Record the decision")).to_have_count(0)
    missing = refused_move(officer, pk, "active")
    assert f"{TERMS}: covers 14 of 15 headings: Voting arrangements missing" in missing
    assert f"{TERMS}: needs approval by the {BOARD}" in missing
    assert walk.status() == "agreement"

    terms_of_reference(officer, pk, "Agreed")
    expect(officer.locator("main")).to_contain_text("The agreement covers every heading.")
    decide(approver, pk, TERMS, BOARD, "Board minute 26/13")
    move(officer, pk, "Make the partnership active")
    assert walk.status() == "active"

    # Every duty counts from activation: quarterly ones three months on, yearly ones a year on.
    rows = walk.duties()
    for duty in QUARTERLY:
        assert (rows[duty].due, rows[duty].status) == (due(ACTIVATED, months=3), "Not yet due"), duty
    for duty in YEARLY:
        assert (rows[duty].due, rows[duty].status) == (due(ACTIVATED, years=1), "Not yet due"), duty


def first_quarter_reported(walk: Journey) -> None:
    officer, pk = walk.officer, walk.pk
    rows = walk.duties()
    for duty in QUARTERLY:
        assert (rows[duty].due, rows[duty].status) == (due(ACTIVATED, months=3), "Overdue"), duty

    # Natural place: the quarter's figures entered on the Performance tab are the Board's performance
    # monitoring report (2.13.1); none was missed, so the exception report is complete too (2.13.2).
    # (A zero-length report period cannot arise here: values are for a whole quarter picked from a
    # list. The side door is tried on the Annual Review's period and the contract monitoring report.)
    report_a_quarter(officer, pk)
    # 2.13.4 is reachable: its row on the record links to the page where it is recorded.
    visit(officer, f"/partnerships/{pk}/")
    officer.locator("#needs").get_by_role("link", name=AUDIT).click()
    officer.wait_for_url(f"**/partnerships/{pk}/cycle/records/audit_scrutiny_reports/")
    assert_accessible(officer)
    fill_date(officer, "Date produced", QUARTER_REPORTED)
    officer.get_by_label("Summary").fill("The Board considered internal audit's report (minute 26/30)")
    submit(officer, "Save")

    rows = walk.duties()  # rolling: next due three months after it was done, not after it fell due
    for duty in QUARTERLY:
        expected = (due(QUARTER_REPORTED, months=3), "Met", govuk_date(QUARTER_REPORTED))
        assert (rows[duty].due, rows[duty].status, rows[duty].evidence) == expected, duty


def annual_review_held(walk: Journey) -> None:
    officer, pk = walk.officer, walk.pk
    rows = walk.duties()
    assert (rows[REVIEW].due, rows[REVIEW].status) == (due(ACTIVATED, years=1), "Due soon")
    assert (rows[PERFORMANCE].due, rows[PERFORMANCE].status) == (due(QUARTER_REPORTED, months=3), "Overdue")

    # Side door: the Annual Review's questions (2.11.1) reached as a plain checklist are not there to
    # answer, and the cycle page sends them to the Reviews tab, not to a checklist.
    visit(officer, f"/partnerships/{pk}/cycle/checklists/annual_review/annual_review/")
    expect(officer.get_by_role("heading", level=1)).to_have_text("Page not found")
    visit(officer, f"/partnerships/{pk}/cycle/")
    expect(officer.locator("main a[href*='/checklists/annual_review']")).to_have_count(0)
    expect(officer.locator("main").get_by_role("link", name="Reviews", exact=True).last).to_have_attribute(
        "href", f"/partnerships/{pk}/reviews/"
    )
    assert walk.duties()[REVIEW].status == "Due soon"

    # Side door: a review of a period that ends the day it starts.
    start_review(officer, pk, "Annual Review meeting", period=(REVIEWED, REVIEWED))
    summary = officer.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The end of the period must be after its start")
    expect(summary.get_by_role("link")).to_have_attribute("href", "#id_period_end-day")
    assert not Review.objects.filter(partnership_id=pk).exists()

    # Held on the Reviews pages, a fortnight early: the next is due a year after it, so the gap
    # between two never exceeds a year and doing it early skips nothing.
    carry_out_review(officer, pk, "Annual Review meeting")
    rows = walk.duties()
    expected = (due(REVIEWED, years=1), "Met", govuk_date(REVIEWED))
    assert (rows[REVIEW].due, rows[REVIEW].status, rows[REVIEW].evidence) == expected
    assert (rows[REVIEW_REPORT].due, rows[REVIEW_REPORT].status) == (due(ACTIVATED, years=1), "Due soon")
    # Its report to the executive (2.11.2) is a review of its own; the delivery plan (2.13.7) is agreed
    # on the Delivery plan page.
    carry_out_review(officer, pk, "Report of the annual review to the executive")
    agree_delivery_plan(officer, pk)
    rows = walk.duties()
    for duty in YEARLY:
        assert (rows[duty].due, rows[duty].status, rows[duty].evidence) == expected, duty


def left_and_closed(walk: Journey) -> None:
    officer, pk = walk.officer, walk.pk
    # Side doors: closing straight from active, or leaving without the notice of resignation the terms
    # of reference require (2.9.1.12).
    visit(officer, f"/partnerships/{pk}/cycle/move/closed/")
    refusal = "A partnership that is 'Operating and overseen' cannot move to 'Terminated'"  # CBC's stages
    expect(officer.locator("main")).to_contain_text(refusal)
    assert "Notice of resignation from the partnership: not done yet" in refused_move(officer, pk, "leaving")
    assert walk.status() == "active"

    give_notice(officer, pk)
    reason = "The Board's work passes to the new Children's Trust"
    move(officer, pk, "Record the decision to leave", reason=reason, reference="Executive minute E/27/52")
    assert walk.status() == "leaving"
    # The protocol asks for no exit report (1.7.3, 2.9.1.11): nothing more stands before closing.
    move(officer, pk, "Close the partnership", reason="Notice served; joint assets returned")
    assert walk.status() == "closed"
    assert walk.duties() == {}
    expect(officer.locator("#needs")).to_contain_text(
        f"Nothing is due: the partnership ended on {govuk_date(LEFT)}"
    )
    moves = list(Transition.objects.filter(partnership_id=pk).values_list("to_status", flat=True))
    assert moves == [
        "proposed",
        "business_case",
        "awaiting_approval",
        "agreement",
        "active",
        *["under_review", "active"] * 2,  # each review puts it under review until it is completed
        "leaving",
        "closed",
    ]


def test_a_public_sector_strategic_partnership_from_proposal_to_closed(central_bedfordshire, new_page, users):
    walk = Journey(officer=new_page(), approver=new_page(), admin=new_page())
    with on_day(PROPOSED):
        for page, username in (
            (walk.officer, "officer"),
            (walk.approver, "approver"),
            (walk.admin, "administrator"),
        ):
            sign_in(page, username)
        proposed_and_approved(walk, users)
    # Each later day is months on, so each person signs in again (sessions last half an hour).
    with on_day(ACTIVATED):
        sign_in(walk.officer, "officer")
        sign_in(walk.approver, "approver")
        terms_agreed_and_active(walk)
    with on_day(QUARTER_REPORTED):
        sign_in(walk.officer, "officer")
        first_quarter_reported(walk)
    with on_day(REVIEWED):
        sign_in(walk.officer, "officer")
        annual_review_held(walk)
    with on_day(LEFT):
        sign_in(walk.officer, "officer")
        left_and_closed(walk)


# The private sector partnership: its contract and its duties from activation --------------------


def contract(page: Page, pk: int) -> None:
    """The contract, agreed (3.2.3 asks for the Monitoring Officer's approval, not a signature),
    covering seven of the eight contract headings and explaining the eighth."""
    template = next(t for t in loader.current().templates if t.id == "private_sector_contract")
    where = {h.id: f"Clause {n}" for n, h in enumerate(template.headings, 1) if h.id != "flexibility"}
    why = {"flexibility": "Changes are made through the contract's variation procedure (schedule 9)"}
    record_governing_document(
        page, pk, "Contract", "Highways term maintenance contract", "Agreed", where, why
    )


def report_contract_monitoring(page: Page, start: date, end: date) -> None:
    fill_date(page, "Period from", start)
    fill_date(page, "Period to", end)
    fill_date(page, "Date produced", clock.today())
    page.get_by_label("Summary").fill("Authorised Officer's report: specification met, costs on budget")
    submit(page, "Save")


def test_a_private_sector_partnerships_contract_monitoring_applies_from_activation(
    central_bedfordshire, new_page, users, officer_person
):
    """3.2.7 and 3.2.8 were counted only from a signed date, so an active private sector partnership
    whose contract was agreed but not signed showed "Nothing is due" for both."""
    officer, approver = new_page(), new_page()
    with on_day(CONTRACT_AGREED):
        # Set up at its contract stage (the public journey walks the steps before it).
        partnership = f.PartnershipFactory(
            name="Central Bedfordshire Highways Partnership",
            reference="HWY-01",
            status="agreement",
            statutory_status="non_statutory",
            partnership_type=f.PartnershipTypeFactory(name="Private sector"),
        )
        f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
        pk = partnership.pk
        sign_in(officer, "officer")
        sign_in(approver, "approver")
        missing = refused_move(officer, pk, "active")
        assert f"{CONTRACT}: not done yet" in missing
        assert "Terms of reference" not in missing  # a public sector Board's (2.9.1), not this one's

        # Checked against the private sector contract headings (3.2), not the fifteen 2.9.1 items; a
        # heading may be left out with a reason, which the Monitoring Officer accepts by approving it.
        contract(officer, pk)
        expect(officer.locator("main")).to_contain_text("7 of 8 headings covered")
        expect(officer.locator("main")).to_contain_text("Contract monitoring and management provisions")
        expect(officer.locator("main")).not_to_contain_text("Voting arrangements")
        score_a_risk(officer, pk, "The contractor's costs rise faster than the index")  # 3.2.6
        record_done(
            officer, pk, "strategic_objectives", "Set from the Corporate Plan (3.2.9)", CONTRACT_AGREED
        )
        visit(approver, f"/partnerships/{pk}/cycle/approvals/")
        expect(approver.locator("main")).to_contain_text(f"7 of 8 headings of the {CONTRACT} covered")
        decide(approver, pk, CONTRACT, "Monitoring Officer", "Monitoring Officer decision MO/26/9")
        move(officer, pk, "Make the partnership active")
        assert Partnership.objects.get(pk=pk).status == "active"

        # No signed date: contract monitoring counts from activation, and says so.
        rows = obligation_rows(officer, pk)
        monitoring = rows[CONTRACT_MONITORING]
        assert (monitoring.due, monitoring.status) == (
            due(CONTRACT_AGREED, months=3),
            f"Not yet due\n{ACTIVATION}",
        )
        assert not {AUDIT, PERFORMANCE, REVIEW} & set(rows)  # the public sector Board's duties
        # The Chief Executive's yearly report (3.2.8) is the council's duty, not this partnership's:
        # it is on the Council duties page (ADR 0031).
        assert YEARLY_REPORT not in rows
        visit(officer, "/council-duties/")
        expect(officer.locator("main")).to_contain_text(YEARLY_REPORT)
        expect(officer.locator("main")).to_contain_text("J3 Partnerships Protocol, 3.2.8")
        assert_accessible(officer)

    with on_day(CONTRACT_MONITORED):
        sign_in(officer, "officer")
        assert obligation_rows(officer, pk)[CONTRACT_MONITORING].status == f"Overdue\n{ACTIVATION}"
        # Its row links to where the Council Authorised Officer's report is recorded, with its period.
        officer.locator("#needs").get_by_role("link", name=CONTRACT_MONITORING).click()
        officer.wait_for_url(f"**/partnerships/{pk}/cycle/records/contract_monitoring_report/")
        assert_accessible(officer)

        # Side door: a report covering a period that ends the day it starts.
        report_contract_monitoring(officer, CONTRACT_MONITORED, CONTRACT_MONITORED)
        summary = officer.locator(".govuk-error-summary")
        expect(summary).to_contain_text("The end of the period must be after its start")
        expect(summary.get_by_role("link")).to_have_attribute("href", "#id_period_end-day")
        assert not ArtefactRecord.objects.filter(
            partnership_id=pk, slot="contract_monitoring_report"
        ).exists()

        report_contract_monitoring(officer, CONTRACT_AGREED, date(2027, 1, 31))
        monitoring = obligation_rows(officer, pk)[CONTRACT_MONITORING]
        expected = (due(CONTRACT_MONITORED, months=3), f"Met\n{ACTIVATION}", govuk_date(CONTRACT_MONITORED))
        assert (monitoring.due, monitoring.status, monitoring.evidence) == expected

        # Side door: leaving with no decision to leave. There are no terms of reference to give notice
        # under (2.9.1.12 is the Board's), but the decision to scale down (1.7.3) is still recorded first.
        missing = refused_move(officer, pk, "leaving")
        assert "Decision to end or scale down the council's involvement: not done yet" in missing
