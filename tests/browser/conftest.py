"""Browser tests: Debian's Chromium driven by Playwright, with axe-core run on every page visited."""

import os
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from accord.kernel.audit import guard
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("ACCORD_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "accord" / "static" / "dist" / "axe.min.js"
CHECKED: set[str] = set()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def history_guard(transactional_db):
    """The append-only history triggers are in place during the test, and lifted so Django can
    empty the database afterwards (flush would otherwise be refused, as any delete is)."""
    guard.install(connection)
    yield
    guard.remove(connection)


@pytest.fixture
def new_page(browser, live_server):
    contexts = []

    def make() -> Page:
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


def _settled(page: Page) -> None:
    """Wait until the page has finished loading a document, however busy the machine is."""
    page.wait_for_load_state("load")
    page.wait_for_function("document.readyState === 'complete' && document.head !== null")


def _with_axe(page: Page) -> dict:
    """Inject axe-core into the loaded page and run it. A navigation still under way when the test
    asks (a click that submits a form, say) can swap the document between the wait and the
    injection; then wait for the new document and try again."""
    for attempt in range(3):
        _settled(page)
        try:
            # Loaded from the server (static/dist), since the Content Security Policy refuses inline script.
            page.add_script_tag(url="/static/dist/axe.min.js")
            return page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        except PlaywrightError as error:
            transient = ("appendChild", "Execution context was destroyed", "navigation", "axe is not defined")
            if attempt == 2 or not any(text in str(error) for text in transient):
                raise
    raise AssertionError("unreachable")


def assert_accessible(page: Page) -> None:
    """Run axe-core on the page as it stands; every violation fails the test with its details."""
    result = _with_axe(page)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"axe-core found problems on {page.url}:\n" + "\n".join(problems)
    CHECKED.add(page.url.split("?")[0])


def visit(page: Page, path: str) -> Page:
    response = page.goto(path)
    assert response is not None
    assert_accessible(page)
    return page


def submit(page: Page, button_text: str) -> Page:
    with page.expect_navigation():
        page.get_by_role("button", name=button_text).click()
    assert_accessible(page)
    return page


def sign_in(page: Page, username: str, password: str = PASSWORD) -> Page:
    visit(page, "/sign-in/")
    page.get_by_label("Username or email address").fill(username)
    page.get_by_label("Password").fill(password)
    return submit(page, "Sign in")


def pytest_sessionfinish(session, exitstatus):
    if CHECKED:
        print(f"\naxe-core checked {len(CHECKED)} distinct pages with zero violations")
