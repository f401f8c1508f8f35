"""Production settings: `accord check --deploy` finds nothing, and the cookies, HSTS and HTTPS
redirect are on. Each check runs Accord in a fresh process with DEBUG and testing switched off."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ACCORD = Path(sys.executable).with_name("accord")


def production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ACCORD_", "SECURE_", "SESSION_", "DJANGO_"))
        and key not in {"DEBUG", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "accord.settings",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "accord.example.gov.uk,testserver",
            "ACCORD_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'accord.sqlite3'}",
        }
    )
    return env


def run_python(code: str, tmp_path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_deployment_check_finds_no_issues_with_production_settings(tmp_path):
    result = subprocess.run(
        [str(ACCORD), "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_http_only_and_same_site(tmp_path):
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_SSL_REDIRECT",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "SESSION_COOKIE_AGE",
        "ACCORD_SIGNIN_RATE",
        "ACCORD_API_RATE",
        "ACCORD_API_ANON_RATE",
        "ACCORD_TRUSTED_PROXIES",
    ]
    found = run_python(
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{k: getattr(s, k) for k in {names!r}}}))",
        tmp_path,
    )
    assert found == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_SSL_REDIRECT": True,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "SESSION_COOKIE_AGE": 30 * 60,
        "ACCORD_SIGNIN_RATE": "30/m",
        "ACCORD_API_RATE": "600/m",
        "ACCORD_API_ANON_RATE": "60/m",
        "ACCORD_TRUSTED_PROXIES": 0,
    }


HEADERS = """
import json, django
django.setup()
from django.test import Client
client = Client()
plain = client.get("/healthz")
page_http = client.get("/sign-in/")
secure = client.get("/healthz", secure=True)
page = client.get("/sign-in/", secure=True)
print(json.dumps({
    "redirect": [plain.status_code, plain.get("Location", "")],
    "page_http": [page_http.status_code, page_http.get("Location", "")],
    "hsts": secure.get("Strict-Transport-Security", ""),
    "healthz": secure.status_code,
    "csp": page.get("Content-Security-Policy", ""),
}))
"""


def test_production_answers_with_hsts_and_sends_plain_http_to_https(tmp_path):
    found = run_python(HEADERS, tmp_path)
    assert found["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert found["healthz"] == 200
    assert found["redirect"] == [200, ""], "the health check stays on plain HTTP for the load balancer"
    assert found["page_http"] == [301, "https://testserver/sign-in/"]
    assert "unsafe-inline" not in found["csp"] and "default-src 'self'" in found["csp"]


@pytest.mark.parametrize("bad", ["lots", "0/m", "30/fortnight"])
def test_a_malformed_rate_stops_accord_starting(tmp_path, bad):
    env = production_env(tmp_path) | {"ACCORD_SIGNIN_RATE": bad}
    result = subprocess.run(
        [str(ACCORD), "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "ACCORD_SIGNIN_RATE must be a rate like 30/m" in result.stderr
