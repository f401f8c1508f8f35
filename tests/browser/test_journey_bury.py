"""Bury's Code of Practice for Partnerships in a real browser: one local strategic partnership that could
commit Council funds, walked from proposal to closed (issue 14, "Done when"). At each step the page's
obligation statuses and due dates are those the framework implies (ADR 0021: the Partnership
Agreement reviewed at least annually (7.5) — first a year after it was signed, else after activation,
then a year after the last review; the LSP's representatives report back to the Executive every year
(App 5 (ii))), each side door is refused or needs an administrator's recorded override, and evidence
recorded in its natural place meets the requirement (ADR 0024). axe-core runs on every page visited
(tests/browser/conftest.py).

The day is frozen explicitly; the live server runs in the same process, so it sees the same clock.
"""

from datetime import date

import pytest
from playwright.sync_api import expect

from accord.domain.lifecycle import content, recording, signoff
from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Transition
from accord.domain.risks.models import Risk
from accord.frameworks import apply, loader
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day

from .conftest import submit, visit
from .journey import carry_out_review, decide_to_leave, fill_date, move, override, refused_move
from .journey_steps import (
    answer_and_complete,
    assert_due,
    decide,
    duties,
    months_after,
    propose,
    signed_in,
    take_the_test,
)

pytestmark = pytest.mark.browser

GO_LIVE = date(2027, 1, 4)
PROPOSED_ON = date(2027, 3, 1)
ASSESSED_ON = date(2027, 3, 15)  # the need tested, the information documented, the risks assessed
SIGNED_ON = date(2027, 5, 20)
ACTIVE_ON = date(2027, 6, 1)
REVIEWED_ON = date(2028, 4, 25)
LEAVING_ON = date(2028, 7, 3)

FRAMEWORK = loader.get("bury")
AGREEMENT_REVIEW = next(o.name for o in FRAMEWORK.obligations if o.id == "agreement_annual_review")
REPORT_BACK = "Representatives report back to the Executive (Local strategic partnership)"
APPROVER_ROLES = (
    "chief_senior_officer",
    "relevant_director",
    "corporate_procurement",
    "corporate_procurement_manager",
    "director_legal",
    "director_finance",
)
SIGNIFICANCE = {  # no Executive approval needed; Council funds could be committed: the financial matters
    "Does the Council's Constitution and Delegation Scheme require the Executive": "No",
    "Is there the possibility of the partnership committing either Council funds or services?": "Yes",
}
CRITERIA = {"Is it a relationship between", "Is the Council working with", "Will the parties work"}
INFORMAL_GROUP = "Is it an informal group"  # an exclusion (3.3): answered yes, it is not a partnership
DELEGATED = "record_of_delegated_decision"  # App 3
OVERRIDE_REASON = "The Executive designated Team Bury the borough's LSP (minute EX/27/12)"


def heads_of_terms():
    return next(t for t in FRAMEWORK.templates if t.id == "heads_of_terms").headings


def answer_checklists(officer, pk: int, banks: list[str]) -> None:
    """App 2 checklists answered earlier, each question with its comment (set-up: 36 questions)."""
    artefact = next(a for a in FRAMEWORK.artefacts if a.id == "needs_checklists")
    answers = {
        bank: {
            q.id: {"answer": "yes", "comment": "Considered by the project group"}
            for q in content.bank(FRAMEWORK, bank).questions
        }
        for bank in banks
    }
    recording.save_answers(
        officer,
        Partnership.objects.get(pk=pk),
        content.slot_for(artefact),
        {"banks": answers},
        kind=artefact.kind,
        title=artefact.name,
        is_complete=lambda merged: content.banks_complete(FRAMEWORK, artefact.banks, merged),
    )


def sign_off(officer, pk: int) -> None:
    """The App 3 sign-off: every department it expects, consulted and content (set-up: a long form)."""
    partnership = Partnership.objects.get(pk=pk)
    for expected in signoff.expected_departments(FRAMEWORK):
        values = {
            "department": expected.department,
            "key_areas": "; ".join(expected.key_areas) or "The partnership as a whole",
            "officer_name": f"Officer of {expected.department}",
            "officer_position": "Head of Service",
            "advice": "Content for the partnership to go ahead",
            "followed": True,
            "why_not_followed": "",
            "consulted_on": SIGNED_ON,
        }
        signoff.save_consultee(officer, partnership, values, FRAMEWORK)


