"""Every URL and every API operation, every role: access matches the one declared policy table.

The table is RULES (accord.kernel.accounts.policy: which roles may take each action, and which of them
only on partnerships they are linked to) with URL_POLICY (accord.kernel.accounts.url_policy: the action
each URL needs, or PUBLIC / SIGNED_IN; TOKEN_AUTHENTICATED names the JSON API's operations). For
each role, and for someone not signed in, the test below
- opens every page (GET) and expects it exactly when the table allows it;
- sends every refused write (POST) to every page the role may not use, and expects a refusal with
  nothing changed in the database;
- calls every operation in the OpenAPI description with the role's bearer token, over the
  officer's and partner's "own" partnership and an "other" one, and expects exactly what the table
  says: allowed, 404 for a partnership the role may not see, 403 for one it may see but not change,
  401 without a token; a refused write changes nothing.
A URL or an operation without an entry in the table, or an entry without a URL, fails.
"""

from enum import StrEnum

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accord.kernel.accounts.policy import RULES, Action
from accord.kernel.accounts.url_policy import PUBLIC, SIGNED_IN, TOKEN_AUTHENTICATED, URL_POLICY
from accord.outputs.api.tokens import create_token
from tests.access_cases import allowed_answers
from tests.access_cases.answers import PAGE, Answer
from tests.access_cases.fingerprint import changes, fingerprint
from tests.access_cases.operations import WRITES, described, operation_cases, routes
from tests.access_cases.world import build_world, url_cases

ROLES = [None, "administrator", "officer", "approver", "member", "auditor", "partner"]
SIGNED_IN_ANSWERS = {"sign-in": Answer(302)}  # already signed in: sent on to the home page
# "sign-out" would end the walk's session: see test_signing_out_needs_a_post... The walk's framework
# (Chorley) has no checklist of its own — its questions are answered in the business case and in
# reviews, never as a checklist (ADR 0024) — so "checklist" is walked for every role under Redditch in
# tests/lifecycle/test_casework.py. Chorley has no leaving form either (ADR 0027): "leaving-form" is
# walked under Redditch in tests/lifecycle/test_leaving.py. Chorley's sign-off has no declaration, so
# "sign-off-declaration" is walked under Bury in tests/lifecycle/test_declaration.py.
NOT_WALKED = {"sign-out", "checklist", "leaving-form", "sign-off-declaration"}


class Verdict(StrEnum):
    ALLOWED = "allowed"
    SIGN_IN = "sign in first"  # web: the sign-in page; API: 401
    HIDDEN = "not visible (404)"  # a partnership the role may not see
    FORBIDDEN = "forbidden (403)"


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


def verdict(role: str | None, name: str, partnership, world) -> Verdict:
    """What the declared table says `role` gets at URL `name` (about `partnership`, if any)."""
    rule = URL_POLICY[name]
    if rule == PUBLIC:
        return Verdict.ALLOWED
    if role is None:
        return Verdict.SIGN_IN
    if rule == SIGNED_IN:
        return Verdict.ALLOWED
    allowed, needs_link = RULES[Action(rule)]
    linked = partnership is None or partnership == world["own"]  # the officer's and partner's own
    if not linked and role in RULES[Action.VIEW_REGISTER][1]:
        return Verdict.HIDDEN
    if role not in allowed or (not linked and role in needs_link):
        return Verdict.FORBIDDEN
    return Verdict.ALLOWED


def test_every_url_has_a_policy_entry():
    missing = all_url_names() - set(URL_POLICY)
    assert not missing, f"URLs without an access policy entry: {sorted(missing)}"
    assert not set(URL_POLICY) - all_url_names(), "URL_POLICY names a URL that no longer exists"
    for name, rule in URL_POLICY.items():
        assert rule in (PUBLIC, SIGNED_IN) or rule in RULES, f"{name}: {rule} is not a declared action"
    assert not TOKEN_AUTHENTICATED & {n for n, r in URL_POLICY.items() if r in (PUBLIC, SIGNED_IN)}
    assert set(allowed_answers()) <= set(URL_POLICY), "an allowed answer is declared for no URL"


