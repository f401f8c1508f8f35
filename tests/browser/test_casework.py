"""Browser journeys: writing a business case and answering a checklist, with axe-core on every page."""

import re

from playwright.sync_api import expect

from accord.domain.lifecycle import content
from accord.frameworks import loader
from tests.browser.conftest import sign_in, submit, visit


def test_an_officer_writes_a_business_case_and_the_approver_sees_the_warnings(page, own_partnership):
    pk = own_partnership.pk
    sign_in(page, "officer")
    visit(page, f"/partnerships/{pk}/cycle/business-case/")
    expect(page.locator("main")).to_contain_text("Nothing has been written yet")
    with page.expect_navigation():
        page.get_by_role("button", name="Start").click()
    # Chorley's business case is its report to Executive Cabinet: the eight points, in its words
    expect(page.locator("main")).to_contain_text(
        "What consultation and/or procurement processes have been followed?"
    )
    for box in page.locator("main form textarea, main form input[type=text]").all():
        if not box.input_value():
            box.fill("Set out in the report to Executive Cabinet.")
    for group in page.locator("main form .govuk-radios").all():
        group.get_by_role("radio").first.check()
    submit(page, "Save and mark as complete")
    expect(page.locator("#business-case-parts-1-status")).to_have_text("Completed")

    visit(page, f"/partnerships/{pk}/cycle/business-case/tests/")
    submit(page, "Save and mark as complete")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a comment on question 1 to show how it has been considered"
    )
    page.get_by_role("group", name="2. Is the partnership fit for purpose?").get_by_label(
        "No", exact=True
    ).check()
    submit(page, "Save as draft")
    expect(page.locator("#warnings")).to_contain_text("Is the partnership fit for purpose?")

    page.context.clear_cookies()
    sign_in(page, "approver")
    visit(page, f"/partnerships/{pk}/cycle/business-case/")
    expect(page.locator("#warnings")).to_contain_text("Answered no")
    expect(
        page.get_by_role(
            "heading",
            name="Linkage with strategic objectives, fitness for purpose, value for money and added value",
        )
    ).to_be_visible()


def test_an_officer_answers_a_checklist_with_a_comment_for_every_question(page, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "northampton"  # its arrangements in place, a comment each (Chorley has none)
    questions = len(content.bank(loader.current(), "arrangements_in_place").questions)
    pk = own_partnership.pk
    sign_in(page, "officer")
    visit(page, f"/partnerships/{pk}/cycle/checklists/arrangements_checklist/arrangements_in_place/")
    for number in range(1, questions + 1):  # "1." is not "10."
        page.get_by_role("group", name=re.compile(rf"^{number}\. ")).get_by_label("Yes", exact=True).check()
    for number in range(1, questions):
        page.get_by_label(f"Comments on question {number}", exact=True).fill(
            "Agreed at the April board meeting."
        )
    submit(page, "Save and mark as complete")
    expect(page.locator(".govuk-error-summary")).to_contain_text(f"Enter a comment on question {questions}")
    page.get_by_label(f"Comments on question {questions}", exact=True).fill("Set out in the MoU, section 4.")
    submit(page, "Save and mark as complete")
    expect(page).to_have_url(f"{page.url.split('/partnerships/')[0]}/partnerships/{pk}/cycle/")
