"""The performance pages: adding indicators, recording values (off target needs the corrective
action), the exception report, the delivery plan and budget, and who may do what."""

import html
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.monitoring import performance
from accord.domain.monitoring.models import BudgetYear, Indicator, IndicatorValue, Milestone

from .factories import BudgetYearFactory, IndicatorFactory, MilestoneFactory, value_for

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return html.unescape(response.content.decode())


def when(name: str, day: date) -> dict:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.fixture
def officer(client, users):
    client.force_login(users["officer"])
    return client


@pytest.fixture
def indicator(own_partnership):
    return IndicatorFactory(
        partnership=own_partnership, name="Calls answered in 20 seconds", unit="%", target=Decimal("90")
    )


def this_quarter() -> performance.Period:
    return performance.period_containing("quarterly", timezone.localdate())


def test_an_officer_adds_a_smart_indicator_to_their_partnership(officer, own_partnership):
    response = officer.post(
        reverse("indicator-add", args=[own_partnership.pk]),
        {
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
        },
    )
    indicator = Indicator.objects.get(partnership=own_partnership)
    assert response.status_code == 302
    assert response["Location"] == reverse("indicator", args=[own_partnership.pk, indicator.pk])
    assert (indicator.target, indicator.tolerance, indicator.active) == (Decimal("60"), Decimal("0"), True)


def test_an_indicator_needs_its_definition_target_and_owner(officer, own_partnership):
    response = officer.post(reverse("indicator-add", args=[own_partnership.pk]), {"name": "Visits"})
    text = page(response)
    assert response.status_code == 200
    assert "There is a problem" in text
    assert "Enter how the indicator is defined" in text and "Enter the target" in text
    assert not Indicator.objects.exists()


def test_recording_a_value_off_target_without_a_corrective_action_shows_the_error_and_saves_nothing(
    officer, indicator
):
    url = reverse("value-add", args=[indicator.partnership_id, indicator.pk])
    period = this_quarter().start.isoformat()
    response = officer.post(url, {"period": period, "actual": "70", "note": "", "corrective_action": ""})
    text = page(response)
    assert response.status_code == 200
    assert "There is a problem" in text and "enter the corrective action agreed" in text
    assert 'href="#id_corrective_action"' in text
    assert not IndicatorValue.objects.exists()

    response = officer.post(
        url, {"period": period, "actual": "70", "note": "", "corrective_action": "Two agents moved to calls"}
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get()
    assert value.status == performance.OFF_TARGET
    exceptions = page(officer.get(reverse("exception-report", args=[indicator.partnership_id])))
    assert "Calls answered in 20 seconds" in exceptions and "Two agents moved to calls" in exceptions


def test_the_indicator_page_charts_actual_against_target_with_the_table(officer, indicator):
    value_for(indicator, date(2026, 5, 1), Decimal("92"))
    value_for(indicator, date(2026, 8, 1), Decimal("80"), corrective_action="Recruit")
    text = page(officer.get(reverse("indicator", args=[indicator.partnership_id, indicator.pk])))
    assert 'role="img"' in text and "actual against target" in text
    assert "Q1 2026/27" in text and "Q2 2026/27" in text
    assert "92%" in text and "80%" in text and "Off target" in text


def test_the_performance_page_lists_indicators_with_their_latest_status(officer, indicator):
    value_for(indicator, date(2026, 5, 1), Decimal("95"))
    response = officer.get(reverse("performance", args=[indicator.partnership_id]))
    text = page(response)
    assert response.status_code == 200
    assert "Calls answered in 20 seconds" in text and "On target" in text and "95%" in text
    assert "Indicators against target, by quarter" in text
    assert "<strong>Performance</strong>" in text  # the partnership's sub-navigation


def test_milestones_are_added_and_marked_done(officer, own_partnership):
    url = reverse("milestone-add", args=[own_partnership.pk])
    response = officer.post(
        url,
        {
            "plan_year": "2026",
            "title": "Open the new hub",
            "owner": "Olive",
            "status": "on_track",
            **when("due_on", date(2026, 12, 1)),
        },
    )
    milestone = Milestone.objects.get()
    assert response.status_code == 302 and "year=2026" in response["Location"]
    response = officer.post(
        reverse("milestone-edit", args=[own_partnership.pk, milestone.pk]),
        {
            "plan_year": "2026",
            "title": "Open the new hub",
            "owner": "Olive",
            "status": "done",
            **when("due_on", date(2026, 12, 1)),
        },
    )
    milestone.refresh_from_db()
    assert milestone.status == "done" and milestone.completed_on is not None
    text = page(officer.get(reverse("delivery-plan", args=[own_partnership.pk]) + "?year=2026"))
    assert "Open the new hub" in text and "1 of 1 done" in text


def test_the_budget_starts_from_the_registers_contribution_and_says_whether_it_is_on_budget(
    officer, own_partnership
):
    from tests.factories import ContributionFactory

    year = performance.financial_year_of(timezone.localdate())
    ContributionFactory(partnership=own_partnership, year=year, amount=25000)
    form = page(officer.get(reverse("budget-add", args=[own_partnership.pk])))
    assert 'value="25000' in form
    BudgetYearFactory(
        partnership=own_partnership,
        year=2025,
        budget=Decimal("25000"),
        actual=Decimal("27500"),
        explanation="Extra patrols",
    )
    text = page(officer.get(reverse("performance", args=[own_partnership.pk])))
    assert "Over budget" in text and "£2,500" in text and "Extra patrols" in text


def test_an_overspend_without_an_explanation_is_refused(officer, own_partnership):
    response = officer.post(
        reverse("budget-add", args=[own_partnership.pk]), {"year": "2025", "budget": "100", "actual": "150"}
    )
    assert "Explain why the actual is over budget" in page(response)
    assert not BudgetYear.objects.exists()


def test_an_officer_cannot_change_another_partnerships_performance(officer, other_partnership):
    other = IndicatorFactory(partnership=other_partnership)
    assert officer.get(reverse("performance", args=[other_partnership.pk])).status_code == 200
    response = officer.post(reverse("value-add", args=[other_partnership.pk, other.pk]), {"actual": "1"})
    assert response.status_code == 403
    assert not IndicatorValue.objects.exists()


def test_partners_do_not_see_monitoring(client, users, own_partnership):
    client.force_login(users["partner"])
    assert client.get(reverse("performance", args=[own_partnership.pk])).status_code in (403, 404)
    assert "Performance" not in page(client.get(reverse("risks", args=[own_partnership.pk])))


def test_a_finished_partnerships_performance_is_read_only(client, users, own_partnership, indicator):
    MilestoneFactory(partnership=own_partnership)
    own_partnership.status = "closed"
    own_partnership.save()
    client.force_login(users["administrator"])
    text = page(client.get(reverse("performance", args=[own_partnership.pk])))
    assert "Add an indicator" not in text
    assert client.get(reverse("indicator-add", args=[own_partnership.pk])).status_code == 403
    response = client.post(
        reverse("value-add", args=[own_partnership.pk, indicator.pk]),
        {"period": this_quarter().start.isoformat(), "actual": "99"},
    )
    assert response.status_code == 403
    assert not IndicatorValue.objects.exists()