@pytest.mark.django_db
def test_every_operation_in_the_openapi_description_has_a_policy_entry_and_back(client):
    operations = described(client)
    names = routes()
    assert set(operations) == set(names), "the description and the API's routes differ"
    assert len(set(operations.values())) == len(operations), "two operations share an operationId"
    assert set(names.values()) == TOKEN_AUTHENTICATED, "operations and TOKEN_AUTHENTICATED differ"
    api_urls = {n for n in all_url_names() if URL_POLICY.get(n) not in (PUBLIC, SIGNED_IN)}
    assert {n for n in api_urls if n.startswith("api-")} <= TOKEN_AUTHENTICATED


@pytest.fixture
def world(users, own_partnership, other_partnership):
    return build_world(users, own_partnership, other_partnership)


def _page_answer_ok(role, name, want: Verdict, response) -> bool:
    if want == Verdict.ALLOWED:
        answers = {**allowed_answers(), **(SIGNED_IN_ANSWERS if role else {})}
        return answers.get(name, PAGE).matches(response)
    return _refused(role, response)


def _refused(role, response) -> bool:
    if role is None:
        return response.status_code == 302 and response["Location"].startswith(reverse("sign-in"))
    return response.status_code in (403, 404)


def walk_pages(client, role, world, cases) -> list[str]:
    failures = []
    for name, url, partnership in cases:
        want = verdict(role, name, partnership, world)
        response = client.get(url)
        if not _page_answer_ok(role, name, want, response):
            failures.append(f"{role} GET {url} ({name}): {response.status_code}, expected {want}")
    return failures


def walk_refused_writes(client, role, world, cases) -> list[str]:
    """POST to every page the role may not use: refused, and nothing in the database changes."""
    failures = []
    for name, url, partnership in cases:
        want = verdict(role, name, partnership, world)
        if want == Verdict.ALLOWED:
            continue
        before = fingerprint()
        response = client.post(url, {"version": "1", "confirm": "yes"})
        changed = changes(before, fingerprint())
        if not _refused(role, response) or changed:
            failures.append(f"{role} POST {url} ({name}): {response.status_code}, changed {changed}")
    return failures


def walk_operations(role, users, world, calls) -> list[str]:
    headers = {"Authorization": f"Bearer {create_token(users[role], 'access test')[1]}"} if role else {}
    api = Client(headers=headers)
    failures = []
    for call in calls:
        want = verdict(role, call.name, call.partnership, world)
        before = fingerprint()
        if call.body is None:
            response = getattr(api, call.method)(call.path)
        else:
            response = getattr(api, call.method)(call.path, call.body(), content_type="application/json")
        changed = changes(before, fingerprint()) if want != Verdict.ALLOWED else []
        got = {
            200: Verdict.ALLOWED,
            201: Verdict.ALLOWED,
            401: Verdict.SIGN_IN,
            403: Verdict.FORBIDDEN,
            404: Verdict.HIDDEN,
        }.get(response.status_code)
        if got != want or changed:
            failures.append(
                f"{role} {call}: {response.status_code} {response.content[:200]!r}, expected {want}"
                + (f", changed {changed}" if changed else "")
            )
        elif response.status_code >= 400 and set(response.json()) != {"detail", "errors"}:
            failures.append(f"{role} {call}: an error not in the API's shape: {response.content[:200]!r}")
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_the_policy_allows(client, world, users, role):
    if role:
        client.force_login(users[role])
    cases = url_cases(world)
    calls = operation_cases(world, client)
    failures = walk_pages(client, role, world, cases)
    failures += walk_refused_writes(client, role, world, cases)
    failures += walk_operations(role, users, world, calls)
    assert not failures, f"{len(failures)} answers differ from the policy:\n" + "\n".join(failures)
    walked = {name for name, _, _ in cases} | {call.name for call in calls} | NOT_WALKED
    assert walked == set(URL_POLICY), f"in the policy but never walked: {set(URL_POLICY) - walked}"
    writes = {call.name for call in calls if call.method in WRITES}
    assert writes == {n for (m, _), n in routes().items() if m in WRITES}


@pytest.mark.django_db
def test_signing_out_needs_a_post_and_ends_the_session(client, users):
    client.force_login(users["member"])
    assert client.get(reverse("sign-out")).status_code == 405
    assert client.post(reverse("sign-out")).status_code == 302
    assert client.get(reverse("home")).status_code == 302
