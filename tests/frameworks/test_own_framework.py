"""A council's own framework, without code: the model framework copied to the council's own folder
(`accord framework new`), renamed and with a few rules changed in the YAML, runs a partnership from
proposal to active through the web pages, and Accord speaks only its words.

What the council changes: its name and the framework's id and title, the name and words of the
delivery stage, the annual review (now a two-yearly health check), the Director's and the Portfolio
Holder's titles, and who approves participation in a partnership that is not significant (its
Cabinet Member, not the Director)."""

import os
import re
import subprocess
import sys
from datetime import date
from html import unescape
from io import StringIO

import pytest
import yaml
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse

from accord.domain.lifecycle import cycle, services
from accord.domain.lifecycle.models import Appointment
from accord.frameworks import loader
from accord.frameworks.models import SignificanceAssessment
from accord.register.models import Partnership
from tests import factories as f
from tests.clock import on_day
from tests.lifecycle.test_casework import bank_data, case_tests_data, part_data, post_part
from tests.lifecycle.test_walk import satisfy
from tests.test_bad_input import create_data, significance_answers

from .test_bundled import seeds

COUNCIL = "Borsetshire District Council"
TITLE = "Borsetshire Partnership Code"
STAGE = "Partnership in service"
STAGE_WORDS = "In Borsetshire an active partnership reports to the Communities Board every six months."
REVIEW = "Two-yearly health check of the partnership"
DIRECTOR = "Strategic Director for Place"
CABINET_MEMBER = "Cabinet Member for Communities"
# The model's words this council replaced: none may appear on its pages.
REPLACED = (
    "Model (for a council without its own framework)",
    "Accord model partnership framework",
    "Partnership delivery",
    "Annual review of the partnership for continuing relevance",
    "Director (the relevant Director or Chief Officer)",
    "Portfolio Holder (the relevant executive member)",
)
TODAY = date(2027, 2, 10)


