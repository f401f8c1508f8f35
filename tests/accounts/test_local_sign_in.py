"""Administrators can switch off sign-in with a username and password once single sign-on works."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accord.kernel.accounts.models import SignInSettings
from accord.kernel.audit.models import AuditEvent
from tests.factories import PASSWORD

from .conftest import sign_in_through_provider, signed_in_user_id

pytestmark = pytest.mark.django_db

SWITCH_OFF = {"local_sign_in": "no", "reason": "Everyone has a council account now"}


@pytest.fixture
def admin_via_sso(client, provider, users):
    """The administrator, signed in through the provider."""
    users["administrator"].email = "ada.admin@chorley.example.gov.uk"
    users["administrator"].save()
    provider.person.email = "ada.admin@chorley.example.gov.uk"
    provider.person.roles = ["Accord.Administrator"]
    sign_in_through_provider(client)
    assert signed_in_user_id(client) == str(users["administrator"].pk)
    return client


def password_sign_in(username: str = "member") -> Client:
    client = Client()
    response = client.post(reverse("sign-in"), {"username": username, "password": PASSWORD})
    client.last_response = response
    return client


def test_an_administrator_signed_in_through_single_sign_on_switches_local_sign_in_off(admin_via_sso):
    response = admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)

    assert response.status_code == 302
    assert SignInSettings.objects.get().local_sign_in_enabled is False
    event = AuditEvent.objects.get(object_type="sign-in settings")
    assert event.reason == "Everyone has a council account now"
    assert event.changes[0]["old"] == "Yes" and event.changes[0]["new"] == "No"
    assert "only through single sign-on" in admin_via_sso.get(reverse("sign-in-settings")).content.decode()


def test_when_local_sign_in_is_off_the_sign_in_page_shows_only_single_sign_on(admin_via_sso):
    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)

    html = Client().get(reverse("sign-in")).content.decode()

    assert "Sign in with your Chorley Council account" in html
    assert 'name="password"' not in html


def test_when_local_sign_in_is_off_a_correct_password_is_refused(admin_via_sso):
    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)

    client = password_sign_in("member")

    assert client.last_response.status_code == 403
    assert "switched off" in client.last_response.content.decode()
    assert signed_in_user_id(client) is None


def test_when_local_sign_in_is_off_the_password_check_itself_refuses(admin_via_sso, users):
    """Defence in depth: anything that asks Django to check a password gets no user."""
    from django.test import RequestFactory

    from accord.kernel.accounts.backends import UsernameOrEmailBackend

    backend, request = UsernameOrEmailBackend(), RequestFactory().post("/sign-in/")
    assert backend.authenticate(request, username="member", password=PASSWORD) == users["member"]
    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)

    assert backend.authenticate(request, username="member", password=PASSWORD) is None


def test_when_local_sign_in_is_off_api_tokens_still_work(admin_via_sso, users):
    from accord.outputs.api.tokens import create_token

    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)
    _, secret = create_token(users["officer"], "Power BI")

    response = Client().get("/api/v1/partnerships", headers={"Authorization": f"Bearer {secret}"})

    assert response.status_code == 200


def test_an_administrator_signed_in_with_a_password_cannot_switch_it_off(provider, users):
    client = password_sign_in("administrator")
    assert signed_in_user_id(client) == str(users["administrator"].pk)

    page = client.get(reverse("sign-in-settings")).content.decode()
    response = client.post(reverse("sign-in-settings"), SWITCH_OFF)

    assert "sign out and sign in again through single sign-on" in page
    assert response.status_code == 400
    assert "only switch this off after signing in through single sign-on" in response.content.decode()
    assert not SignInSettings.objects.filter(local_sign_in_enabled=False).exists()


def test_local_sign_in_cannot_be_switched_off_without_single_sign_on(client, users, settings):
    settings.ACCORD_OIDC_ISSUER = ""
    client.force_login(users["administrator"])

    page = client.get(reverse("sign-in-settings")).content.decode()
    response = client.post(reverse("sign-in-settings"), SWITCH_OFF)

    assert "Single sign-on is not set up" in page
    assert response.status_code == 400
    assert not SignInSettings.objects.filter(local_sign_in_enabled=False).exists()


@pytest.mark.parametrize("role", ["officer", "approver", "member", "auditor", "partner"])
def test_only_administrators_may_change_how_people_sign_in(provider, users, role):
    client = Client()
    client.force_login(users[role])
    client.session  # noqa: B018 - make the session

    assert client.get(reverse("sign-in-settings")).status_code == 403
    assert client.post(reverse("sign-in-settings"), SWITCH_OFF).status_code == 403
    assert not SignInSettings.objects.filter(local_sign_in_enabled=False).exists()


def test_an_administrator_can_switch_local_sign_in_back_on(admin_via_sso):
    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)

    response = admin_via_sso.post(reverse("sign-in-settings"), {"local_sign_in": "yes"})

    assert response.status_code == 302
    assert password_sign_in("member").last_response.status_code == 302


def test_if_single_sign_on_is_removed_passwords_work_again(admin_via_sso, settings):
    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)
    settings.ACCORD_OIDC_ISSUER = ""

    assert password_sign_in("member").last_response.status_code == 302


def test_break_glass_command_switches_local_sign_in_back_on(admin_via_sso, capsys):
    admin_via_sso.post(reverse("sign-in-settings"), SWITCH_OFF)
    call_command("local_sign_in")
    assert "is off" in capsys.readouterr().out

    call_command("local_sign_in", "--enable")

    assert "is on" in capsys.readouterr().out
    assert password_sign_in("member").last_response.status_code == 302
    event = AuditEvent.objects.filter(object_type="sign-in settings").first()
    assert event.actor is None
    assert event.actor_name == "Command line (accord local_sign_in)"
