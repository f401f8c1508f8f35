"""Every form, every search: hostile input never causes a server error, a partial write or an
unescaped reflection.

The administrator (who may use nearly every form) opens each URL the access test walks; each
`<form method="post">` found is sent hostile bodies built from its own fields, each GET form hostile
query parameters. Every example runs in a savepoint that is rolled back, so all start from the same
database. Examples are derandomized: CI sees the same inputs each run, and a failure reproduces.
"""

from collections import Counter

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.access_cases.world import build_world, url_cases
from tests.fuzz.checks import assert_safe_page, brief, in_rollback, post_and_check
from tests.fuzz.forms import Form, read_forms
from tests.fuzz.strategies import form_body, query_params, short_hostile_text

POST_EXAMPLES = 6
GET_EXAMPLES = 3
FUZZ = settings(
    max_examples=POST_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the failure message is short already
    suppress_health_check=list(HealthCheck),
)
# Query parameters views read besides their forms' fields (pagination, heat-map cells, periods, …).
EXTRA_PARAMS = ["page", "year", "period", "stage", "likelihood", "impact", "question", "department"]
EXTRA_PARAMS += ["library", "partnership", "change", "q", "status", "sort"]
DOWNLOADS = (
    "export",
    "download",
    "document",
    "csv",
    "json",
    "ics",
    "file",
    "openapi",
    "api-",
    "healthz",
    "ping",
)


def not_a_page(name: str) -> bool:
    """Downloads, feeds and machine endpoints: no forms, and slow to build."""
    return any(word in name for word in DOWNLOADS)


@pytest.fixture
def world(users, own_partnership, other_partnership):
    return build_world(users, own_partnership, other_partnership)


def pages_with_forms(client: Client, world) -> list[tuple[str, str, Form]]:
    """(url name, page url, form) for every form on every page, one page per url name (the own
    partnership's where there are two)."""
    seen, found = set(), []
    for name, url, partnership in url_cases(world):
        if name in seen or partnership == world["other"] or not_a_page(name):
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        seen.add(name)
        forms = read_forms(response.content.decode(), url)
        found += [(name, url, form) for form in forms if form.action != reverse("sign-out")]  # stay in
    return found


def fuzz(label: str, examples: int, strategy, check) -> str | None:
    """Run `check` on `examples` drawn values, each rolled back; the failure message, if any."""

    @settings(FUZZ, max_examples=examples)
    @given(strategy)
    def run(value):
        in_rollback(lambda: check(value))

    try:
        run()
    except AssertionError as error:
        return str(error).splitlines()[0]
    except Exception as error:  # a view that raised: the user would have seen a server error
        return f"{label}: {type(error).__name__}: {brief(str(error))}"
    return None


def fuzz_form(client: Client, name: str, url: str, form: Form, outcomes: Counter) -> str | None:
    what = f"{name} {form.method.upper()} {form.action}"
    if form.method == "post":

        def check(body):
            outcomes[post_and_check(client, form.action, body, f"{what} {brief(body)}")] += 1

        return fuzz(what, POST_EXAMPLES, form_body(form.fields), check)
    names = [f.name for f in form.fields] + EXTRA_PARAMS
    return fuzz(
        what,
        GET_EXAMPLES,
        query_params(names),
        lambda params: assert_safe_page(client.get(form.action, params), f"{what} {brief(params)}"),
    )


@pytest.mark.django_db
def test_every_form_refuses_hostile_input_without_errors_or_partial_writes(client, users, world):
    client.force_login(users["administrator"])
    pages = pages_with_forms(client, world)
    assert len({name for name, _, form in pages if form.method == "post"}) >= 55  # the walk found the forms
    outcomes: Counter = Counter()
    failures = [found for page in pages if (found := fuzz_form(client, *page, outcomes))]
    assert not failures, "\n".join(failures)
    # Both paths were exercised: hostile values refused, and hostile values stored then shown safely.
    assert outcomes["refused"] > 100 and outcomes["accepted"] > 20, outcomes
    assert client.get(reverse("home")).wsgi_request.user.is_authenticated  # the walk stayed signed in


@pytest.mark.django_db
def test_every_page_ignores_hostile_query_parameters(client, users, world):
    client.force_login(users["administrator"])
    failures = []
    for name, url, partnership in url_cases(world):
        if partnership == world["other"] or not_a_page(name):
            continue
        path = url.split("?")[0]
        what = f"{name} GET {path}"
        found = fuzz(
            what,
            2,
            query_params(EXTRA_PARAMS),
            lambda params, path=path, what=what: assert_safe_page(
                client.get(path, params), f"{what} {brief(params)}"
            ),
        )
        if found:
            failures.append(found)
    assert not failures, "\n".join(failures)


# Found by this fuzzing: AuthenticationForm shows a maxlength but did not check it, so a username over
# 255 characters reached django-axes, whose AccessAttempt.username is varchar(255): a server error on
# PostgreSQL. SignInForm now checks the length.
@pytest.mark.django_db
def test_an_over_long_username_is_refused_not_a_server_error(users):
    cache.clear()
    response = Client().post(reverse("sign-in"), {"username": "a" * 300, "password": "secret"})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content


@pytest.mark.django_db
def test_sign_in_refuses_hostile_names_and_passwords(users):
    anonymous = Client()

    def sign_in(body):
        cache.clear()  # rate limits would otherwise stop the later examples early
        response = anonymous.post(reverse("sign-in"), body)
        assert_safe_page(response, f"sign-in {brief(body)}")
        assert response.status_code != 302, "hostile credentials signed someone in"

    failures = fuzz(
        "sign-in",
        40,
        st.fixed_dictionaries({"username": short_hostile_text, "password": short_hostile_text}),
        sign_in,
    )
    assert not failures, failures


@pytest.mark.django_db
def test_the_public_register_search_ignores_hostile_terms(own_partnership):
    anonymous = Client()
    url = reverse("public-register")
    names = [f.name for form in read_forms(anonymous.get(url).content.decode(), url) for f in form.fields]
    assert "q" in names
    failures = fuzz(
        "public register",
        40,
        query_params([*names, "page"]),
        lambda params: assert_safe_page(anonymous.get(url, params), f"public register {brief(params)}"),
    )
    assert not failures, failures
