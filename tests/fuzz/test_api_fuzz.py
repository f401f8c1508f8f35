"""The JSON API's create and change operations with NUL, huge strings, scripts and odd Unicode in
their text fields: no server error, and a refusal (4xx) writes nothing.

tests/api/test_schemathesis.py checks the API against its schema; this checks the values a schema
allows (any string) that the database may not (NUL in PostgreSQL, strings past a column's length).
Every operation comes from the OpenAPI document, so a new one is fuzzed without listing it here.
"""

import pytest
from hypothesis import strategies as st

from accord.outputs.api.api import api
from tests.api.conftest import api_as, secrets  # noqa: F401
from tests.fuzz.checks import brief
from tests.fuzz.forms import differences, fingerprint
from tests.fuzz.strategies import hostile_text
from tests.fuzz.test_forms_fuzz import fuzz

EXAMPLES = 12


def operations(spec: dict) -> list[tuple[str, str, dict]]:
    """(method, path, request body schema) of every operation that takes a JSON body."""
    found = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if schema:
                name = schema["$ref"].rsplit("/", 1)[-1]
                found.append((method, path, spec["components"]["schemas"][name]))
    return found


def _types(prop: dict) -> set[str]:
    return {prop.get("type", "")} | {option.get("type", "") for option in prop.get("anyOf", [])}


def plausible(prop: dict, current):
    if current is not None:
        return current
    if "enum" in prop:
        return prop["enum"][0]
    types = _types(prop)
    if "string" in types:
        return "2026-04-01" if prop.get("format") == "date" else "Fuzz value"
    if "boolean" in types:
        return False
    if "integer" in types or "number" in types:
        return 1
    return None


@st.composite
def body(draw, schema: dict, current: dict) -> dict:
    """Plausible values (the object's own where it has them) with hostile text in a few text fields."""
    props = schema.get("properties", {})
    texts = [name for name, prop in props.items() if "string" in _types(prop) and name != "version"]
    chosen = draw(st.sets(st.sampled_from(texts), min_size=1, max_size=3)) if texts else set()
    values = {name: plausible(prop, current.get(name)) for name, prop in props.items()}
    values.update({name: draw(hostile_text) for name in chosen})
    return {k: v for k, v in values.items() if v is not None}


@pytest.fixture
def ids(users, own_partnership, other_partnership) -> dict[str, int]:
    """The object each path parameter names: `{pk}` after the collection it follows."""
    from tests.access_cases.world import build_world

    world = build_world(users, own_partnership, other_partnership)
    return {
        "partnerships": own_partnership.pk,
        "organisations": world["organisation"].pk,
        "people": world["person"].pk,
        "risk_id": world["cycle"]["own"]["risk"].pk,
        "action_id": world["cycle"]["own"]["action"].pk,
        "role_id": own_partnership.roles.first().pk,
    }


def resolve(template: str, ids: dict[str, int]) -> str:
    parts = template.split("/")
    return "/".join(
        str(ids[parts[i - 1]]) if part == "{pk}" else str(ids[part[1:-1]]) if part.startswith("{") else part
        for i, part in enumerate(parts)
    )


def sender(client, method: str, path: str):
    def send(sent: dict) -> None:
        before = fingerprint()
        response = getattr(client, method)(path, sent)
        what = f"{method.upper()} {path} {brief(sent)}"
        assert response.status_code < 500, f"{what}: status {response.status_code}"
        if response.status_code >= 400:
            assert not differences(before, fingerprint()), f"{what}: refused but wrote"

    return send


@pytest.mark.django_db
def test_hostile_text_in_any_api_field_is_refused_or_stored_never_a_server_error(
    api_as,  # noqa: F811
    ids,
):
    client = api_as("administrator")
    failures = []
    for method, template, schema in operations(api.get_openapi_schema()):
        path = resolve(template, ids)
        read = client.get(path) if method == "patch" else None  # a change starts from what is there
        current = read.json() if read and read.get("Content-Type") == "application/json" else {}

        label = f"{method.upper()} {template}"
        if found := fuzz(label, EXAMPLES, body(schema, current), sender(client, method, path)):
            failures.append(found)
    assert not failures, "\n".join(failures)
