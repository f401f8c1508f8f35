"""Factories for the performance record and progress reports: each test states only what matters."""

from datetime import date
from decimal import Decimal

import factory

from accord.domain.monitoring import performance
from accord.domain.monitoring.models import BudgetYear, Indicator, IndicatorValue, Milestone, ProgressReport
from tests import factories as f


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    partnership = factory.SubFactory(f.PartnershipFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    definition = "Households helped, counted from the case system at the end of each quarter."
    unit = "households"
    baseline = Decimal("100")
    target = Decimal("120")
    direction = "higher"
    tolerance = Decimal("5")
    frequency = "quarterly"
    source = "Case management system"
    owner = "Olive Officer"


class ValueFactory(factory.django.DjangoModelFactory):
    """A value for Q1 2026/27 unless told otherwise; status from the engine."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period_label = "Q1 2026/27"
    period_start = date(2026, 4, 1)
    period_end = date(2026, 6, 30)
    actual = Decimal("125")
    target = factory.LazyAttribute(lambda o: o.indicator.target)
    status = factory.LazyAttribute(
        lambda o: performance.status_against_target(
            o.actual, o.target, o.indicator.direction, o.indicator.tolerance
        )
    )
    corrective_action = factory.LazyAttribute(
        lambda o: "Recovery plan agreed at the Board" if o.status == performance.OFF_TARGET else ""
    )


def value_for(indicator: Indicator, day: date, actual: Decimal, **kwargs) -> IndicatorValue:
    """A value for the indicator's period containing `day`."""
    period = performance.period_containing(indicator.frequency, day)
    return ValueFactory(
        indicator=indicator,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        actual=actual,
        **kwargs,
    )


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    partnership = factory.SubFactory(f.PartnershipFactory)
    plan_year = 2026
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = date(2026, 9, 30)
    owner = "Olive Officer"
    status = "on_track"


class BudgetYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetYear

    partnership = factory.SubFactory(f.PartnershipFactory)
    year = 2025
    budget = Decimal("50000")
    actual = Decimal("48000")


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    partnership = factory.SubFactory(f.PartnershipFactory)
    artefact_id = "performance_report"
    template_id = "performance_report"
    period_start = date(2026, 4, 1)
    period_end = date(2026, 9, 30)
    answers = factory.LazyFunction(dict)
    status = "draft"
