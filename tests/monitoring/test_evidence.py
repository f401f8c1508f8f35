"""Monitoring records meet the framework's obligations: submitted progress reports, values recorded
for a period, complete exception reports and delivery plans, as each framework file says."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accord.domain.monitoring import performance
from accord.domain.monitoring.evidence import MonitoringEvidence
from accord.frameworks import apply, engine, loader
from accord.frameworks.durations import Duration
from tests import factories as f
from tests.clock import on_day

from .factories import IndicatorFactory, MilestoneFactory, ProgressReportFactory, value_for

pytestmark = pytest.mark.django_db


def status(partnership, obligation_id: str):
    today = timezone.localdate()
    results = {
        r.obligation_id: r for r in apply.obligations_for(partnership, today, framework=loader.current())
    }
    return results[obligation_id]


def last_quarter() -> date:
    today = timezone.localdate()
    return performance.previous_period("quarterly", performance.period_containing("quarterly", today)).start


@pytest.fixture
def central_bedfordshire(settings):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"


@pytest.fixture(autouse=True)
def tracked_since_2020(db):
    """Accord has tracked the council's duties since before these partnerships began."""
    f.track_from(date(2020, 1, 1))


@pytest.fixture
def mid_quarter():
    """A day well inside a quarter, so last quarter's report is met and the next is not yet due soon."""
    with on_day(date(2026, 11, 10)):
        yield


@pytest.fixture
def partnership():
    return f.PartnershipFactory(start_date=date(2020, 4, 1))


def test_values_recorded_for_a_period_meet_central_bedfordshires_performance_monitoring(
    central_bedfordshire, partnership, mid_quarter
):
    assert status(partnership, "performance_monitoring").status == engine.OVERDUE
    indicator = IndicatorFactory(partnership=partnership)
    value_for(indicator, last_quarter(), Decimal("130"))
    assert status(partnership, "performance_monitoring").status == engine.MET
    # Nothing was missed, so the period's exception report is complete too.
    assert status(partnership, "exception_reporting").status == engine.MET


def test_an_exception_report_is_complete_only_when_every_miss_has_its_corrective_action(
    central_bedfordshire, partnership, mid_quarter
):
    indicator = IndicatorFactory(partnership=partnership, target=Decimal("100"), tolerance=Decimal("0"))
    value = value_for(indicator, last_quarter(), Decimal("60"), corrective_action="")
    assert value.status == performance.OFF_TARGET
    assert status(partnership, "exception_reporting").status == engine.OVERDUE
    assert status(partnership, "performance_monitoring").status == engine.MET
    type(value).objects.filter(pk=value.pk).update(corrective_action="Recovery plan agreed by the Board")
    assert status(partnership, "exception_reporting").status == engine.MET


def test_last_years_figures_entered_today_do_not_meet_this_quarters_report(central_bedfordshire, partnership):
    indicator = IndicatorFactory(partnership=partnership)
    value_for(indicator, timezone.localdate() - timedelta(days=800), Decimal("130"))
    assert status(partnership, "performance_monitoring").status == engine.OVERDUE


def test_a_years_delivery_plan_meets_the_annual_delivery_plan(central_bedfordshire, partnership):
    assert status(partnership, "annual_delivery_plan").status == engine.OVERDUE
    MilestoneFactory(partnership=partnership, plan_year=performance.financial_year_of(timezone.localdate()))
    assert status(partnership, "annual_delivery_plan").status == engine.MET


def test_a_submitted_report_meets_chorleys_bi_annual_report_for_a_key_partnership(settings, partnership):
    settings.ACCORD_FRAMEWORK = "chorley"
    type(partnership).objects.filter(pk=partnership.pk).update(latest_year_contribution=Decimal("60000"))
    partnership.refresh_from_db()
    assert status(partnership, "bi_annual_performance_report").status == engine.OVERDUE
    ProgressReportFactory(partnership=partnership, status="draft")
    assert (
        status(partnership, "bi_annual_performance_report").status == engine.OVERDUE
    )  # a draft is not enough
    ProgressReportFactory(partnership=partnership, status="submitted", submitted_on=timezone.localdate())
    assert status(partnership, "bi_annual_performance_report").status == engine.MET


def test_redditchs_first_progress_report_is_due_six_months_after_joining_then_met_by_submitting(settings):
    settings.ACCORD_FRAMEWORK = "redditch"
    joined = timezone.localdate() - timedelta(days=60)
    partnership = f.PartnershipFactory(start_date=joined)
    first = status(partnership, "progress_report")
    assert first.due == Duration(months=6).after(joined)
    assert first.status in (engine.NOT_YET_DUE, engine.DUE_SOON)
    ProgressReportFactory(
        partnership=partnership,
        artefact_id="progress_report",
        status="submitted",
        submitted_on=timezone.localdate(),
    )
    assert status(partnership, "progress_report").status == engine.MET


def test_monitoring_gives_no_evidence_where_the_framework_names_no_artefact(settings, partnership):
    settings.ACCORD_FRAMEWORK = "bury"
    indicator = IndicatorFactory(partnership=partnership)
    value_for(indicator, last_quarter(), Decimal("130"))
    MilestoneFactory(partnership=partnership)
    assert MonitoringEvidence([partnership], loader.current()).evidence([partnership.pk]) == {}


def test_evidence_for_many_partnerships_takes_three_queries(
    central_bedfordshire, django_assert_max_num_queries
):
    partnerships = [f.PartnershipFactory(start_date=date(2020, 4, 1)) for _ in range(5)]
    for p in partnerships:
        value_for(IndicatorFactory(partnership=p), last_quarter(), Decimal("130"))
        MilestoneFactory(partnership=p)
        ProgressReportFactory(partnership=p, status="submitted", submitted_on=timezone.localdate())
    source = MonitoringEvidence(partnerships, loader.current())
    with django_assert_max_num_queries(3):
        found = source.evidence([p.pk for p in partnerships])
    assert len(found) == 5
    assert {"artefact:performance_monitoring_report", "artefact:annual_delivery_plan"} <= set(
        found[partnerships[0].pk]
    )