def own_framework(folder) -> None:
    """What a council does: start a file from the model, then edit the YAML."""
    call_command(
        "framework", "new", "borsetshire", "--council", COUNCIL, "--output", str(folder), stdout=StringIO()
    )
    path = folder / "borsetshire.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["name"] = TITLE
    by_id = {
        key: {item["id"]: item for item in data[key]}
        for key in ("stages", "obligations", "roles", "requirements")
    }
    by_id["stages"]["active"].update(name=STAGE, description=STAGE_WORDS)
    review = by_id["obligations"]["annual_review"]
    review.update(name=REVIEW, first_due="P2Y", repeat="P2Y")
    by_id["roles"]["director"]["title"] = DIRECTOR
    by_id["roles"]["portfolio_holder"]["title"] = CABINET_MEMBER
    by_id["requirements"]["participation_approved_other"]["approvers"] = ["portfolio_holder"]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def borsetshire(tmp_path):
    own_framework(tmp_path)
    with override_settings(ACCORD_FRAMEWORKS_DIR=str(tmp_path), ACCORD_FRAMEWORK="borsetshire"):
        yield tmp_path


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def appoint(client, admin, user, role_id):
    client.force_login(admin)
    response = client.post(reverse("appointments"), {"role": role_id, "user": str(user.pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Appointment.objects.filter(user=user, framework_id="borsetshire", role_id=role_id).exists()


def decide(client, approver, partnership, artefact_id, role_id):
    client.force_login(approver)
    url = reverse("decide", args=[partnership.pk, artefact_id, role_id])
    form = client.get(url)
    assert form.status_code == 200
    revision = re.search(r'name="revision"[^>]*value="(\d+)"', form.content.decode())[1]
    response = client.post(
        url,
        {
            "outcome": "approved",
            "comment": "Content with it",
            "reference": "Record of Delegated Decision 2027/12",
            "decided_on-day": str(TODAY.day),
            "decided_on-month": str(TODAY.month),
            "decided_on-year": str(TODAY.year),
            "revision": str(revision),
        },
    )
    assert response.status_code == 302, unescape(response.content.decode())[:3000]


def complete(client, officer, partnership, artefact):
    """Do what the artefact needs on its page: the business case part by part, a checklist bank by
    bank, a record of something done; the natural places (risks, agreement, sign-off, exit strategy)
    have their own tests, and are done as test_walk does them."""
    client.force_login(officer)
    if artefact.kind == "business_case":
        for part in loader.current().business_case.parts:
            assert (
                post_part(
                    client, partnership, part.id, part_data(part.id, partnership=partnership)
                ).status_code
                == 302
            )
        assert post_part(client, partnership, "tests", case_tests_data()).status_code == 302
    elif artefact.kind == "checklist" and artefact.banks:
        for bank_id in artefact.banks:
            bank = next(b for b in loader.current().question_banks if b.id == bank_id)
            url = reverse("checklist", args=[partnership.pk, artefact.id, bank_id])
            assert client.post(url, {"action": "complete", **bank_data(bank)}).status_code == 302
    elif artefact.kind == "other" and not artefact.met_by_role:
        url = reverse("artefact-record", args=[partnership.pk, artefact.id])
        data = {"summary": "Named at the board.", **_day("produced_on", TODAY)}
        assert client.post(url, data).status_code == 302
    else:
        satisfy(officer, partnership, loader.current(), artefact)


def _day(name: str, day: date) -> dict[str, str]:
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def move(client, officer, partnership, target):
    client.force_login(officer)
    response = client.post(
        reverse("cycle-move", args=[partnership.pk, target]),
        {
            "expected_status": partnership.status,
            "reason": "Agreed at the board",
            "reference": "Board minute 27/3",
            **_day("decided_on", TODAY),
        },
    )
    assert response.status_code == 302, unescape(response.content.decode())[:3000]
    partnership.refresh_from_db()
    assert partnership.status == target


@pytest.mark.django_db
def test_a_partnership_runs_from_proposal_to_active_under_the_councils_own_framework(
    client, users, officer_person, borsetshire
):
    officer, approver, admin = users["officer"], users["approver"], users["administrator"]
    framework = loader.current()
    assert (framework.id, framework.council, framework.name) == ("borsetshire", COUNCIL, TITLE)
    with on_day(TODAY):
        # Proposed on "Add a partnership", answering the framework's significance questions (all no).
        client.force_login(officer)
        response = client.post(reverse("partnership-create"), create_data(**significance_answers(False)))
        assert response.status_code == 302
        partnership = Partnership.objects.get(reference="YP-01")
        f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
        assessment = SignificanceAssessment.objects.get(partnership=partnership)
        assert (assessment.framework_id, assessment.tier_id) == ("borsetshire", "other")

        # "Is it a partnership?" for it: yes to every criterion, no to every exclusion.
        client.post(
            reverse("classify-start") + f"?partnership={partnership.pk}", {"arrangement": partnership.name}
        )
        for question in framework.definition.criteria:
            client.post(reverse("classify-question", args=[question.id]), {"answer": "True"})
        for question in framework.definition.exclusions:
            client.post(reverse("classify-question", args=[question.id]), {"answer": "False"})
        assert client.post(reverse("classify-check")).status_code == 302

        artefacts = {a.id: a for a in framework.artefacts}
        asked_of: set[str] = set()
        for target in (cycle.BUSINESS_CASE, cycle.AWAITING_APPROVAL, cycle.AGREEMENT, cycle.ACTIVE):
            partnership.refresh_from_db()
            missing = services.check(partnership, target, framework=framework).missing
            for item in [m for m in missing if not m.role_id]:
                if artefacts[item.artefact_id].kind != "registration":
                    complete(client, officer, partnership, artefacts[item.artefact_id])
            for item in [m for m in missing if m.role_id]:
                asked_of.add(item.role_id)
                if not Appointment.objects.filter(user=approver, role_id=item.role_id).exists():
                    appoint(client, admin, approver, item.role_id)
                if target == cycle.AGREEMENT and item.artefact_id == "approval_to_participate":
                    approvals = page(client, reverse("approvals", args=[partnership.pk]))
                    assert CABINET_MEMBER in approvals
                decide(client, approver, partnership, item.artefact_id, item.role_id)
            move(client, officer, partnership, target)

    # The changed requirement: the Cabinet Member approved participation, not the Director.
    assert "portfolio_holder" in asked_of
    client.force_login(officer)
    record = page(client, reverse("partnership", args=[partnership.pk]))
    cycle_page = page(client, reverse("cycle", args=[partnership.pk]))
    approvals = page(client, reverse("approvals", args=[partnership.pk]))
    assert f"Under {TITLE} ({COUNCIL}, version 1.0)" in record
    assert STAGE_WORDS in cycle_page  # the current stage, in the council's words
    assert DIRECTOR in approvals and CABINET_MEMBER in approvals
    # The changed cadence: the health check is due two years after the partnership became active.
    due = TODAY + relativedelta(years=2)
    row = record[record.index(REVIEW) :].split("</tr>")[0]
    assert f"{due.day} {due:%B} {due.year}" in row, row
    model_stage = next(s for s in loader.get("model").stages if s.id == "active").description[:80]
    for words in (*REPLACED, model_stage):
        for shown in (record, cycle_page, approvals):
            assert words not in shown


@pytest.mark.django_db  # Django's model checks ask the database what it supports (JSON fields)
def test_a_broken_own_file_stops_accord_check_naming_its_file_and_line(borsetshire):
    path = borsetshire / "borsetshire.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("first_due: P2Y", "first_due: two years", 1)
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("first_due: two years")].count("\n") + 1
    with pytest.raises(SystemCheckError) as failed:
        call_command("check")
    message = str(failed.value)
    assert f"{path}:{line}: obligations.1.first_due:" in message
    assert "Traceback" not in message


def test_the_site_refuses_to_start_with_an_invalid_own_file(tmp_path):
    """gunicorn loads accord.wsgi: with a framework that does not load, it stops with the file and
    line, and no traceback."""
    (tmp_path / "borsetshire.yaml").write_text("id: borsetshire\nname: [unfinished\n", encoding="utf-8")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "accord.settings_test",
        "ACCORD_FRAMEWORKS_DIR": str(tmp_path),
    }
    started = subprocess.run(
        [sys.executable, "-c", "import accord.wsgi"],
        capture_output=True,
        text=True,
        env={**env, "ACCORD_FRAMEWORK": "borsetshire"},
    )
    assert started.returncode != 0
    assert "Accord cannot start" in started.stderr
    assert f"{tmp_path / 'borsetshire.yaml'}:3: (file): cannot be read as YAML" in started.stderr, (
        started.stderr
    )
    assert "Traceback" not in started.stderr
    fine = subprocess.run(
        [sys.executable, "-c", "import accord.wsgi"],
        capture_output=True,
        text=True,
        env={**env, "ACCORD_FRAMEWORK": "chorley"},
    )
    assert fine.returncode == 0, fine.stderr


def test_the_own_file_is_checked_against_the_seeds_like_any_other(borsetshire):
    assert loader.load_path(borsetshire / "borsetshire.yaml", seeds()).problems == []
