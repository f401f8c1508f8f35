"""The demo council shows performance: indicators with values, exceptions with their corrective
actions, a delivery plan, budget against actual and a submitted progress report."""

import pytest

from accord.domain.monitoring import performance
from accord.domain.monitoring.models import BudgetYear, Indicator, IndicatorValue, Milestone, ProgressReport
from accord.site.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_council_has_believable_performance_records():
    load_demo()  # loads the monitoring demo with the rest of the council
    assert Indicator.objects.count() >= 5
    values = IndicatorValue.objects.all()
    assert values.filter(status=performance.OFF_TARGET).exists()
    assert not values.filter(status=performance.OFF_TARGET, corrective_action="").exists()
    assert Milestone.objects.filter(status="done").exists()
    assert BudgetYear.objects.filter(actual__gt=0).exists()
    assert ProgressReport.objects.filter(status="submitted").exists()
    assert ProgressReport.objects.filter(status="draft").exists()