def sign_the_declaration(page, pk: int) -> None:
    """App 3's declaration, signed by the Director / Chief Officer by name and dated, in the browser."""
    visit(page, f"/partnerships/{pk}/cycle/sign-off/")
    expect(page.locator("#declaration")).to_contain_text("I have consulted the above, considered")
    expect(page.locator("#declaration")).to_contain_text("Not signed yet")
    page.get_by_role("button", name="Sign the declaration").click()
    page.get_by_label("Name of the Director / Chief Officer signing").fill("Dana Director")
    fill_date(page, "Date", SIGNED_ON)
    submit(page, "Sign the declaration")
    expect(page.locator("#declaration")).to_contain_text(
        f"Signed by Dana Director, Director / Chief Officer, on {govuk_date(SIGNED_ON)}."
    )


def record_it(page, pk: int, artefact_id: str, on: date, summary: str) -> None:
    """ "Record that it was done" on the cycle, for an artefact produced outside Accord."""
    visit(page, f"/partnerships/{pk}/cycle/records/{artefact_id}/")
    fill_date(page, "Date produced", on)
    page.get_by_label("Summary").fill(summary)
    submit(page, "Save")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("recorded")


def write_the_information(page, pk: int) -> None:
    """Bury's 8.5: the fourteen things documented for the decision to be involved, on Bury's own
    form (its business case); what the register already holds is shown, not asked again."""
    visit(page, f"/partnerships/{pk}/cycle/business-case/information/")
    main = page.locator("main")
    expect(main).to_contain_text("Information to document before the Council is involved")
    expect(main).to_contain_text("What geographical area will the partnership cover?")
    expect(main).not_to_contain_text("Nature of the business case")  # Redditch's form is not Bury's
    for question in loader.get("bury").business_case.questions():
        box = page.get_by_label(question.text, exact=True)
        if box.count():
            box.fill(f"Documented for DMT: {question.wording}")
    submit(page, "Save and mark as complete")
    expect(main).to_contain_text("Completed")


def add_role(page, pk: int, person: str, role: str) -> None:
    """People and roles: `person` takes on `role`."""
    visit(page, f"/partnerships/{pk}/people/add/")
    page.get_by_role("combobox", name="Person").select_option(label=person)
    page.get_by_role("combobox", name="Role").select_option(label=role)
    submit(page, "Save")
    expect(page.locator("#people")).to_contain_text(person.split(" (")[0])


def save_agreement(page, pk: int, status: str) -> None:
    visit(page, f"/partnerships/{pk}/cycle/agreement/")
    page.get_by_role("group", name="Type of document").get_by_label("Partnership agreement").check()
    page.get_by_label("Title").fill("Team Bury partnership agreement")
    page.get_by_role("group", name="Status").get_by_label(status).check()
    fill_date(page, "Date agreed", SIGNED_ON)
    if status == "Signed":
        fill_date(page, "Date signed", SIGNED_ON)
    fill_date(page, "Next review date", date(2028, 5, 1))
    page.get_by_label("Notice a partner must give to leave").fill("Six months")
    submit(page, "Save the agreement")


def cover(page, pk: int, headings) -> None:
    visit(page, f"/partnerships/{pk}/cycle/agreement/coverage/")
    for heading in headings:
        page.locator(f"#id_{heading.id}").fill(f"Section {heading.text[0]}")
    submit(page, "Save the coverage")


