"""More steps for the per-framework journeys (tests/browser/test_journey_*.py), written for Redditch's and
Northampton's and general enough for any framework: proposing on "Add a partnership", taking "Is it a
partnership?" for a partnership, answering a page of questions, deciding as an approver, and the
dates the journeys expect, worked out from the framework's rules as ADR 0021 states them (never by
asking the engine).

Each step acts as a user would and returns once the next page has loaded; axe-core runs on every page
(tests/browser/conftest.py).
"""

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from playwright.sync_api import Page, expect

from .conftest import assert_accessible, sign_in, submit, visit
from .journey import Row, fill_date, obligation_rows

# Dates ------------------------------------------------------------------------------------------


def months_after(day: date, months: int) -> date:
    """`months` calendar months after `day`; a month end clamps (31 August + 6 months = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def govuk(day: date) -> str:
    """A date as the pages write it: 11 July 2027."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


# People -----------------------------------------------------------------------------------------


def signed_in(new_page: Callable[[], Page], username: str) -> Page:
    """A fresh browser signed in as `username`: sessions end after 30 minutes of the council's time,
    so a journey that moves the clock on signs in again on each new day."""
    page = new_page()
    sign_in(page, username)
    return page


# Pages of questions -----------------------------------------------------------------------------


def answer_every_question(
    page: Page, answer: str = "Yes", text: str = "Considered at the project board"
) -> None:
    """On a page of questions (a business case part, a checklist), pick `answer` in every group of
    radios still unanswered that offers it and fill every empty box; the first option otherwise."""
    for group in page.locator("main form .govuk-radios").all():
        if group.locator("input:checked").count():
            continue
        offered = group.get_by_label(answer, exact=True)
        (offered if offered.count() else group.get_by_role("radio").first).check()
    for box in page.locator("main form textarea").all():
        if not box.input_value():
            box.fill(text)


def answer_and_complete(page: Page, answer: str = "Yes") -> None:
    answer_every_question(page, answer)
    submit(page, "Save and mark as complete")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)


# Proposing and "Is it a partnership?" ------------------------------------------------------------


def propose(
    page: Page,
    *,
    name: str,
    reference: str,
    type_name: str,
    start: date,
    significance: Mapping[str, str],
    subtype: str = "",
) -> int:
    """On "Add a partnership", propose a new partnership (of `subtype`, the start of a sub-type's name,
    where the framework has sub-types) and answer the framework's significance questions
    (`significance`: the start of each question's text -> "Yes" or "No"). Returns its id."""
    visit(page, "/")
    page.get_by_role("button", name="Add a partnership").click()
    page.wait_for_url("**/partnerships/new/")
    assert_accessible(page)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Description").fill(f"{name}: proposed in Accord.")
    page.get_by_role("combobox", name="Type").select_option(label=type_name)
    if subtype:
        page.get_by_role("group", name="Sub-type").get_by_label(subtype).check()  # its name, then its type
    page.get_by_role("group", name="Statutory status").get_by_label("Non-statutory").check()
    page.get_by_role("group", name="Legal status").get_by_label("Unincorporated").check()
    page.get_by_role("combobox", name="Lead organisation").select_option(index=1)
    page.get_by_role("group", name="The council's role").get_by_label("Lead organisation").check()
    page.get_by_label("Lead directorate or service").select_option(index=1)
    page.get_by_role("group", name="Is this a new proposal or an existing partnership?").get_by_label(
        "A new proposal"
    ).check()
    fill_date(page, "Start date", start)
    for question, answer in significance.items():
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    submit(page, "Add to the register")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    return int(page.url.split("/partnerships/")[1].split("/")[0])


def take_the_test(page: Page, pk: int, yes: set[str] | None = None, *, no_to: str = "") -> str:
    """From the partnership's record, take "Is it a partnership?" for it: yes to the questions whose
    text starts with one of `yes` (every question, if `yes` is None) except one containing `no_to`,
    and no to the rest. Returns the result page's text."""
    visit(page, f"/partnerships/{pk}/")
    page.locator("#significance").get_by_role("link", name="Check it is a partnership").click()
    page.wait_for_url("**/classify/**")
    assert_accessible(page)
    submit(page, "Start")
    while "/classify/questions/" in page.url:
        question = page.locator("legend").first.inner_text().strip()
        agrees = yes is None or any(question.startswith(start) for start in yes)
        answer = "Yes" if agrees and not (no_to and no_to in question) else "No"
        page.get_by_label(answer, exact=True).check()
        submit(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    submit(page, "Confirm and see the result")
    return page.locator("main").inner_text()


# Approvers --------------------------------------------------------------------------------------


def decide(
    page: Page,
    pk: int,
    artefact_id: str,
    role_id: str,
    comment: str,
    *,
    reference: str = "",
    refuse: bool = False,
) -> None:
    """As an approver appointed to `role_id`, approve (or refuse) the artefact on its decision page."""
    visit(page, f"/partnerships/{pk}/cycle/approvals/{artefact_id}/{role_id}/")
    page.get_by_role("group", name="Your decision").get_by_label("Refuse" if refuse else "Approve").check()
    page.get_by_label("Comment").fill(comment)
    if reference:
        page.get_by_label("Decision reference (optional)").fill(reference)
    submit(page, "Record the decision")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)


# What the record shows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Duties:
    """The rows of 'What this partnership needs' on a partnership's record, as shown."""

    rows: tuple[Row, ...]

    def __getitem__(self, start: str) -> Row:
        """The row whose name starts with `start` (names can be long)."""
        found = [row for row in self.rows if row.name.startswith(start)]
        assert len(found) == 1, f"{start!r} is not one row of {[row.name for row in self.rows]}"
        return found[0]


def duties(page: Page, pk: int) -> Duties:
    """Every obligation row on the partnership's record, read in one visit."""
    return Duties(tuple(obligation_rows(page, pk).values()))


def assert_due(rows: Duties, name: str, status: str, due: date, done: date | None = None) -> None:
    """The row called `name` has `status` (its first words), is due on `due` and, if `done`, shows it
    was done then (else no evidence yet), all as the page writes them."""
    row = rows[name]
    assert row.status.startswith(status), row
    assert row.due == govuk(due), row
    assert row.evidence == (govuk(done) if done else "None yet"), row
