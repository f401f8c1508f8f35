"""Risks across the council: every staff user sees every partnership's risks, filtered by band,
category, owner, partnership, overdue review or action, escalation, status and heat-map cell, with
counts of what is overdue. Partner users see none of it."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.risks import queries
from accord.domain.risks.models import RiskAction
from tests.risks.test_heatmap import make_risk


@pytest.fixture
def risks(own_partnership, other_partnership):
    today = timezone.localdate()
    own, other = own_partnership, other_partnership
    made = {
        "flood": make_risk(
            own,
            "R-01",
            title="Flooding of the depot",
            current=(4, 4),
            category_id="operational",
            owner="Olive Officer",
            next_review_on=today - timedelta(days=3),
            escalated_on=today,
        ),
        "funding": make_risk(
            own,
            "R-02",
            title="Funding ends",
            current=(2, 2),
            category_id="financial",
            owner="Fred Finance",
            next_review_on=today + timedelta(days=30),
        ),
        "waste": make_risk(
            other,
            "R-01",
            title="Waste contract fails",
            current=(4, 3),
            category_id="financial",
            owner="Wendy Waste",
            next_review_on=today + timedelta(days=10),
        ),
        "old": make_risk(
            other,
            "R-02",
            title="Old depot lease",
            current=(4, 4),
            status="closed",
            owner="Olive Officer",
            next_review_on=today - timedelta(days=100),
        ),
    }
    RiskAction.objects.create(
        risk=made["funding"], description="Find match funding", owner="Fred", due_on=today - timedelta(days=1)
    )
    RiskAction.objects.create(
        risk=made["waste"],
        description="Retender",
        owner="Wendy",
        due_on=today - timedelta(days=1),
        status="done",
    )
    return made


def listed(client, url=None, **params) -> list[str]:
    """The titles of the risks listed, in order."""
    response = client.get(url or reverse("council-risks"), params)
    assert response.status_code == 200
    return re.findall(r'href="/partnerships/\d+/risks/\d+/">R-\d+ ([^<]+)</a>', response.content.decode())


def titles(client, **params) -> list[str]:
    return sorted(listed(client, **params))


@pytest.fixture
def signed_in(client, users):
    client.force_login(users["officer"])
    return client


@pytest.mark.django_db
def test_every_staff_role_sees_open_risks_on_every_partnership(client, users, risks):
    for role in ("administrator", "officer", "approver", "member", "auditor"):
        client.force_login(users[role])
        assert titles(client) == ["Flooding of the depot", "Funding ends", "Waste contract fails"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["council-risks", "council-heatmap", "council-risks-export"])
def test_partner_users_cannot_see_council_pages(client, users, risks, name):
    client.force_login(users["partner"])
    args = ["csv"] if name == "council-risks-export" else []
    assert client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, expected",
    [
        ({"band": "high"}, ["Flooding of the depot", "Waste contract fails"]),
        ({"category": "financial"}, ["Funding ends", "Waste contract fails"]),
        ({"owner": "olive"}, ["Flooding of the depot"]),
        ({"partnership": "waste"}, ["Waste contract fails"]),
        ({"review": "overdue"}, ["Flooding of the depot"]),
        ({"actions": "overdue"}, ["Funding ends"]),
        ({"escalated": "yes"}, ["Flooding of the depot"]),
        ({"escalated": "no"}, ["Funding ends", "Waste contract fails"]),
        ({"status": "closed"}, ["Old depot lease"]),
        ({"status": "all", "owner": "Olive"}, ["Flooding of the depot", "Old depot lease"]),
        ({"band": "high", "category": "financial"}, ["Waste contract fails"]),
    ],
)
def test_filters(signed_in, risks, params, expected):
    assert titles(signed_in, **params) == expected


@pytest.mark.django_db
def test_a_heat_map_cell_lands_on_its_risks(signed_in, risks):
    assert titles(signed_in, stage="current", likelihood=4, impact=4) == ["Flooding of the depot"]
    content = signed_in.get(reverse("council-risks"), {"stage": "current", "likelihood": 4, "impact": 3})
    page = content.content.decode()
    assert "<strong>Heat map cell:</strong> Current likelihood Very likely, impact Major" in page
    assert '<input type="hidden" name="likelihood" value="4">' in page  # kept when filtering further
    # Every cell of the council heat map lands on exactly the risks it counts.
    heatmap = signed_in.get(reverse("council-heatmap")).content.decode()
    links = re.findall(r'<a href="(/risks/\?[^"]+)" tabindex="-1">', heatmap)
    found = sorted(listed(signed_in, link.replace("&amp;", "&")) for link in links)
    assert found == [["Flooding of the depot"], ["Funding ends"], ["Waste contract fails"]]


@pytest.mark.django_db
def test_a_cell_off_the_scales_is_ignored(signed_in, risks):
    assert len(titles(signed_in, stage="current", likelihood=9, impact=4)) == 3
    assert len(titles(signed_in, stage="sideways", likelihood=4, impact=4)) == 3


@pytest.mark.django_db
def test_a_wrong_filter_is_explained_and_the_list_still_shows(signed_in, risks):
    response = signed_in.get(reverse("council-risks"), {"band": "catastrophic"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert len(re.findall(r"<tr class=\"govuk-table__row\">", response.content.decode())) == 4


@pytest.mark.django_db
def test_overdue_reviews_and_actions_are_counted(signed_in, risks):
    response = signed_in.get(reverse("council-risks"))
    content = response.content.decode()
    assert "1 open risk is overdue for review" in content
    assert "1 action on an open risk is past its due date" in content


@pytest.mark.django_db
def test_each_row_links_to_the_risk_on_its_partnership(signed_in, risks):
    content = signed_in.get(reverse("council-risks"), {"partnership": "waste"}).content.decode()
    waste = risks["waste"]
    assert f'href="{reverse("risk", args=[waste.partnership_id, waste.pk])}"' in content
    assert "Lancashire Waste Partnership" in content
    assert '<strong class="govuk-tag govuk-tag--red">High</strong> 12' in content
    assert "style=" not in content


@pytest.mark.django_db
def test_soonest_review_first_or_by_score_or_by_partnership(signed_in, risks):
    assert listed(signed_in) == ["Flooding of the depot", "Waste contract fails", "Funding ends"]
    risks["waste"].next_review_on = timezone.localdate() - timedelta(days=30)
    risks["waste"].save()
    assert listed(signed_in) == ["Waste contract fails", "Flooding of the depot", "Funding ends"]
    assert listed(signed_in, sort="score") == [
        "Flooding of the depot",
        "Waste contract fails",
        "Funding ends",
    ]
    assert listed(signed_in, sort="reference") == [
        "Flooding of the depot",
        "Funding ends",
        "Waste contract fails",
    ]


@pytest.mark.django_db
def test_overdue_counts_stop_at_the_cap(users, risks):
    risks["funding"].next_review_on = timezone.localdate() - timedelta(days=1)
    risks["funding"].save()
    assert queries.overdue_summary(users["officer"], cap=1) == {"reviews": 2, "actions": 1, "cap": 1}


@pytest.mark.django_db
def test_no_risks_yet(signed_in, own_partnership):
    response = signed_in.get(reverse("council-risks"))
    assert response.status_code == 200
    assert "No partnership has recorded a risk yet" in response.content.decode()


@pytest.mark.django_db
def test_a_long_list_is_paged(signed_in, own_partnership):
    for n in range(25):
        make_risk(own_partnership, f"R-{n:02d}", current=(1, 1), identified_on=date(2026, 1, 1))
    assert len(listed(signed_in)) == 20
    assert "25 risks found — page 1 of 2" in signed_in.get(reverse("council-risks")).content.decode()
    assert len(listed(signed_in, page=2)) == 5
