"""The OpenAPI description, exercised by schemathesis with a token for each role: whatever it sends,
the API never answers with a server error, and every answer matches the description (status code,
content type, body schema)."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests import factories as f

from .conftest import ROLES

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
EXAMPLES = 8  # per operation and role (and again at existing records): bounded, about 30 s a role


@pytest.fixture
def wsgi_app():
    """Django as a WSGI app, inside the test's transaction: as Django's test client does, stop the
    request signals from closing the connection between requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def records(own_partnership, users):
    """Something for each path to find: a risk with an action, a review-less partnership."""
    from datetime import date

    from accord.domain.risks.models import Risk, RiskAction

    risk = Risk.objects.create(
        partnership=own_partnership,
        reference="R-01",
        title="Funding ends",
        identified_on=date(2026, 1, 5),
        owner="O",
    )
    action = RiskAction.objects.create(
        risk=risk, description="Find funds", owner="O", due_on=date(2026, 12, 1)
    )
    role = own_partnership.roles.first()
    return {
        "pk": own_partnership.pk,
        "risk_id": risk.pk,
        "action_id": action.pk,
        "role_id": role.pk,
        "review_id": 1,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_operation_answers_as_described_for_every_role(
    role, wsgi_app, secrets, records, other_partnership
):
    f.DirectorateFactory()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    headers = {"Authorization": f"Bearer {secrets[role]}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25, "the description lists every operation"
    failures = []
    for operation in operations:
        known = {k: v for k, v in records.items() if f"{{{k}}}" in operation.path}
        strategies = [operation.as_strategy()]
        if known:  # also at records that exist, so the operations get past "not found"
            strategies.append(operation.as_strategy(path_parameters=known))

        @given(case=st.one_of(strategies))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except Exception as failure:  # noqa: BLE001 - collect every operation's failure, then report
            failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)
