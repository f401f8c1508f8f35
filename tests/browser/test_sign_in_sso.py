"""Single sign-on in a real browser: an administrator signs in through the council's identity
provider (a real OpenID Connect provider on loopback), switches off passwords, and the sign-in page
then offers only the provider. axe-core runs on every page."""

import pytest
from playwright.sync_api import expect

from tests.accounts.oidc_provider import Provider, point_accord_at

from .conftest import assert_accessible, submit, visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def identity_provider():
    provider = Provider().start()
    yield provider
    provider.stop()


@pytest.fixture
def sso(identity_provider, settings):
    identity_provider.reset()
    point_accord_at(identity_provider, settings)
    return identity_provider


def test_an_administrator_signs_in_through_the_provider_and_switches_off_passwords(
    page, new_page, users, sso
):
    users["administrator"].email = "ada.admin@chorley.example.gov.uk"
    users["administrator"].save()
    sso.person.email = "ada.admin@chorley.example.gov.uk"
    sso.person.roles = ["Accord.Administrator"]

    visit(page, "/sign-in/")
    with page.expect_navigation(url="**/"):
        page.get_by_role("button", name="Sign in with your Chorley Council account").click()
    assert_accessible(page)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    visit(page, "/sign-in/settings/")
    page.get_by_label("No, only through single sign-on").check()
    page.get_by_label("Why are you changing this?").fill("Everyone has a council account")
    submit(page, "Save")
    expect(page.get_by_text("People can now sign in only through single sign-on")).to_be_visible()

    other = new_page()
    visit(other, "/sign-in/")
    expect(other.get_by_role("button", name="Sign in with your Chorley Council account")).to_be_visible()
    expect(other.get_by_label("Password")).to_have_count(0)


def test_someone_without_a_role_sees_a_plain_page_telling_them_who_to_ask(page, sso):
    sso.person.roles = ["Payroll.Reader"]

    visit(page, "/sign-in/")
    page.get_by_role("button", name="Sign in with your Chorley Council account").click()
    expect(page.get_by_role("heading", name="You do not have access to the register")).to_be_visible()
    assert_accessible(page)


def test_a_token_from_the_wrong_audience_gets_we_could_not_sign_you_in(page, sso):
    sso.fault = "wrong_audience"

    visit(page, "/sign-in/")
    page.get_by_role("button", name="Sign in with your Chorley Council account").click()
    expect(page.get_by_role("heading", name="We could not sign you in")).to_be_visible()
    assert_accessible(page)
