import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from accord.frameworks import loader
from accord.kernel.accounts.models import Role
from accord.kernel.ui.branding import validate_brand_colour
from accord.register.models import Partnership, PartnershipRole, PartnershipType
from accord.site.demo import DEMO_PASSWORD, load_file


@pytest.mark.django_db
def test_the_demo_council_has_chorleys_13_key_partnerships_and_every_type(client):
    call_command("demo", stdout=open(os.devnull, "w"))
    key = Partnership.objects.filter(reference__startswith="CHO-KP-")
    assert key.count() == 13
    assert key.filter(name__icontains="Liberata").exists()
    assert Partnership.objects.count() >= 33
    unused = PartnershipType.objects.exclude(partnership__isnull=False)
    assert not unused.exists(), f"types with no demo partnership: {list(unused)}"
    assert PartnershipRole.objects.values("role").distinct().count() == 8
    for role in Role:
        username = role.value if role != Role.ADMINISTRATOR else "admin"
        response = client.post(reverse("sign-in"), {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302 and response["Location"] == reverse("home"), role
        client.post(reverse("sign-out"))


@pytest.mark.django_db
def test_the_demo_has_a_proposal_waiting_for_the_approver(client):
    from accord.domain.lifecycle import services
    from accord.domain.lifecycle.models import Transition

    call_command("demo", stdout=open(os.devnull, "w"))
    proposal = Partnership.objects.get(reference="CHO-P-021")
    assert proposal.status == "awaiting_approval"
    assert list(Transition.objects.filter(partnership=proposal).values_list("to_status", flat=True)) == [
        "proposed",
        "business_case",
        "awaiting_approval",
    ]
    assert Transition.objects.filter(retrospective=True, to_status="active").count() >= 13
    approver = get_user_model().objects.get(username="approver")
    assert [role for _, role, _ in services.pending_for(approver, proposal, framework=loader.current())] == [
        "executive_cabinet"
    ]
    client.force_login(approver)
    assert "Joint Waste Collection Procurement" in client.get(reverse("approver-inbox")).content.decode()


def test_demo_file_names_the_kinds_of_partnership_councils_have():
    text = " ".join(p["name"] + " " + p.get("description", "") for p in load_file()["partnerships"]).lower()
    for kind in (
        "community safety",
        "health and wellbeing",
        "children",
        "waste",
        "joint committee",
        "better care",
        "leisure",
        "pfi",
    ):
        assert kind in text, kind


@pytest.mark.django_db
def test_demo_if_empty_does_not_load_twice():
    call_command("demo", stdout=open(os.devnull, "w"))
    count = Partnership.objects.count()
    call_command("demo", "--if-empty", stdout=open(os.devnull, "w"))
    assert Partnership.objects.count() == count


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_brand_colours_too_pale_for_white_text_are_refused():
    validate_brand_colour("#00629b")
    with pytest.raises(ImproperlyConfigured, match="contrast"):
        validate_brand_colour("#ffdd00")
    with pytest.raises(ImproperlyConfigured, match="must be a colour"):
        validate_brand_colour("blue")


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"ACCORD_TESTING", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "SECRET_KEY": "x" * 64 + "production-like-secret-key",
            "ALLOWED_HOSTS": "accord.example.gov.uk",
            "DEBUG": "false",
            "ACCORD_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "accord.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"ACCORD_TESTING", "DEBUG", "SECRET_KEY"}}
    env.update({"ACCORD_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "accord.settings"})
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_a_new_register_starts_with_the_seed_frameworks_partnership_types():
    names = set(PartnershipType.objects.values_list("name", flat=True))
    assert {"Public sector strategic", "Joint committee", "Local strategic partnership", "Host"} <= names
    assert PartnershipType.objects.filter(citation__startswith="Code of Practice for Partnerships, ").exists()


def test_a_server_error_shows_a_plain_page_without_a_stack_trace(rf):
    from accord.kernel.ui.views import server_error

    response = server_error(rf.get("/partnerships/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_gets_the_plain_400_page(client):
    response = client.get("/partnerships/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "There is a problem with your request" in response.content.decode()


def test_remembered_components_render_exactly_as_the_macro_does():
    from django.template import engines

    from accord.kernel.ui.components import _macro, render_component

    env = engines["jinja2"].env
    params = {"id": "q", "name": "q", "label": {"text": "Search"}, "value": "crime"}
    first = render_component(env, "input", params)
    assert first == render_component(env, "input", dict(params))
    assert first == _macro(env, "input").render(params=params)
    assert 'value="crime"' in first
    assert 'value="waste"' in render_component(env, "input", {**params, "value": "waste"})


@pytest.mark.django_db
def test_the_demo_looks_like_a_council_a_few_months_after_go_live():
    """Go-live four months back; a mix of met, due soon and a few overdue — nothing overdue since
    2005, nothing overdue by more than the framework's longest cadence (issue 14)."""
    import json
    from datetime import date
    from io import StringIO

    from accord.frameworks import loader, tracking
    from accord.frameworks.durations import parse
    from accord.kernel import clock

    call_command("demo", stdout=open(os.devnull, "w"))
    out = StringIO()
    call_command("obligations", "--format", "json", stdout=out)
    results = json.loads(out.getvalue())["obligations"]
    today = clock.today()
    started = tracking.tracking_from()
    assert 90 <= (today - started).days <= 160, "go-live a few months back"
    longest = max(parse(o.repeat).after(date(2000, 1, 1)) for o in loader.current().obligations if o.repeat)
    longest_days = (longest - date(2000, 1, 1)).days
    overdue = [r for r in results if r["status"] == "overdue"]
    assert overdue, "a few items are overdue, as in any council"
    assert all((today - date.fromisoformat(r["due"])).days <= longest_days for r in overdue)
    assert all(date.fromisoformat(r["due"]) >= started for r in overdue), "none overdue from before go-live"
    counts = {s: sum(1 for r in results if r["status"] == s) for s in ("met", "due_soon", "overdue")}
    assert counts["met"] > 2 * counts["overdue"] and counts["due_soon"] > 0
