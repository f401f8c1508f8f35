"""Steps shared by the per-framework journeys (tests/browser/test_journey_*.py): one partnership from
proposal to closed, in a real browser, with axe-core on every page visited (issue 14).

Each step acts as a user would, on the page where they would do it, and returns once the next page
has loaded. Reading steps (`obligation`, `refused_move`) return what the page shows, so a journey
asserts in the page's own words.
"""

import re
from dataclasses import dataclass
from datetime import date

from playwright.sync_api import Page, expect

from .conftest import assert_accessible, submit, visit


def fill_date(page: Page, group: str, day: date) -> None:
    """A GOV.UK date input: the fieldset named `group`, its Day, Month and Year boxes."""
    boxes = page.get_by_role("group", name=group)
    boxes.get_by_label("Day").fill(str(day.day))
    boxes.get_by_label("Month").fill(str(day.month))
    boxes.get_by_label("Year").fill(str(day.year))


def move(page: Page, pk: int, button: str, *, reason: str = "", reference: str = "") -> None:
    """From the cycle page, take the move named `button` and confirm it (with a reason and a decision
    reference where the move asks for them)."""
    visit(page, f"/partnerships/{pk}/cycle/")
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_url(f"**/partnerships/{pk}/cycle/move/**")
    assert_accessible(page)
    if reason:
        page.get_by_label("Reason for this decision").fill(reason)
    if reference:
        page.get_by_label("Decision reference", exact=True).fill(reference)
    submit(page, button)
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


def refused_move(page: Page, pk: int, target: str) -> str:
    """Open the move into `target` directly (as someone skipping the gate would) and return what the
    error summary says is missing; fails if the move is not refused."""
    visit(page, f"/partnerships/{pk}/cycle/move/{target}/")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page.locator("main form[method=post]")).to_have_count(0)  # nothing to confirm
    return summary.inner_text()


def override(page: Page, pk: int, target: str, item_id: str, reason: str) -> None:
    """As an administrator, override one missing item of the gate into `target`, with a reason."""
    visit(page, f"/partnerships/{pk}/cycle/move/{target}/override/{item_id}/")
    page.get_by_label("Why may the partnership move on without it?").fill(reason)
    submit(page, "Override this requirement")


@dataclass(frozen=True)
class Row:
    """One row of 'What this partnership needs' on the partnership's record, as shown."""

    name: str
    due: str
    status: str
    evidence: str


def obligation(page: Page, pk: int, name: str) -> Row:
    """The row of the obligation called `name` on the partnership's record."""
    visit(page, f"/partnerships/{pk}/")
    row = page.locator("#needs table tbody tr").filter(has_text=name).first
    expect(row).to_be_visible()
    cells = [c.inner_text().strip() for c in row.locator("th, td").all()]
    return Row(name=cells[0], due=cells[2], status=cells[3], evidence=cells[4])


def obligation_names(page: Page, pk: int) -> list[str]:
    visit(page, f"/partnerships/{pk}/")
    return [
        r.locator("th, td").first.inner_text().strip() for r in page.locator("#needs table tbody tr").all()
    ]


# More shared steps (added by the Central Bedfordshire journey) -----------------------------------


def obligation_rows(page: Page, pk: int) -> dict[str, Row]:
    """Every row of 'What this partnership needs' on the partnership's record, by name, from one visit."""
    visit(page, f"/partnerships/{pk}/")
    found = {}
    for row in page.locator("#needs table tbody tr").all():
        cells = [c.inner_text().strip() for c in row.locator("th, td").all()]
        found[cells[0]] = Row(name=cells[0], due=cells[2], status=cells[3], evidence=cells[4])
    return found


