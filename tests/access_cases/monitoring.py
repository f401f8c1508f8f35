"""Access-test URL cases for accord.domain.monitoring (see tests/access_cases/__init__.py)."""

from datetime import date

from django.urls import reverse

from tests.monitoring.factories import (
    BudgetYearFactory,
    IndicatorFactory,
    MilestoneFactory,
    ProgressReportFactory,
    ValueFactory,
)


def cases(world) -> list[tuple[str, str, object]]:
    found = []
    for which in ("own", "other"):
        p = world[which]
        indicator = IndicatorFactory(partnership=p)
        value = ValueFactory(indicator=indicator)
        milestone = MilestoneFactory(partnership=p)
        budget = BudgetYearFactory(partnership=p)
        draft = ProgressReportFactory(partnership=p)
        submitted = ProgressReportFactory(
            partnership=p, status="submitted", submitted_on=date(2026, 10, 1), period_end=date(2026, 3, 31)
        )
        found += [
            (name, reverse(name, args=[p.pk, *args]), p)
            for name, args in (
                ("performance", []),
                ("exception-report", []),
                ("indicator-add", []),
                ("indicator", [indicator.pk]),
                ("indicator-edit", [indicator.pk]),
                ("value-add", [indicator.pk]),
                ("value-edit", [indicator.pk, value.pk]),
                ("delivery-plan", []),
                ("milestone-add", []),
                ("milestone-edit", [milestone.pk]),
                ("budget-add", []),
                ("budget-edit", [budget.pk]),
                ("progress-reports", []),
                ("progress-report-new", [draft.artefact_id]),
                ("progress-report", [submitted.pk]),
                ("progress-report", [draft.pk]),
                ("progress-report-edit", [draft.pk]),
            )
        ]
    return found
