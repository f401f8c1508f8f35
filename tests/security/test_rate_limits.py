"""Rate limits: sign-in attempts per client address and API requests per token user or address,
counted in the shared database cache; behind trusted proxies the client's own address counts."""

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from accord.outputs.api.tokens import create_token
from tests.factories import PASSWORD

SIGN_IN = "/sign-in/"


def attempt(client, address: str, forwarded: str | None = None, username: str = "nobody"):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(SIGN_IN, {"username": username, "password": "wrong"}, **extra)


@pytest.fixture
def signin_rate(settings):
    settings.ACCORD_SIGNIN_RATE = "3/d"  # a day's window, so the test never straddles a window's end
    settings.AXES_FAILURE_LIMIT = 100  # the lockout is tested on its own; here only the rate counts
    cache.clear()


@pytest.mark.django_db
def test_too_many_sign_in_attempts_from_one_address_get_a_page_saying_to_wait(client, users, signin_rate):
    for _ in range(3):
        assert attempt(client, "203.0.113.7").status_code == 200
    refused = client.post(SIGN_IN, {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7")
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Too many attempts" in html and "Wait 1 day, then try again" in html
    assert refused["Retry-After"] == str(24 * 3600)
    assert client.get(reverse("home")).status_code == 302, "not signed in"
    assert attempt(client, "198.51.100.9").status_code == 200, "another address is not limited"
    assert client.get(SIGN_IN, REMOTE_ADDR="203.0.113.7").status_code == 200, "reading the page is fine"


@pytest.mark.django_db
def test_the_counts_are_kept_in_the_shared_database_cache(client, users, signin_rate, settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    attempt(client, "203.0.113.7")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name('accord_cache')}")
        assert cursor.fetchone()[0] >= 1


@pytest.mark.django_db
def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_limit(client, users, signin_rate):
    for n in range(3):
        assert attempt(client, "10.0.0.2", forwarded=f"198.51.100.{n}").status_code == 200
    assert attempt(client, "10.0.0.2", forwarded="198.51.100.99").status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_client_address_is_limited_on_its_own(
    client, users, signin_rate, settings
):
    settings.ACCORD_TRUSTED_PROXIES = 1
    for _ in range(3):
        assert attempt(client, "10.0.0.2", forwarded="spoofed, 203.0.113.7").status_code == 200
    assert attempt(client, "10.0.0.2", forwarded="203.0.113.7").status_code == 429
    assert attempt(client, "10.0.0.2", forwarded="198.51.100.9").status_code == 200, "another client"


@pytest.mark.django_db
@pytest.mark.parametrize(("proxies", "recorded"), [(0, "10.0.0.2"), (1, "203.0.113.7")])
def test_sign_in_lockouts_record_the_client_address_only_behind_trusted_proxies(
    client, users, settings, proxies, recorded
):
    settings.ACCORD_TRUSTED_PROXIES = proxies
    attempt(client, "10.0.0.2", forwarded="203.0.113.7", username="officer")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [recorded]


@pytest.mark.django_db
def test_the_lockout_holds_per_client_behind_a_proxy(client, users, settings):
    settings.ACCORD_TRUSTED_PROXIES = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "10.0.0.2", forwarded="203.0.113.7", username="officer")
    locked = client.post(
        SIGN_IN,
        {"username": "officer", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert locked.status_code == 429
    elsewhere = client.post(
        SIGN_IN,
        {"username": "officer", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert elsewhere.status_code == 302, "the same person from their own address is not locked out"


# The API ---------------------------------------------------------------------------------------


@pytest.fixture
def api_rates(settings):
    settings.ACCORD_API_RATE = "3/h"
    settings.ACCORD_API_ANON_RATE = "2/h"
    cache.clear()


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.mark.django_db
def test_a_token_user_past_the_api_rate_gets_a_json_429_in_the_api_error_shape(client, users, api_rates):
    token = create_token(users["officer"], "Power BI")[1]
    for _ in range(3):
        assert client.get("/api/v1/partnerships", **bearer(token)).status_code == 200
    refused = client.get("/api/v1/partnerships", **bearer(token))
    assert refused.status_code == 429
    body = refused.json()
    assert body["errors"] == [] and body["detail"].startswith("Too many requests: wait ")
    assert int(refused["Retry-After"]) > 0
    other = create_token(users["auditor"], "Audit")[1]
    assert client.get("/api/v1/partnerships", **bearer(other)).status_code == 200, "counted per user"


@pytest.mark.django_db
def test_guessing_tokens_is_limited_per_address(client, users, api_rates):
    for n in range(2):
        assert (
            client.get("/api/v1/partnerships", REMOTE_ADDR="203.0.113.7", **bearer(f"guess{n}")).status_code
            == 401
        )
    refused = client.get("/api/v1/partnerships", REMOTE_ADDR="203.0.113.7", **bearer("guess3"))
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Too many requests")
    assert client.get("/api/v1/partnerships", REMOTE_ADDR="198.51.100.9").status_code == 401, (
        "another address"
    )


@pytest.mark.django_db
def test_the_429_is_documented_for_every_api_operation(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    operations = [op for methods in paths.values() for op in methods.values()]
    assert operations and all("429" in op["responses"] for op in operations)


@pytest.mark.django_db
def test_limits_are_off_in_the_test_settings_unless_a_test_sets_them(settings):
    assert settings.ACCORD_SIGNIN_RATE is None and settings.ACCORD_API_RATE is None