def answer_checklist(page: Page, pk: int, artefact_id: str, bank_id: str, comment: str = "Confirmed") -> None:
    """A yes/no checklist on its pages: every question Yes, with a comment, each of the artefact's
    question banks in turn (the page moves on to the next until all are complete)."""
    visit(page, f"/partnerships/{pk}/cycle/checklists/{artefact_id}/{bank_id}/")
    while "/checklists/" in page.url:
        for group in page.locator("main form .govuk-radios").all():
            group.get_by_label("Yes", exact=True).check()
        for box in page.locator("main form textarea").all():
            box.fill(comment)
        submit(page, "Save and mark as complete")


def decide(page: Page, pk: int, artefact_name: str, role_title: str, reference: str = "") -> None:
    """An approver approves one item from the partnership's approvals page, as `role_title`."""
    visit(page, f"/partnerships/{pk}/cycle/approvals/")
    page.get_by_role("link", name=f"Decide on {artefact_name} as the {role_title}").click()
    page.wait_for_url(f"**/partnerships/{pk}/cycle/approvals/*/*/")
    assert_accessible(page)
    page.get_by_role("group", name="Your decision").get_by_label("Approve").check()
    page.get_by_label("Comment").fill(f"Approved: {artefact_name}")
    page.get_by_label("Decision reference (optional)").fill(reference)
    submit(page, "Record the decision")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Approved: {artefact_name}")


def record_done(page: Page, pk: int, artefact_id: str, summary: str, produced: date) -> None:
    """'Record that it was done' for an artefact with no page of its own (the cycle's generic record)."""
    visit(page, f"/partnerships/{pk}/cycle/records/{artefact_id}/")
    fill_date(page, "Date produced", produced)
    page.get_by_label("Summary").fill(summary)
    submit(page, "Save")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("recorded")


def carry_out_review(page: Page, pk: int, review: str, evidence: str) -> None:
    """On the Reviews tab, start `review` (as the start page names it), answer every question well
    (Yes, or 3, the top of the scale) with its evidence, decide to continue as it is with the
    business case re-confirmed, and complete it with the proposed rating."""
    visit(page, f"/partnerships/{pk}/reviews/")
    page.get_by_role("button", name="Start a review").click()
    page.wait_for_url("**/reviews/start/")
    assert_accessible(page)
    page.get_by_role("group", name="Which review are you starting?").get_by_label(review, exact=True).check()
    submit(page, "Start the review")
    page.locator("main a[href*='/questions/']").first.click()
    page.wait_for_url("**/questions/**")
    assert_accessible(page)
    while "/questions/" in page.url:
        scored = page.get_by_role("group", name="Assessment")
        if scored.count():
            scored.get_by_label(re.compile(r"^3 ")).check()  # the top of the 1–3 scale, in any words
        else:
            page.get_by_role("group", name="Answer").get_by_label("Yes", exact=True).check()
        page.get_by_label("Evidence").fill(evidence)
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
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("completed")


def decide_to_leave(page: Page, pk: int, decided_on: date, decided_by: str, reference: str) -> None:
    """On "Decision to leave and exit plan": who decided, when and on what authority (funding ceased,
    a planned end, the partnership going on without the council) and every part of the exit plan."""
    visit(page, f"/partnerships/{pk}/cycle/leaving/")
    fill_date(page, "Date the decision was made", decided_on)
    page.get_by_label("Who made the decision").fill(decided_by)
    page.get_by_label("Authority or decision reference").fill(reference)
    reasons = page.get_by_role("group", name="Why is the council's involvement ending?")
    if reasons.count():  # the framework lists reasons (Redditch 11); else the reason is written below
        reasons.get_by_label(re.compile(r"^External funding sources")).check()
    page.get_by_role("group", name="Is this a planned or unplanned end?").get_by_label(
        "Planned", exact=True
    ).check()
    page.get_by_role("group", name="Will the partnership continue without the council?").get_by_label(
        "Yes"
    ).check()
    for box in page.locator("main form textarea").all():  # every part of the exit plan
        if not box.input_value():
            box.fill("As the agreement's exit strategy sets out: six months' notice, assets returned")
    submit(page, "Save the decision")
    expect(page.locator("main")).to_contain_text("The decision to leave is recorded")
