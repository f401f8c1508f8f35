"""The joint risk register's list (filters, sorting, an empty register) and who may change risks:
partners on their own partnership only, members read-only, finished partnerships read-only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.risks import services
from accord.domain.risks.models import Assessment, Risk, RiskAction
from accord.frameworks import loader
from tests.risks.test_register_views import make_risk, page, risk_data, risk_url, when


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


# Who may do what


@pytest.mark.django_db
def test_a_partner_updates_an_action_on_their_own_partnership_but_not_on_another(
    client, users, own_partnership, other_partnership
):
    client.force_login(users["partner"])
    due = date(2026, 9, 30)
    data = {
        "description": "Joint patrols",
        "owner": "Inspector Jones",
        "status": "in_progress",
        **when("due_on", due),
    }
    own = make_risk(own_partnership)
    own_action = RiskAction.objects.create(risk=own, description="Joint patrols", owner="Jones", due_on=due)
    assert client.post(risk_url("risk-child-change", own, "action", own_action.pk), data).status_code == 302
    own_action.refresh_from_db()
    assert own_action.status == "in_progress"
    other = make_risk(other_partnership)
    other_action = RiskAction.objects.create(risk=other, description="Sort waste", owner="Ann", due_on=due)
    response = client.post(risk_url("risk-child-change", other, "action", other_action.pk), data)
    assert response.status_code in (403, 404)
    assert client.get(risk_url("risk", other)).status_code in (403, 404)
    other_action.refresh_from_db()
    assert other_action.status == "not_started"


@pytest.mark.django_db
def test_a_member_can_read_the_register_but_not_change_it(client, users, own_partnership):
    client.force_login(users["member"])
    risk = make_risk(own_partnership)
    register = page(client.get(reverse("risks", args=[own_partnership.pk])))
    assert "Funding ends" in register and "Add a risk" not in register
    assert "Change details" not in page(client.get(risk_url("risk", risk)))
    assert client.post(reverse("risk-add", args=[own_partnership.pk]), risk_data()).status_code == 403
    assert client.post(risk_url("risk-close", risk), {"reason": "Mine now"}).status_code == 403
    assert (
        client.post(risk_url("risk-score", risk, "current"), {"likelihood": 1, "impact": 1}).status_code
        == 403
    )
    assert Risk.objects.count() == 1 and not Assessment.objects.exists()


@pytest.mark.django_db
def test_a_finished_partnerships_risks_are_read_only(client, users, own_partnership):
    client.force_login(users["administrator"])
    risk = make_risk(own_partnership)
    own_partnership.status = "closed"
    own_partnership.save()
    for url in (
        reverse("risk-add", args=[own_partnership.pk]),
        reverse("risk-library", args=[own_partnership.pk]),
        risk_url("risk-edit", risk),
        risk_url("risk-score", risk, "current"),
        risk_url("risk-review", risk),
        risk_url("risk-close", risk),
        risk_url("risk-escalate", risk),
        risk_url("risk-child-add", risk, "action"),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(risk_url("risk-close", risk), {"reason": "x"}).status_code == 403
    assert "Add a risk" not in page(client.get(reverse("risks", args=[own_partnership.pk])))
    assert "Record a review" not in page(client.get(risk_url("risk", risk)))


# The register


@pytest.mark.django_db
def test_the_register_filters_and_sorts(officer, own_partnership, users):
    today = timezone.localdate()
    low = make_risk(
        own_partnership,
        "R-01",
        title="Low risk",
        owner="Ann Smith",
        next_review_on=today + timedelta(days=30),
    )
    high = make_risk(
        own_partnership,
        "R-02",
        title="High risk",
        owner="Bob Jones",
        next_review_on=today - timedelta(days=1),
    )
    make_risk(
        own_partnership,
        "R-03",
        title="New venue",
        owner="Ann Smith",
        kind="opportunity",
        category_id="strategic",
    )
    services.assess(users["officer"], low, "current", 1, 1, framework=loader.current())
    services.assess(users["officer"], high, "current", 4, 4, framework=loader.current())
    RiskAction.objects.create(risk=high, description="Act", owner="Bob", due_on=today)
    url = reverse("risks", args=[own_partnership.pk])

    def titles(query=""):
        text = page(officer.get(url + query))
        return [t for t in ("Low risk", "High risk", "New venue") if t in text], text

    shown, text = titles()
    assert shown == ["Low risk", "High risk", "New venue"]
    assert "Overdue" in text and "Add a risk" in text and "Add from the risk library" in text
    assert titles("?band=high")[0] == ["High risk"]
    assert titles("?owner=smith")[0] == ["Low risk", "New venue"]
    assert titles("?kind=opportunity")[0] == ["New venue"]
    assert titles("?category=strategic")[0] == ["New venue"]
    assert titles("?review=overdue")[0] == ["High risk"]
    _, by_score = titles("?sort=score")
    assert by_score.index("High risk") < by_score.index("Low risk") < by_score.index("New venue")
    _, by_review = titles("?sort=review")
    assert by_review.index("High risk") < by_review.index("Low risk")
    assert "Select current band from the list" in titles("?band=purple")[1]


@pytest.mark.django_db
def test_an_empty_register_says_so(client, users, own_partnership):
    client.force_login(users["partner"])
    response = client.get(reverse("risks", args=[own_partnership.pk]))
    assert response.status_code == 200
    assert "No open risks recorded yet" in page(response)
