"""Changing the performance record: the rules the services keep, and the history they leave."""

from datetime import date
from decimal import Decimal

import pytest

from accord.domain.monitoring import performance, services
from accord.domain.monitoring.models import IndicatorValue
from accord.domain.monitoring.services import MonitoringError
from accord.kernel.audit.models import AuditEvent
from accord.register.services import Finished, StaleEdit

from .factories import BudgetYearFactory, IndicatorFactory, MilestoneFactory

pytestmark = pytest.mark.django_db
Q2 = performance.period_containing("quarterly", date(2026, 8, 1))


@pytest.fixture
def indicator(own_partnership):
    return IndicatorFactory(
        partnership=own_partnership, target=Decimal("90"), tolerance=Decimal("2"), unit="%"
    )


def test_a_value_off_target_needs_the_corrective_action_agreed(users, indicator):
    with pytest.raises(MonitoringError, match="corrective action"):
        services.record_value(users["officer"], indicator, Q2, Decimal("80"))
    assert not IndicatorValue.objects.exists()
    value = services.record_value(
        users["officer"], indicator, Q2, Decimal("80"), corrective_action="Extra call handlers from October"
    )
    assert (value.status, value.target, value.period_label) == (
        performance.OFF_TARGET,
        Decimal("90"),
        "Q2 2026/27",
    )
    assert value.recorded_by == users["officer"]
    event = AuditEvent.objects.get(object_type="indicator value", object_id=value.pk)
    assert event.partnership == indicator.partnership
    assert "Extra call handlers" in str(event.changes)


def test_near_target_needs_no_corrective_action(users, indicator):
    value = services.record_value(users["officer"], indicator, Q2, Decimal("88.5"))
    assert value.status == performance.NEAR_TARGET


def test_a_period_has_one_value_which_is_corrected_rather_than_added_again(users, indicator):
    value = services.record_value(users["officer"], indicator, Q2, Decimal("95"))
    with pytest.raises(MonitoringError, match="already recorded"):
        services.record_value(users["officer"], indicator, Q2, Decimal("96"))
    corrected = services.record_value(
        users["officer"], indicator, Q2, Decimal("70"), corrective_action="Board agreed a plan", value=value
    )
    assert corrected.pk == value.pk
    assert corrected.status == performance.OFF_TARGET
    assert IndicatorValue.objects.count() == 1


def test_a_new_target_applies_to_new_values_and_old_ones_keep_theirs(users, indicator):
    old = services.record_value(users["officer"], indicator, Q2, Decimal("91"))
    services.save_indicator(
        users["officer"], indicator.partnership, {"target": Decimal("95")}, indicator, expected_version=1
    )
    indicator.refresh_from_db()
    new = services.record_value(
        users["officer"],
        indicator,
        performance.next_period("quarterly", Q2),
        Decimal("91"),
        corrective_action="Plan",
    )
    old.refresh_from_db()
    assert (old.target, old.status) == (Decimal("90"), performance.ON_TARGET)
    assert (new.target, new.status) == (
        Decimal("95"),
        performance.OFF_TARGET,
    ) or new.status == performance.NEAR_TARGET


def test_an_indicator_no_longer_reported_takes_no_new_values(users, indicator):
    services.save_indicator(users["officer"], indicator.partnership, {"active": False}, indicator)
    indicator.refresh_from_db()
    with pytest.raises(MonitoringError, match="no longer reported"):
        services.record_value(users["officer"], indicator, Q2, Decimal("95"))


def test_a_stale_indicator_edit_is_refused_and_changes_nothing(users, indicator):
    services.save_indicator(
        users["administrator"], indicator.partnership, {"owner": "Ann Admin"}, indicator, 1
    )
    with pytest.raises(StaleEdit) as refused:
        services.save_indicator(users["officer"], indicator.partnership, {"owner": "Olive"}, indicator, 1)
    indicator.refresh_from_db()
    assert indicator.owner == "Ann Admin"
    assert refused.value.changes_since[0].actor_name == users["administrator"].display_name


def test_a_finished_partnership_is_read_only(users, indicator):
    partnership = indicator.partnership
    partnership.status = "closed"
    partnership.save()
    with pytest.raises(Finished):
        services.record_value(users["officer"], indicator, Q2, Decimal("95"))
    with pytest.raises(Finished):
        services.save_milestone(users["officer"], partnership, {"title": "Launch", "plan_year": 2026})


def test_marking_a_milestone_done_records_when(users, own_partnership):
    milestone = MilestoneFactory(partnership=own_partnership)
    services.save_milestone(users["officer"], own_partnership, {"status": "done"}, milestone)
    milestone.refresh_from_db()
    assert milestone.completed_on is not None
    services.save_milestone(users["officer"], own_partnership, {"status": "at_risk"}, milestone)
    milestone.refresh_from_db()
    assert milestone.completed_on is None


def test_an_overspend_needs_its_explanation_and_a_year_has_one_budget(users, own_partnership):
    with pytest.raises(MonitoringError, match="over budget"):
        services.save_budget_year(
            users["officer"],
            own_partnership,
            {"year": 2025, "budget": Decimal("100"), "actual": Decimal("120")},
        )
    saved = services.save_budget_year(
        users["officer"],
        own_partnership,
        {"year": 2025, "budget": Decimal("100"), "actual": Decimal("120"), "explanation": "Winter demand"},
    )
    assert (saved.on_budget, saved.variance) == (False, Decimal("20"))
    with pytest.raises(MonitoringError, match="already has a budget"):
        services.save_budget_year(users["officer"], own_partnership, {"year": 2025, "budget": Decimal("5")})


def test_a_budget_without_an_actual_has_no_answer_yet():
    assert BudgetYearFactory.build(actual=None).on_budget is None


def test_changes_are_kept_in_the_partnerships_history(users, indicator):
    services.record_value(users["officer"], indicator, Q2, Decimal("95"), note="Good quarter")
    kinds = set(
        AuditEvent.objects.filter(partnership=indicator.partnership).values_list("object_type", flat=True)
    )
    assert "indicator value" in kinds
