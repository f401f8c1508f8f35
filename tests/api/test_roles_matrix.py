"""Every API operation, for every role: allowed, forbidden (403) or not visible (404) exactly as the
web's policy (accord.accounts.policy) decides."""

from datetime import date

import pytest

from accord.accounts.policy import RULES, Action
from accord.api.access import API_OPERATIONS
from accord.register.models import Partnership
from accord.risks.models import Risk, RiskAction
from tests import factories as f

from .conftest import ROLES


@pytest.fixture
def world(own_partnership, other_partnership):
    for p in (own_partnership, other_partnership):
        risk = Risk.objects.create(
            partnership=p,
            reference="R-01",
            title="Funding ends",
            identified_on=date(2026, 1, 5),
            owner="Olive",
        )
        RiskAction.objects.create(
            risk=risk, description="Find funds", owner="Olive", due_on=date(2026, 12, 1)
        )
        if not p.roles.exists():
            f.RoleFactory(partnership=p, role="council_representative")
    return {"own": own_partnership, "other": other_partnership, "person": f.PersonFactory(name="Rita Rep")}


def version(p: Partnership) -> int:
    return Partnership.objects.get(pk=p.pk).version


def new_partnership(world) -> dict:
    p = world["own"]
    return {
        "name": "Chorley Health Partnership",
        "reference": f"HEALTH-{Partnership.objects.count()}",
        "description": "Working together on health.",
        "partnership_type": p.partnership_type_id,
        "statutory_status": "non_statutory",
        "incorporation": "unincorporated",
        "lead_organisation": p.lead_organisation_id,
        "council_role": "lead",
        "directorate": p.directorate_id,
    }


def cases(world, which: str):
    """(url name, method, path, body or None, action, partnership or None) for one partnership."""
    p = world[which]
    risk = p.risks.get()
    action = risk.actions.get()
    role = p.roles.first()
    base = f"partnerships/{p.pk}"
    return [
        ("api-partnership", "get", base, None, Action.VIEW_REGISTER, p),
        (
            "api-partnership-change",
            "patch",
            base,
            lambda: {"version": version(p), "themes": "health"},
            Action.CHANGE_PARTNERSHIP,
            p,
        ),
        ("api-roles", "get", f"{base}/roles", None, Action.VIEW_REGISTER, p),
        (
            "api-role-create",
            "post",
            f"{base}/roles",
            lambda: {"version": version(p), "person": world["person"].pk, "role": "substitute"},
            Action.CHANGE_PARTNERSHIP,
            p,
        ),
        (
            "api-role-change",
            "patch",
            f"{base}/roles/{role.pk}",
            lambda: {"version": version(p), "notes": "Chair"},
            Action.CHANGE_PARTNERSHIP,
            p,
        ),
        (
            "api-role-end",
            "post",
            f"{base}/roles/{role.pk}/end",
            lambda: {"version": version(p)},
            Action.CHANGE_PARTNERSHIP,
            p,
        ),
        ("api-risks", "get", f"{base}/risks", None, Action.VIEW_RISKS, p),
        ("api-risk", "get", f"{base}/risks/{risk.pk}", None, Action.VIEW_RISKS, p),
        (
            "api-risk-create",
            "post",
            f"{base}/risks",
            lambda: {"title": "Staff leave", "identified_on": "2026-01-05", "owner": "Olive"},
            Action.CHANGE_RISKS,
            p,
        ),
        (
            "api-risk-change",
            "patch",
            f"{base}/risks/{risk.pk}",
            lambda: {"version": Risk.objects.get(pk=risk.pk).version, "owner": "Oscar"},
            Action.CHANGE_RISKS,
            p,
        ),
        ("api-risk-actions", "get", f"{base}/risks/{risk.pk}/actions", None, Action.VIEW_RISKS, p),
        (
            "api-risk-action-create",
            "post",
            f"{base}/risks/{risk.pk}/actions",
            lambda: {"description": "Plan", "owner": "Olive", "due_on": "2026-12-01"},
            Action.CHANGE_RISKS,
            p,
        ),
        (
            "api-risk-action-change",
            "patch",
            f"{base}/risks/{risk.pk}/actions/{action.pk}",
            lambda: {"status": "in_progress"},
            Action.CHANGE_RISKS,
            p,
        ),
        ("api-partnership-obligations", "get", f"{base}/obligations", None, Action.VIEW_COMPLIANCE, p),
        ("api-reviews", "get", f"{base}/reviews", None, Action.VIEW_MONITORING, p),
        ("api-ratings", "get", f"{base}/ratings", None, Action.VIEW_MONITORING, p),
    ]


