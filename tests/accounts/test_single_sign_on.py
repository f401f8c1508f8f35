"""Signing in through the council's identity provider (OpenID Connect, code flow with PKCE)."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.urls import reverse

from accord.kernel.accounts.models import Role, User
from accord.kernel.audit.models import AuditEvent

from .conftest import come_back, go_to_provider, sign_in_through_provider, signed_in_user_id
from .oidc_provider import s256

pytestmark = pytest.mark.django_db


def test_an_officer_signs_in_through_the_provider_and_lands_on_their_home_page(client, provider, users):
    users["officer"].email = "olive.officer@chorley.example.gov.uk"
    users["officer"].save()

    response = sign_in_through_provider(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert signed_in_user_id(client) == str(users["officer"].pk)
    assert client.get(reverse("home")).status_code == 200
    users["officer"].refresh_from_db()
    assert users["officer"].oidc_subject == "entra-object-id-olive"
    assert users["officer"].oidc_issuer == provider.issuer


def test_the_request_to_the_provider_carries_state_nonce_and_an_s256_pkce_challenge(client, provider):
    query = parse_qs(urlsplit(go_to_provider(client)).query)

    assert query["response_type"] == ["code"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43  # base64url of a SHA-256 digest
    assert query["state"][0] and query["nonce"][0]
    assert query["scope"][0].split() == ["openid", "email", "profile"]
    assert query["redirect_uri"] == ["http://testserver/sign-in/oidc/callback/"]


def test_the_provider_refuses_a_code_exchanged_with_the_wrong_pkce_verifier(client, provider):
    authorize = go_to_provider(client)
    callback = requests.get(authorize, allow_redirects=False, timeout=10).headers["Location"]
    code = parse_qs(urlsplit(callback).query)["code"][0]
    grant = provider.grants[code]
    assert s256("a-verifier-someone-guessed") != grant.challenge

    answer = requests.post(
        f"{provider.issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": grant.redirect_uri,
            "code_verifier": "a-verifier-someone-guessed",
        },
        auth=("accord-test-client", "accord-test-secret-0123456789"),
        timeout=10,
    )

    assert answer.status_code == 400
    assert provider.token_errors == ["invalid_grant: code_verifier"]
    # and the intercepted code is now spent: Accord's own exchange of it is refused too, no session
    response = client.get(callback.removeprefix("http://testserver"))
    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_accord_sends_the_verifier_that_matches_its_challenge(client, provider):
    sign_in_through_provider(client)

    assert provider.token_errors == []
    assert signed_in_user_id(client) is not None


@pytest.mark.parametrize(
    "fault",
    [
        "bad_signature",
        "wrong_audience",
        "expired",
        "wrong_nonce",
        "wrong_issuer",
        "no_id_token",
        "access_denied",
    ],
)
def test_a_token_that_fails_validation_is_refused_and_no_session_is_made(
    client, provider, users, fault, caplog
):
    provider.fault = fault

    response = sign_in_through_provider(client)

    html = response.content.decode()
    assert response.status_code == 400
    assert "We could not sign you in" in html
    assert 'href="/sign-in/"' in html
    assert signed_in_user_id(client) is None
    assert client.get(reverse("home")).status_code == 302
    assert not User.objects.filter(oidc_subject="entra-object-id-olive").exists()
    assert "Single sign-on failed" in caplog.text
    for secret in ("Traceback", "BadSignature", "bad_signature", "invalid_claim", "access_denied", "Error:"):
        assert secret not in html  # the reason is logged, never shown


def test_a_callback_whose_state_does_not_match_the_one_sent_is_refused(client, provider):
    authorize = go_to_provider(client)
    callback = requests.get(authorize, allow_redirects=False, timeout=10).headers["Location"]
    forged = callback.split("&state=")[0] + "&state=forged-state"

    response = client.get(forged.removeprefix("http://testserver"))

    assert response.status_code == 400
    assert "We could not sign you in" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_a_callback_from_another_browser_is_refused(client, provider, django_user_model):
    """Someone else's code and state, replayed in a browser that never started the flow."""
    from django.test import Client

    authorize = go_to_provider(Client())
    callback = requests.get(authorize, allow_redirects=False, timeout=10).headers["Location"]

    response = client.get(callback.removeprefix("http://testserver"))

    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_the_callback_with_nothing_in_it_is_a_plain_error_page(client, provider):
    response = client.get(reverse("oidc-callback"))

    assert response.status_code == 400
    assert "We could not sign you in" in response.content.decode()


def test_an_unreachable_provider_gets_a_try_again_later_page(client, provider, settings):
    settings.ACCORD_OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens on the discard port

    response = client.get(reverse("oidc-start"))

    assert response.status_code == 502
    assert "not answering" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_single_sign_on_addresses_do_not_exist_when_it_is_not_set_up(client, settings):
    settings.ACCORD_OIDC_ISSUER = ""

    assert client.get(reverse("oidc-start")).status_code == 404
    assert client.get(reverse("oidc-callback")).status_code == 404
    assert "Sign in with your" not in client.get(reverse("sign-in")).content.decode()


def test_after_signing_in_they_go_back_to_the_page_they_asked_for(client, provider, users):
    response = sign_in_through_provider(client, next_url="/partnerships/")

    assert response["Location"] == "/partnerships/"


def test_a_next_address_on_another_site_is_ignored(client, provider, users):
    response = sign_in_through_provider(client, next_url="https://evil.example.com/")

    assert response["Location"] == reverse("home")


