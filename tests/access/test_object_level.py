"""Object-level access, as the issue puts it: the same request that succeeds on a partnership the
user is linked to is refused on one they are not, on the web and through the API, and changes
nothing. Every rule in RULES that depends on a link (its `needs_link`) has a test here.

tests/test_access.py walks every URL and operation against the table; these tests show, with
requests that would otherwise succeed, that a refusal is the policy's and not a form's.
"""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from accord.domain.lifecycle.models import Appointment, ArtefactRecord, Decision
from accord.domain.risks.models import Risk
from accord.kernel.accounts.policy import RULES
from accord.outputs.api.tokens import create_token
from accord.register.models import Partnership
from tests import factories as f
from tests.access_cases.fingerprint import changes, fingerprint

pytestmark = pytest.mark.django_db

# (action, role) pairs whose access depends on a link, and the test here that shows each.
LINK_RULES_SHOWN = {
    ("view_register", "partner"): "test_a_partner_cannot_read_another_organisations_partnership",
    ("view_risks", "partner"): "test_a_partner_cannot_read_another_organisations_partnership",
    ("change_partnership", "officer"): "test_an_officer_cannot_edit_a_partnership_they_hold_no_role_on",
    ("change_risks", "officer"): "test_an_officer_or_partner_cannot_change_risks_on_a_partnership_not_theirs",
    ("change_risks", "partner"): "test_an_officer_or_partner_cannot_change_risks_on_a_partnership_not_theirs",
    (
        "change_monitoring",
        "officer",
    ): "test_an_officer_cannot_record_monitoring_or_review_where_they_hold_no_role",
    ("review", "officer"): "test_an_officer_cannot_record_monitoring_or_review_where_they_hold_no_role",
}


def test_every_rule_that_depends_on_a_link_has_a_test_here():
    declared = {(str(action), role) for action, (_, needs_link) in RULES.items() for role in needs_link}
    assert declared == set(LINK_RULES_SHOWN)
    assert all(name in globals() for name in LINK_RULES_SHOWN.values())


def api_client(user) -> Client:
    return Client(headers={"Authorization": f"Bearer {create_token(user, 'object-level test')[1]}"})


def send(client: Client, method: str, path: str, body: dict | None = None):
    if body is None:
        return getattr(client, method)(f"/api/v1/{path}")
    return getattr(client, method)(f"/api/v1/{path}", json.dumps(body), content_type="application/json")


def refused(status: int, attempt) -> None:
    """`attempt()` answers `status` and leaves the database exactly as it was."""
    before = fingerprint()
    response = attempt()
    assert response.status_code == status, response.content[:300]
    assert not changes(before, fingerprint())


def about(p: Partnership, name: str) -> dict:
    return {"name": name, "reference": p.reference, "description": "Working together.", "version": p.version}


def test_an_officer_cannot_edit_a_partnership_they_hold_no_role_on(
    client, users, own_partnership, other_partnership
):
    officer = users["officer"]
    client.force_login(officer)
    edit = "partnership-edit"
    theirs = reverse(edit, args=[other_partnership.pk, "about"])
    refused(403, lambda: client.post(theirs, about(other_partnership, "Hijacked")))
    api = api_client(officer)
    patch = {"version": other_partnership.version, "name": "Hijacked"}
    refused(403, lambda: send(api, "patch", f"partnerships/{other_partnership.pk}", patch))
    assert Partnership.objects.get(pk=other_partnership.pk).name == "Lancashire Waste Partnership"
    # The same requests on the partnership they hold a role on go through.
    own = reverse(edit, args=[own_partnership.pk, "about"])
    assert client.post(own, about(own_partnership, "Chorley Safer Streets")).status_code == 302
    body = {"version": Partnership.objects.get(pk=own_partnership.pk).version, "themes": "safety"}
    assert send(api, "patch", f"partnerships/{own_partnership.pk}", body).status_code == 200
    assert Partnership.objects.get(pk=own_partnership.pk).name == "Chorley Safer Streets"


def make_risk(partnership: Partnership) -> Risk:
    return Risk.objects.create(
        partnership=partnership,
        reference="R-01",
        title="Funding ends",
        identified_on=date(2026, 1, 5),
        owner="Olive",
    )