def test_a_local_strategic_partnership_from_proposal_to_closed(settings, new_page, users, officer_person):
    settings.ACCORD_FRAMEWORK = "bury"
    f.track_from(GO_LIVE)
    f.DirectorateFactory(code="COMM", name="Communities")
    f.PersonFactory(name="Bilal Khan", job_title="Finance Manager")
    f.PersonFactory(name="Cllr Alan Whittaker", job_title="Councillor", kind="member")
    for role in APPROVER_ROLES:
        Appointment.objects.create(user=users["approver"], framework_id="bury", role_id=role)

    with on_day(PROPOSED_ON):
        officer = signed_in(new_page, "officer")
        # Side door: a partnership added without its significance assessed (through the API, say)
        # cannot move on, whatever else is done: the tier decides its gates (ADR 0022).
        unassessed = f.PartnershipFactory(name="Bury Youth Forum", status="proposed", assessed=False)
        f.RoleFactory(partnership=unassessed, person=officer_person, role="lead_officer")
        assert "Significance: not assessed yet" in refused_move(officer, unassessed.pk, "business_case")
        expect(officer.get_by_role("link", name="Override this requirement")).to_have_count(0)

        pk = propose(
            officer,
            name="Team Bury Partnership",
            reference="TB-01",
            type_name="Partnership permitted, required or encouraged by law",  # 3.4
            subtype="Local Strategic Partnership (LSP)",  # App 1, App 5 (ii): reports to the Executive
            start=date(2026, 9, 1),  # typed, and never a clock (ADR 0021, rule 3)
            significance=SIGNIFICANCE,
        )
        expect(officer.locator("#significance")).to_contain_text("Council funds or services committed")
        expect(officer.locator("#type")).to_contain_text("Local Strategic Partnership (LSP)")  # its sub-type
        # A proposal owes nothing yet.
        expect(officer.locator("#needs")).to_contain_text("Nothing is due under the council's framework")

        # Side door: a "not a partnership" result (an informal group, 3.3) holds it in Proposed.
        result = take_the_test(officer, pk, CRITERIA | {INFORMAL_GROUP})
        assert "Team Bury Partnership is not a partnership" in result
        refused = refused_move(officer, pk, "business_case")
        assert "Is it a partnership?: the answers say it is not a partnership" in refused
        # Skipping a gate: Procurement's or Legal's view comes before any discussion with partners (3.2).
        assert "View of Corporate Procurement and/or Legal Services: not done yet" in refused
        admin = signed_in(new_page, "administrator")
        override(admin, pk, "business_case", "is_a_partnership", OVERRIDE_REASON)
        refused = refused_move(officer, pk, "business_case")
        assert "Is it a partnership?" not in refused  # overridden: listed below the summary, not in it
        assert "View of Corporate Procurement and/or Legal Services: not done yet" in refused
        assert Partnership.objects.get(pk=pk).status == "proposed"
        record_it(
            officer, pk, "procurement_legal_view", PROPOSED_ON, "Legal Services: an LSP needs no tender (3.4)"
        )
        move(officer, pk, "Start the business case")

    with on_day(ASSESSED_ON):
        officer, approver = signed_in(new_page, "officer"), signed_in(new_page, "approver")
        refused = refused_move(officer, pk, "awaiting_approval")
        for missing in (
            "Useful checklists: not done yet",
            "Information documented for the decision to be involved: not done yet",
            "Partnership Risk Assessment Action Plan Register: not done yet",
        ):
            assert missing in refused
        # App 2: three checklists answered earlier; the fourth here, every comment given.
        answer_checklists(
            users["officer"],
            pk,
            ["objectives_planning", "governance_accountability_probity", "member_officer_responsibilities"],
        )
        visit(officer, f"/partnerships/{pk}/cycle/checklists/needs_checklists/inclusivity_communication/")
        for group in officer.locator("main form .govuk-radios").all():
            group.get_by_label("Yes", exact=True).check()
        for box in officer.locator("main form textarea").all():
            box.fill("Considered by the project group on 12 March 2027")
        submit(officer, "Save and mark as complete")
        write_the_information(officer, pk)

        # Natural place: the App 10 risk assessment is the Risks tab. Identified is not enough; scored is.
        visit(officer, f"/partnerships/{pk}/risks/new/")
        officer.get_by_role("group", name="Is it a risk or an opportunity?").get_by_label("Risk").check()
        officer.get_by_label("Title").fill("Partners do not share one vision")
        fill_date(officer, "Date identified", ASSESSED_ON)
        officer.get_by_label("Risk owner").fill("Olive Officer")
        submit(officer, "Save risk")
        assert "Partnership Risk Assessment Action Plan Register: not done yet" in refused_move(
            officer, pk, "awaiting_approval"
        )
        risk = Risk.objects.get(partnership_id=pk)
        visit(officer, f"/partnerships/{pk}/risks/{risk.pk}/score/current/")
        officer.get_by_role("group", name="Likelihood").get_by_label("2 – Possible", exact=True).check()
        officer.get_by_role("group", name="Impact").get_by_label("3 – Significant", exact=True).check()
        submit(officer, "Save score")
        refused = refused_move(officer, pk, "awaiting_approval")
        assert "Partnership Risk Assessment Action Plan Register: not done yet" not in refused
        assert (
            "Partnership Risk Assessment Action Plan Register: needs approval by the Chief/Senior" in refused
        )
        visit(approver, "/approvals/")
        expect(
            approver.get_by_role("link", name="Partnership Risk Assessment Action Plan Register")
        ).to_be_visible()
        decide(
            approver, pk, "risk_assessment", "chief_senior_officer", "Signed off: risks assessed and owned"
        )
        move(officer, pk, "Seek approval in principle")  # Bury's words (6.4)

        # Approval in principle, and Corporate Procurement's agreement that no tender is needed (App 2).
        refused = refused_move(officer, pk, "agreement")
        assert "Approval in principle: needs approval by the Director / Chief Officer(s)" in refused
        assert (
            "Agreement with Corporate Procurement that no procurement exercise is needed: not done yet"
            in refused
        )
        record_it(officer, pk, "procurement_exemption", ASSESSED_ON, "Corporate Procurement agreed by email")
        decide(approver, pk, "procurement_exemption", "corporate_procurement", "Agreed: permitted by law")
        decide(
            approver,
            pk,
            "approval_in_principle",
            "relevant_director",
            "Agreed in principle",
            reference="RDD 27/31",
        )
        move(
            officer, pk, "Record the approval to take part", reference="Record of Delegated Decision 2027/31"
        )
        rows = duties(officer, pk)  # nothing signed, nothing active: neither is due yet (the scored risk is)
        assert not {AGREEMENT_REVIEW, REPORT_BACK} & {row.name for row in rows.rows}
        expect(officer.locator("#gate-overrides")).to_contain_text(  # the override, on the record
            f"Overridden by administrator on 1 March 2027: {OVERRIDE_REASON}"
        )

    with on_day(SIGNED_ON):
        officer, approver = signed_in(new_page, "officer"), signed_in(new_page, "approver")
        # Side door: an agreement only agreed, covering 7 of App 4's 9 heads. Bury 7: "ALL PARTNERSHIPS
        # NEED A WRITTEN SIGNED AGREEMENT".
        save_agreement(officer, pk, "Agreed")
        cover(officer, pk, heads_of_terms()[:7])
        assert (
            "Partnership Agreement: it is agreed but not signed; the framework needs it signed; "
            "covers 7 of 9 headings: H. Review and I. Other Considerations missing, with no explanation"
        ) in refused_move(officer, pk, "active")
        save_agreement(officer, pk, "Signed")
        refused = refused_move(officer, pk, "active")
        assert "agreed but not signed" not in refused
        assert (
            "Partnership Agreement: covers 7 of 9 headings: H. Review and I. Other Considerations" in refused
        )
        cover(officer, pk, heads_of_terms()[7:])
        sign_off(users["officer"], pk)
        # App 3: everyone consulted, the sign-off is still not complete until its declaration is signed.
        assert "Partnership sign off checklist: not done yet" in refused_move(officer, pk, "active")
        sign_the_declaration(officer, pk)
        # App 3: the sign-off is "to be attached to the Record of Delegated Decision sheet".
        assert "Record of Delegated Decision: not done yet" in refused_move(officer, pk, "active")
        visit(officer, f"/partnerships/{pk}/cycle/checklists/{DELEGATED}/{DELEGATED}/")
        expect(officer.locator("main")).to_contain_text("What advice/guidance has been sought")
        answer_and_complete(officer)
        record_it(
            officer, pk, "procurement_arrangements", SIGNED_ON, "It follows the Contract Procedure Rules"
        )
        # Natural places: the Budget Holder is added under People and roles (9.22), the exit strategy
        # is the register's "Insurance and exit" (9.21).
        assert "Budget Holder appointed: not done yet" in refused
        add_role(officer, pk, "Bilal Khan (Finance Manager)", "Budget holder")
        add_role(officer, pk, "Cllr Alan Whittaker (Councillor)", "Council representative")
        visit(officer, f"/partnerships/{pk}/change/arrangements/")
        officer.get_by_label("Exit strategy").fill("Six months' notice; the pooled budget returns pro rata.")
        submit(officer, "Save changes")
        refused = refused_move(officer, pk, "active")
        assert "not done yet" not in refused  # only the written approvals are left (7.6, App 3, 9.11)
        for artefact, role in (
            ("procurement_arrangements", "corporate_procurement_manager"),
            ("partnership_agreement", "director_legal"),
            ("partnership_agreement", "director_finance"),
            ("partnership_agreement", "relevant_director"),
            ("sign_off_checklist", "director_legal"),
            ("sign_off_checklist", "director_finance"),
            ("sign_off_checklist", "relevant_director"),
        ):
            decide(approver, pk, artefact, role, "Approved in writing")
        # Signed before it is active: the review is counted from the signature (7.5).
        assert_due(duties(officer, pk), AGREEMENT_REVIEW, "Not yet due", months_after(SIGNED_ON, 12))

    with on_day(ACTIVE_ON):
        officer = signed_in(new_page, "officer")
        move(officer, pk, "Make the partnership active")
        rows = duties(officer, pk)
        assert_due(rows, AGREEMENT_REVIEW, "Not yet due", months_after(SIGNED_ON, 12))  # a year after signing
        assert_due(rows, REPORT_BACK, "Not yet due", months_after(ACTIVE_ON, 12))  # a year after activation

    with on_day(REVIEWED_ON):
        officer = signed_in(new_page, "officer")
        # Side door: the agreement review's questions answered as a plain checklist. No such page
        # (ADR 0024): the review is carried out on the Reviews tab. The duty is as it was.
        visit(officer, f"/partnerships/{pk}/cycle/checklists/agreement_review/agreement_review/")
        expect(officer.get_by_role("heading", level=1)).to_have_text("Page not found")
        rows = duties(officer, pk)
        assert_due(rows, AGREEMENT_REVIEW, "Due soon", months_after(SIGNED_ON, 12))
        assert_due(rows, REPORT_BACK, "Not yet due", months_after(ACTIVE_ON, 12))
        # Side door: a financial monitoring report (9.10) for a period that ends the day it starts.
        visit(officer, f"/partnerships/{pk}/cycle/records/financial_monitoring_report/")
        fill_date(officer, "Period from", REVIEWED_ON)
        fill_date(officer, "Period to", REVIEWED_ON)
        fill_date(officer, "Date produced", REVIEWED_ON)
        officer.get_by_label("Summary").fill("Spend to date against the pooled budget")
        submit(officer, "Save")
        expect(officer.locator(".govuk-error-summary")).to_contain_text(
            "The end of the period must be after its start"
        )
        assert not ArtefactRecord.objects.filter(
            partnership_id=pk, slot="financial_monitoring_report"
        ).exists()

        # The review, carried out on the Reviews tab, early: next due a year after it (7.5, "at least
        # annually"), not a year after 20 May. The report-back, on the Representatives page, likewise.
        carry_out_review(officer, pk, "Review of the Partnership Agreement", "Board minutes, 20 April 2028")
        visit(officer, f"/partnerships/{pk}/representatives/report-backs/new/")
        fill_date(officer, "Date reported back", REVIEWED_ON)
        officer.get_by_label("What was reported").fill("The Board agreed the refreshed community strategy.")
        officer.get_by_role("group", name="Did it raise policy issues?").get_by_label("No").check()
        officer.get_by_role("group", name="Did it raise performance issues?").get_by_label("No").check()
        submit(officer, "Save")
        expect(officer.locator(".govuk-notification-banner--success")).to_contain_text("Report-back recorded")
        rows = duties(officer, pk)
        assert_due(rows, AGREEMENT_REVIEW, "Met", months_after(REVIEWED_ON, 12), REVIEWED_ON)
        assert_due(rows, REPORT_BACK, "Met", months_after(REVIEWED_ON, 12), REVIEWED_ON)

    with on_day(LEAVING_ON):
        officer = signed_in(new_page, "officer")
        # Side door: leaving with no decision to leave recorded (9.21).
        refused = refused_move(officer, pk, "leaving")
        assert "Decision to end the council's involvement: not done yet" in refused
        assert Partnership.objects.get(pk=pk).status == "active"
        decide_to_leave(officer, pk, date(2028, 6, 28), "Executive", "Executive minute EX/28/40")
        # Natural place: the exit plan written in full with the decision (App 4 G) is an exit strategy,
        # dated the day it was written (ADR 0024). Bury needs the strategy before the partnership is
        # active (9.21), so at that gate it was met by the register's "Insurance and exit".
        partnership = Partnership.objects.get(pk=pk)
        assert LEAVING_ON in apply.facts_for(FRAMEWORK, [partnership])[pk].evidence["exit_strategy"]
        move(officer, pk, "Record the decision to leave", reason="Funding ends", reference="EX/28/40")
        rows = duties(officer, pk)  # still owed while the council is leaving
        assert_due(rows, AGREEMENT_REVIEW, "Met", months_after(REVIEWED_ON, 12), REVIEWED_ON)
        move(officer, pk, "Close the partnership", reason="The partners have dissolved it (App 4 G)")
        assert not duties(officer, pk).rows
        expect(officer.locator("#needs")).to_contain_text("Nothing is due: the partnership ended on")
        assert list(Transition.objects.filter(partnership_id=pk).values_list("to_status", flat=True)) == [
            "proposed",
            "business_case",
            "awaiting_approval",
            "agreement",
            "active",
            "under_review",  # while the agreement was reviewed
            "active",
            "leaving",
            "closed",
        ]
