"""The Content Security Policy in a real browser: an administrator walks the service's main pages
(and the public reads the published register) with the policy enforced, and the browser reports no
violation anywhere — no blocked script, style, image or form — while every page really renders."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from accord.domain.risks import counts
from tests import factories as f
from tests.monitoring.factories import IndicatorFactory, value_for
from tests.risks.test_heatmap import make_risk

from .conftest import sign_in, visit

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
      ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def violations(page: Page) -> list[str]:
    return page.evaluate("() => window.__cspViolations || []")


def check_page(page: Page, path: str, *, axe: bool = True) -> None:
    """Open the page, wait for its scripts, and insist on a heading and zero CSP violations."""
    if axe:
        visit(page, path)
    else:
        page.goto(path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1").first).to_be_visible()
    policy = page.evaluate("async () => (await fetch(location.href)).headers.get('content-security-policy')")
    assert policy and "unsafe-inline" not in policy, f"{path}: {policy!r}"
    assert violations(page) == [], f"CSP violations on {path}: {violations(page)}"


@pytest.fixture
def csp_page(new_page) -> Page:
    page = new_page()
    page.set_default_timeout(30_000)  # many pages in one test, on a machine that may be busy
    page.add_init_script(RECORD_VIOLATIONS)
    return page


@pytest.fixture
def world(users, own_partnership):
    """A published partnership with an indicator and its values (a chart), and scored risks."""
    own_partnership.is_published = True
    own_partnership.save()
    f.ContributionFactory(partnership=own_partnership, year=2025, amount=15000)
    indicator = IndicatorFactory(
        partnership=own_partnership, name="Calls answered in time", unit="%", target=Decimal("90")
    )
    for month, actual in ((4, "88"), (7, "91"), (10, "93")):
        value_for(indicator, date(2025, month, 15), Decimal(actual))
    make_risk(own_partnership, "R1", inherent=(4, 4), current=(3, 3))
    make_risk(own_partnership, "R2", inherent=(2, 4), current=(2, 2))
    counts.rebuild()
    return {"partnership": own_partnership, "indicator": indicator}


def test_an_administrator_meets_no_policy_violation_on_any_main_page(csp_page, world):
    page = csp_page
    pk = world["partnership"].pk
    check_page(page, "/sign-in/")
    sign_in(page, "administrator")
    for path in (
        "/",
        "/partnerships/?q=partnership&status=active",
        f"/partnerships/{pk}/",
        f"/partnerships/{pk}/cycle/",
        f"/partnerships/{pk}/risks/",
        f"/partnerships/{pk}/risks/heat-map/?stage=current",
        f"/partnerships/{pk}/performance/",
        f"/partnerships/{pk}/indicators/{world['indicator'].pk}/",
        "/reports/",
        "/compliance/",
    ):
        check_page(page, path)
    page.goto(f"/partnerships/{pk}/indicators/{world['indicator'].pk}/")
    expect(page.locator("main svg").first).to_be_visible()
    page.goto("/reports/")
    page.locator("main a[href^='/reports/']").first.click()
    page.wait_for_load_state("networkidle")
    check_page(page, page.url)


def test_swagger_ui_renders_its_operations_under_the_policy(csp_page, users):
    # The docs are public. Signed out, the page's parallel asset requests carry no session to save:
    # signed in, they raced on the test server's shared in-memory SQLite (once, in CI, a session
    # read returned two rows), which has nothing to do with the policy under test.
    page = csp_page
    check_page(page, "/api/v1/docs", axe=False)
    page.locator(".opblock").first.wait_for(timeout=30_000)  # a big bundle, slow on a busy machine
    assert page.locator(".opblock").count() > 5
    assert violations(page) == []


def test_the_public_register_meets_no_policy_violation(csp_page, world):
    page = csp_page
    check_page(page, "/public/")
    check_page(page, f"/public/partnerships/{world['partnership'].reference}/")
