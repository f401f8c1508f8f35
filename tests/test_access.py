"""Every URL, every role: access matches the declared policy (RULES + URL_POLICY)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accord.accounts.policy import RULES, Action
from accord.accounts.url_policy import PUBLIC, SIGNED_IN, URL_POLICY
from accord.api.access import API
from tests.access_cases.world import build_world, url_cases


def all_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)
            elif isinstance(pattern, URLPattern):
                names.add(f"<unnamed {pattern.pattern}>")

    walk(get_resolver().url_patterns)
    return names


def test_every_url_has_a_policy_entry():
    missing = all_url_names() - set(URL_POLICY)
    assert not missing, f"URLs without an access policy entry: {sorted(missing)}"
    assert not set(URL_POLICY) - all_url_names(), "URL_POLICY names a URL that no longer exists"


@pytest.fixture
def world(users, own_partnership, other_partnership):
    return build_world(users, own_partnership, other_partnership)


# JSON API operations authenticate with a bearer token, not a session; tests/api checks each for every role.
API_OPERATIONS = {name for name, rule in URL_POLICY.items() if rule == API}
NEEDS_A_STARTED_FLOW = {"classify-question", "classify-check"}  # without answers in progress: back to start


def expected(role: str | None, name: str, partnership, world) -> bool:
    rule = URL_POLICY[name]
    if rule == PUBLIC:
        return True
    if role is None:
        return False
    if rule == SIGNED_IN:
        return True
    allowed, needs_link = RULES[Action(rule)]
    if role not in allowed:
        return False
    if partnership is not None and role in needs_link:
        return partnership == world["own"]  # the officer's and partner's own partnership
    if role == "partner" and partnership is not None:
        return partnership == world["own"]
    return True


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [None, "administrator", "officer", "approver", "member", "auditor", "partner"]
)
def test_each_role_reaches_exactly_what_the_policy_allows(client, world, users, role):
    if role:
        client.force_login(users[role])
    covered = set()
    failures = []
    for name, url, partnership in url_cases(world):
        covered.add(name)
        response = client.get(url)
        allowed = expected(role, name, partnership, world)
        if name == "sign-in" and role:
            ok = response.status_code == 302  # already signed in: sent home
        elif name in NEEDS_A_STARTED_FLOW and allowed:
            ok = response.status_code == 302 and response["Location"] == reverse("classify-start")
        elif allowed:
            ok = response.status_code == 200
        elif role is None:
            ok = response.status_code == 302 and "/sign-in/" in response["Location"]
        else:
            ok = response.status_code in (403, 404)
        if not ok:
            failures.append(
                f"{role} GET {url} ({name}): {response.status_code}, expected "
                f"{'allowed' if allowed else 'denied'}"
            )
    assert not failures, "\n".join(failures)
    covered |= {"sign-out"} | API_OPERATIONS
    assert covered == set(URL_POLICY), "a URL in the policy has no case in this test"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["officer", "approver", "member", "auditor", "partner"])
def test_roles_that_cannot_change_a_partnership_cannot_post_to_it_either(client, world, users, role):
    client.force_login(users[role])
    p = world["other"]
    before = p.name
    response = client.post(
        reverse("partnership-edit", args=[p.pk, "about"]),
        {"name": "Hijacked", "reference": p.reference, "description": "x", "version": p.version},
    )
    assert response.status_code in (403, 404)
    p.refresh_from_db()
    assert p.name == before


@pytest.mark.django_db
def test_signing_out_needs_a_post_and_ends_the_session(client, users):
    client.force_login(users["member"])
    assert client.get(reverse("sign-out")).status_code == 405
    assert client.post(reverse("sign-out")).status_code == 302
    assert client.get(reverse("home")).status_code == 302
