"""Personal API tokens: made and revoked by their owner, stored hashed, shown once."""

import pytest
from django.urls import reverse

from accord.kernel.audit.models import AuditEvent
from accord.outputs.api.models import ApiToken
from accord.outputs.api.tokens import create_token, hash_secret

from .conftest import ApiClient


@pytest.mark.django_db
def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(client, users):
    client.force_login(users["officer"])
    response = client.post(reverse("api-tokens"), {"name": "Power BI"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=users["officer"])
    page = response.content.decode()
    secret = page.split('<code id="new-token">')[1].split("</code>")[0]
    assert token.secret_hash == hash_secret(secret)
    assert secret not in {token.secret_hash, token.prefix, token.name}
    assert response["Cache-Control"] == "private, no-store"
    again = client.get(reverse("api-tokens")).content.decode()
    assert secret not in again and "Power BI" in again and token.prefix in again


@pytest.mark.django_db
def test_a_token_without_a_name_is_refused_with_a_message(client, users):
    client.force_login(users["member"])
    response = client.post(reverse("api-tokens"), {"name": ""})
    assert "Enter what the token is for" in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_a_revoked_token_stops_working_at_once(client, users, own_partnership):
    token, secret = create_token(users["officer"], "Finance system")
    api = ApiClient(secret)
    assert api.get("partnerships").status_code == 200
    client.force_login(users["officer"])
    assert client.get(reverse("api-token-revoke") + f"?token={token.pk}").status_code == 200
    response = client.post(reverse("api-token-revoke"), {"token": token.pk})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = api.get("partnerships")
    assert refused.status_code == 401
    assert refused.json()["detail"].startswith("Give a valid API token")


@pytest.mark.django_db
def test_nobody_can_revoke_someone_elses_token(client, users):
    token, secret = create_token(users["officer"], "Mine")
    client.force_login(users["administrator"])
    response = client.post(reverse("api-token-revoke"), {"token": token.pk})
    assert response.status_code == 200
    assert "Select one of your tokens that still works" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_making_and_revoking_a_token_is_in_the_audit_trail(client, users):
    client.force_login(users["auditor"])
    client.post(reverse("api-tokens"), {"name": "Audit scripts"})
    token = ApiToken.objects.get()
    client.post(reverse("api-token-revoke"), {"token": token.pk})
    events = AuditEvent.objects.filter(object_type="API token", object_id=token.pk).order_by("id")
    assert [e.action for e in events] == ["created", "changed"]
    assert all(e.actor == users["auditor"] for e in events)
    assert all("secret_hash" not in str(e.changes) for e in events)


@pytest.mark.django_db
def test_using_a_token_records_when_it_was_last_used(users):
    token, secret = create_token(users["member"], "Reports")
    assert token.last_used_at is None
    ApiClient(secret).get("partnerships")
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer acc_" + "x" * 300]
)
def test_requests_without_a_valid_token_get_401_in_json(client, users, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/partnerships", headers=headers)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"] == []


@pytest.mark.django_db
def test_a_switched_off_account_cannot_use_its_tokens(users):
    _, secret = create_token(users["officer"], "Old")
    users["officer"].is_active = False
    users["officer"].save()
    assert ApiClient(secret).get("partnerships").status_code == 401


@pytest.mark.django_db
def test_a_session_alone_does_not_open_the_api(client, users):
    client.force_login(users["administrator"])
    assert client.get("/api/v1/partnerships").status_code == 401


@pytest.mark.django_db
def test_the_description_and_docs_are_served_without_a_cdn(client):
    description = client.get("/api/v1/openapi.json")
    assert description.status_code == 200
    assert "/api/v1/partnerships" in description.json()["paths"]
    assert description.json()["components"]["securitySchemes"]["PersonalToken"]["scheme"] == "bearer"
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in docs.lower() and "/api/v1/docs/assets/swagger-ui-bundle.js" in docs
    assert client.get("/api/v1/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/v1/docs/assets/secrets.py").status_code == 404