def test_a_first_time_user_gets_an_account_with_the_role_their_claims_map_to(client, provider):
    provider.person.sub = "entra-new-person"
    provider.person.email = "new.approver@chorley.example.gov.uk"
    provider.person.name = "Nadia Newcomer"
    provider.person.roles = ["Accord.Approver", "Some.Other.Role"]

    sign_in_through_provider(client)

    user = User.objects.get(oidc_subject="entra-new-person")
    assert signed_in_user_id(client) == str(user.pk)
    assert (user.role, user.email, user.first_name, user.last_name) == (
        Role.APPROVER,
        "new.approver@chorley.example.gov.uk",
        "Nadia",
        "Newcomer",
    )
    assert not user.has_usable_password()
    event = AuditEvent.objects.get(object_type="user", object_id=user.pk)
    assert event.reason == "Account made at first sign-in through single sign-on"
    assert "password" not in {change["field"] for change in event.changes}


def test_the_highest_mapped_role_wins(client, provider):
    provider.person.roles = ["Accord.Member", "Accord.Administrator", "Accord.Officer"]

    sign_in_through_provider(client)

    assert User.objects.get(oidc_subject=provider.person.sub).role == Role.ADMINISTRATOR


def test_an_existing_user_is_linked_by_their_verified_email_address(client, provider, users):
    auditor = users["auditor"]
    auditor.email = "Audrey.Auditor@chorley.example.gov.uk"
    auditor.save()
    provider.person.email = "audrey.auditor@chorley.example.gov.uk"
    provider.person.roles = ["Accord.Auditor"]

    sign_in_through_provider(client)

    auditor.refresh_from_db()
    assert signed_in_user_id(client) == str(auditor.pk)
    assert auditor.oidc_subject == provider.person.sub
    assert User.objects.count() == len(users)
    assert AuditEvent.objects.filter(object_id=auditor.pk, reason__startswith="Linked").exists()


def test_an_unverified_email_address_does_not_take_over_an_existing_account(client, provider, users):
    users["administrator"].email = "admin@chorley.example.gov.uk"
    users["administrator"].save()
    provider.person.email = "admin@chorley.example.gov.uk"
    provider.person.email_verified = False

    response = sign_in_through_provider(client)

    assert response.status_code == 403
    assert signed_in_user_id(client) is None
    users["administrator"].refresh_from_db()
    assert users["administrator"].oidc_subject == ""


def test_an_account_already_linked_to_another_identity_is_not_taken_over(client, provider, users):
    officer = users["officer"]
    officer.email = "olive.officer@chorley.example.gov.uk"
    officer.oidc_issuer, officer.oidc_subject = provider.issuer, "someone-else"
    officer.save()

    response = sign_in_through_provider(client)

    assert response.status_code == 403
    assert signed_in_user_id(client) is None


def test_someone_with_no_mapped_role_is_told_to_ask_the_administrators(client, provider, caplog):
    provider.person.roles = ["Payroll.Reader"]

    response = sign_in_through_provider(client)

    html = response.content.decode()
    assert response.status_code == 403
    assert "You do not have access to the register" in html
    assert "Ask the register&#39;s administrators" in html or "Ask the register's administrators" in html
    assert signed_in_user_id(client) is None
    assert not User.objects.filter(oidc_subject=provider.person.sub).exists()
    assert "no role in the claims maps" in caplog.text


def test_the_role_is_refreshed_from_the_claims_at_every_sign_in(client, provider, users):
    users["officer"].email = "olive.officer@chorley.example.gov.uk"
    users["officer"].save()
    sign_in_through_provider(client)
    client.post(reverse("sign-out"))

    provider.person.roles = ["Accord.Member"]
    sign_in_through_provider(client)

    users["officer"].refresh_from_db()
    assert users["officer"].role == Role.MEMBER
    event = AuditEvent.objects.filter(object_id=users["officer"].pk).first()
    assert event.reason == "Role taken from the identity provider at sign-in"
    assert {"field": "role", "label": "Role", "old": "Officer", "new": "Elected member"} in event.changes


def test_a_partner_role_needs_an_organisation_already_on_the_account(client, provider, users):
    provider.person.roles = ["Accord.Partner"]

    assert sign_in_through_provider(client).status_code == 403  # a new person: no organisation
    assert not User.objects.filter(oidc_subject=provider.person.sub).exists()

    partner = users["partner"]
    partner.email = provider.person.email
    partner.save()
    response = sign_in_through_provider(client)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(partner.pk)


def test_a_switched_off_account_cannot_sign_in_through_the_provider(client, provider, users):
    officer = users["officer"]
    officer.oidc_issuer, officer.oidc_subject, officer.is_active = provider.issuer, provider.person.sub, False
    officer.save()

    response = sign_in_through_provider(client)

    assert response.status_code == 403
    assert signed_in_user_id(client) is None


def test_a_code_can_be_used_only_once(client, provider):
    authorize = go_to_provider(client)
    callback = requests.get(authorize, allow_redirects=False, timeout=10).headers["Location"]
    client.get(callback.removeprefix("http://testserver"))
    client.post(reverse("sign-out"))

    response = client.get(callback.removeprefix("http://testserver"))

    assert response.status_code == 400
    assert signed_in_user_id(client) is None


def test_the_sign_in_page_offers_single_sign_on_as_a_link(client, provider):
    html = client.get(reverse("sign-in") + "?next=/partnerships/").content.decode()

    assert "Sign in with your Chorley Council account" in html
    assert 'href="/sign-in/oidc/start/?next=%2Fpartnerships%2F"' in html
    assert "Or sign in with a username and password" in html


def test_come_back_helper_follows_the_provider(client, provider, users):
    """The helpers drive a real HTTP provider: its authorize endpoint answers with a redirect."""
    response = come_back(client, go_to_provider(client))
    assert response.status_code == 302
