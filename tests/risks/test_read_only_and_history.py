"""A closed risk is read-only; partner changes are in the history; the risk page flags exactly what
the engine's rules flag (found in review)."""

import pytest
from django.urls import reverse

from accord.frameworks import loader


@pytest.mark.django_db
def test_a_closed_risk_is_read_only(client, users, own_partnership):
    from datetime import date as day

    from accord.domain.risks import services as risk_services
    from accord.domain.risks.models import Assessment

    risk = risk_services.create_risk(
        users["officer"],
        own_partnership,
        {"title": "Done with", "identified_on": day(2026, 1, 1), "owner": "O"},
    )
    risk_services.close(users["officer"], risk, "Mitigated")
    client.force_login(users["officer"])
    score = reverse("risk-score", args=[own_partnership.pk, risk.pk, "current"])
    assert client.get(score).status_code == 403
    assert client.post(score, {"likelihood": "4", "impact": "4"}).status_code == 403
    assert not Assessment.objects.filter(risk=risk).exists()
    with pytest.raises(risk_services.RiskError, match="closed"):
        risk_services.assess(users["officer"], risk, "current", 4, 4, framework=loader.current())


@pytest.mark.django_db
def test_changing_only_the_partners_involved_is_in_the_history(users, own_partnership):
    from datetime import date as day

    from accord.domain.risks import services as risk_services
    from accord.kernel.audit.models import AuditEvent

    risk = risk_services.create_risk(
        users["officer"], own_partnership, {"title": "Shared", "identified_on": day(2026, 1, 1), "owner": "O"}
    )
    partner = own_partnership.memberships.first().organisation
    risk_services.update_risk(users["officer"], risk, {}, expected_version=risk.version, partners=[partner])
    event = AuditEvent.objects.filter(partnership=own_partnership, object_type="risk").latest("id")
    assert {
        "field": "partners",
        "label": "Partners involved",
        "old": "",
        "new": partner.name,
    } in event.changes


@pytest.mark.django_db
def test_an_opportunity_is_not_flagged_for_a_contingency_plan_or_escalation(
    settings, client, users, own_partnership
):
    from datetime import date as day

    from accord.domain.risks import services as risk_services

    settings.ACCORD_FRAMEWORK = "model"
    chance = risk_services.create_risk(
        users["officer"],
        own_partnership,
        {"title": "Lottery bid", "kind": "opportunity", "identified_on": day(2026, 1, 1), "owner": "O"},
    )
    risk_services.assess(users["officer"], chance, "current", 4, 4, framework=loader.current())
    client.force_login(users["officer"])
    page = client.get(reverse("risk", args=[own_partnership.pk, chance.pk])).content.decode()
    assert "A contingency plan is needed" not in page
    assert "Escalate to the Partnership Board" not in page