def test_a_partner_cannot_read_another_organisations_partnership(
    client, users, own_partnership, other_partnership
):
    partner = users["partner"]
    client.force_login(partner)
    api = api_client(partner)
    risks = {p: make_risk(p) for p in (own_partnership, other_partnership)}
    for p, status in ((other_partnership, 404), (own_partnership, 200)):
        for url in (
            reverse("partnership", args=[p.pk]),
            reverse("risks", args=[p.pk]),
            reverse("risk", args=[p.pk, risks[p].pk]),
            reverse("risk-export", args=[p.pk, "csv"]),
        ):
            assert client.get(url).status_code == status, url
        for path in (
            f"partnerships/{p.pk}",
            f"partnerships/{p.pk}/risks",
            f"partnerships/{p.pk}/risks/{risks[p].pk}",
        ):
            assert send(api, "get", path).status_code == status, path
    # Nor does it appear in their lists.
    register = client.get(reverse("register")).content.decode()
    assert own_partnership.name in register and other_partnership.name not in register
    listed = [row["id"] for row in send(api, "get", "partnerships").json()["results"]]
    assert listed == [own_partnership.pk]


@pytest.fixture
def awaiting(users, officer_person):
    """A key partnership awaiting Executive Cabinet's approval, its report to Executive Cabinet written."""
    partnership = f.PartnershipFactory(
        name="Chorley Health Partnership", status="awaiting_approval", is_key_partnership=True
    )
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    f.MembershipFactory(partnership=partnership)
    ArtefactRecord.objects.create(
        partnership=partnership,
        slot="business_case",
        kind="business_case",
        title="Business case",
        complete=True,
    )
    return partnership


def approval() -> dict:
    return {
        "outcome": "approved",
        "comment": "Good value.",
        "reference": "Executive Cabinet minute 23/45",
        "decided_on-day": "4",
        "decided_on-month": "3",
        "decided_on-year": "2025",
        "revision": "2",  # the approval's own record and the business case, each at revision 1
    }


def test_a_member_cannot_approve(client, users, awaiting):
    # Even appointed to record Executive Cabinet's decisions, a member's role cannot decide.
    for role in ("member", "approver"):
        Appointment.objects.create(user=users[role], framework_id="chorley", role_id="executive_cabinet")
    decide = reverse("decide", args=[awaiting.pk, "executive_cabinet_approval", "executive_cabinet"])
    client.force_login(users["member"])
    refused(403, lambda: client.post(decide, approval()))
    refused(403, lambda: client.post(reverse("approver-inbox"), approval()))
    assert client.get(reverse("approver-inbox")).status_code == 403
    assert not Decision.objects.exists()
    # The approver, with the same appointment and the same decision, approves.
    client.force_login(users["approver"])
    assert client.post(decide, approval()).status_code == 302
    assert Decision.objects.get().decided_by == users["approver"]


def risk_form() -> dict:
    return {
        "kind": "risk",
        "title": "Staff leave",
        "owner": "Olive Officer",
        "identified_on-day": "5",
        "identified_on-month": "1",
        "identified_on-year": "2026",
    }


@pytest.mark.parametrize("role, elsewhere", [("officer", 403), ("partner", 404)])
def test_an_officer_or_partner_cannot_change_risks_on_a_partnership_not_theirs(
    client, users, own_partnership, other_partnership, role, elsewhere
):
    client.force_login(users[role])
    api = api_client(users[role])
    body = {"title": "Staff leave", "identified_on": "2026-01-05", "owner": "Olive"}
    refused(elsewhere, lambda: client.post(reverse("risk-add", args=[other_partnership.pk]), risk_form()))
    refused(elsewhere, lambda: send(api, "post", f"partnerships/{other_partnership.pk}/risks", body))
    assert client.post(reverse("risk-add", args=[own_partnership.pk]), risk_form()).status_code == 302
    assert send(api, "post", f"partnerships/{own_partnership.pk}/risks", body).status_code == 201
    assert Risk.objects.filter(partnership=own_partnership).count() == 2


def indicator_form() -> dict:
    return {
        "name": "Repeat victims supported",
        "definition": "Victims referred twice or more in 12 months who accept support",
        "unit": "people",
        "baseline": "40",
        "target": "60",
        "direction": "higher",
        "tolerance": "",
        "frequency": "quarterly",
        "source": "Victim support referrals",
        "owner": "Olive Officer",
    }


def test_an_officer_cannot_record_monitoring_or_review_where_they_hold_no_role(
    client, users, own_partnership, other_partnership
):
    client.force_login(users["officer"])
    start_review = {"review": "annual_review:annual_review", "period_start-day": "1"}
    for name, data in (("indicator-add", indicator_form()), ("review-start", start_review)):
        refused(
            403, lambda name=name, data=data: client.post(reverse(name, args=[other_partnership.pk]), data)
        )
    assert (
        client.post(reverse("indicator-add", args=[own_partnership.pk]), indicator_form()).status_code == 302
    )
    assert client.get(reverse("review-start", args=[own_partnership.pk])).status_code == 200