def site_cases(world):
    org = world["own"].lead_organisation
    person = world["person"]
    return [
        ("api-partnerships", "get", "partnerships", None, Action.VIEW_REGISTER, None),
        (
            "api-partnership-create",
            "post",
            "partnerships",
            lambda: new_partnership(world),
            Action.CREATE_PARTNERSHIP,
            None,
        ),
        ("api-organisations", "get", "organisations", None, Action.VIEW_DIRECTORY, None),
        ("api-organisation", "get", f"organisations/{org.pk}", None, Action.VIEW_DIRECTORY, None),
        (
            "api-organisation-create",
            "post",
            "organisations",
            lambda: {"name": "Age UK Lancashire", "sector": "vcf"},
            Action.CREATE_ORGANISATION,
            None,
        ),
        (
            "api-organisation-change",
            "patch",
            f"organisations/{org.pk}",
            lambda: {"version": type(org).objects.get(pk=org.pk).version, "notes": "Checked"},
            Action.CHANGE_ORGANISATION,
            None,
        ),
        ("api-people", "get", "people", None, Action.VIEW_DIRECTORY, None),
        ("api-person", "get", f"people/{person.pk}", None, Action.VIEW_DIRECTORY, None),
        (
            "api-person-create",
            "post",
            "people",
            lambda: {"name": "Sam Smith", "organisation": org.pk},
            Action.CREATE_PERSON,
            None,
        ),
        (
            "api-person-change",
            "patch",
            f"people/{person.pk}",
            lambda: {"version": type(person).objects.get(pk=person.pk).version, "job_title": "Chair"},
            Action.CHANGE_PERSON,
            None,
        ),
        ("api-obligations", "get", "obligations", None, Action.VIEW_COMPLIANCE, None),
    ]


def expected(role: str, action: Action, partnership, world) -> int:
    allowed, needs_link = RULES[action]
    if role == "partner" and partnership is not None and partnership != world["own"]:
        return 404  # partners see only their own partnerships
    if role not in allowed:
        return 403
    if partnership is not None and role in needs_link and partnership != world["own"]:
        return 403
    return 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_can_do_through_the_api_exactly_what_the_policy_allows(role, api_as, world):
    api = api_as(role)
    covered, failures = set(), []
    for name, method, path, body, action, partnership in [
        *site_cases(world),
        *cases(world, "own"),
        *cases(world, "other"),
    ]:
        covered.add(name)
        response = api.get(path) if method == "get" else getattr(api, method)(path, body())
        want = expected(role, action, partnership, world)
        got = 200 if response.status_code in (200, 201) else response.status_code
        if got != want:
            failures.append(
                f"{role} {method.upper()} {path} ({name}): {response.status_code} {response.content[:200]}"
            )
        if response.status_code >= 400:
            assert set(response.json()) == {"detail", "errors"}
    assert not failures, "\n".join(failures)
    assert covered == set(API_OPERATIONS) - {"api-review"}
    # api-review needs a review to exist: see test_resources.py


@pytest.mark.django_db
def test_without_a_token_every_operation_answers_401(client, world):
    for name, method, path, _body, _, _ in [*site_cases(world), *cases(world, "own")]:
        response = getattr(client, method)(f"/api/v1/{path}", content_type="application/json")
        assert response.status_code == 401, name
