"""The Rulebook in the browser (issue 17): under each council's framework, an auditor reaches it from
the navigation, and its contents, every section and the page that prints the whole rulebook pass
axe-core; printing leaves out the header, navigation and footer."""

import pytest
from playwright.sync_api import expect

from accord.frameworks import loader, rulebook

from .conftest import assert_accessible, sign_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNCILS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]


@pytest.mark.parametrize("framework_id", COUNCILS)
def test_every_rulebook_page_is_accessible_under_each_councils_framework(page, users, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    sign_in(page, "auditor")
    page.get_by_role("link", name="Rulebook", exact=True).click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Rulebook")
    for section in rulebook.SECTIONS:
        visit(page, f"/rulebook/{section.slug}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(section.title)
    visit(page, "/rulebook/print/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(framework.name)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    expect(page.locator(f"#{rulebook.SECTIONS[-1].slug}-heading")).to_be_visible()
