"""A known register for the reports: five partnerships whose year 2025/26 (1 April 2025 to 31 March
2026) holds one of everything the reports pick out, built fresh for each test."""

from datetime import UTC, date, datetime

import pytest

from accord.frameworks import loader
from accord.outputs.reports import periods
from accord.outputs.reports.builders import Context
from accord.register.access import visible_partnerships
from tests import factories as f

from . import factories as r

YEAR = periods.financial_year(2025)
NOW = datetime(2026, 5, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def known(db, users, own_partnership):
    """CSP-01 (key; rating down to Limited; a high risk; overdue reports), WASTE-01 (rating up from
    Weak to Reasonable), LEIS-01 (started in the year), HOUS-01 (closed in the year), YOUTH-01
    (only proposed)."""
    f.track_from(date(2019, 1, 1))  # the council has used Accord since before any of these began
    safety = own_partnership  # Chorley Community Safety Partnership, CSP-01: the officer leads it
    safety.is_key_partnership = True
    safety.start_date = date(2019, 6, 1)
    safety.save()
    r.moved(safety, "active", date(2019, 6, 1))
    r.rated(safety, "reasonable", date(2025, 3, 1))
    r.rated(safety, "limited", date(2025, 10, 1), ["The joint risk register was not reviewed"])
    review = r.reviewed(safety, date(2025, 10, 1), decision="change")
    r.action(review, "Review the joint risk register quarterly", date(2026, 1, 31))
    f.ContributionFactory(partnership=safety, year=2025, category="finance", amount=25000)
    r.risk(safety, "R-01", "Police funding ends", "high", 12, escalated_on=date(2025, 11, 1))
    r.risk(safety, "R-02", "Volunteers leave", "low", 2)

    waste = f.PartnershipFactory(
        name="Lancashire Waste Partnership", reference="WASTE-01", start_date=date(2020, 4, 1)
    )
    r.moved(waste, "active", date(2020, 4, 1))
    r.rated(waste, "weak", date(2024, 6, 1))
    r.rated(waste, "reasonable", date(2026, 1, 10))
    f.ContributionFactory(
        partnership=waste, year=2025, category="officer_time", amount=6000, finance_form="", hours=120
    )

    leisure = f.PartnershipFactory(name="Active Nation Leisure", reference="LEIS-01", start_date=None)
    r.moved(leisure, "active", date(2025, 7, 1), from_status="agreement")
    r.rated(leisure, "substantial", date(2025, 9, 1))

    housing = f.PartnershipFactory(name="Select Move", reference="HOUS-01", status="closed")
    r.moved(housing, "active", date(2018, 1, 1))
    r.moved(housing, "closed", date(2026, 2, 1), from_status="leaving")

    youth = f.PartnershipFactory(name="Chorley Youth Forum", reference="YOUTH-01", status="proposed")
    r.moved(youth, "proposed", date(2025, 8, 1))
    return {"safety": safety, "waste": waste, "leisure": leisure, "housing": housing, "youth": youth}


@pytest.fixture
def performance(known):
    safety = known["safety"]
    asb = r.indicator(safety, "Anti-social behaviour incidents", "100", unit="incidents", direction="lower")
    r.value(
        asb, date(2025, 10, 1), date(2025, 12, 31), "130", "off_target", "Extra patrols in the town centre"
    )
    satisfied = r.indicator(safety, "Victims satisfied with the response", "85")
    r.value(satisfied, date(2025, 7, 1), date(2025, 9, 30), "80", "off_target", "Call-backs within a week")
    r.value(satisfied, date(2026, 1, 1), date(2026, 3, 31), "88", "on_target")
    r.budget(safety, 2025, "50000", "56000", "Extra patrols over the summer")
    r.milestone(safety, "Launch the night-time economy plan", date(2025, 6, 30), "done")
    r.milestone(safety, "Open the community hub", date(2026, 2, 28), "missed")
    veolia = f.OrganisationFactory(name="Veolia ES Ltd", sector="private")
    waste_contract = f.PartnershipFactory(
        name="Waste and recycling contract", reference="VEO-01", lead_organisation=veolia
    )
    r.moved(waste_contract, "active", date(2015, 4, 1))
    missed = r.indicator(
        waste_contract, "Missed bins per 100,000 collections", "50", unit="bins", direction="lower"
    )
    r.value(missed, date(2025, 4, 1), date(2026, 3, 31), "65", "off_target", "Route review with the crews")
    r.budget(waste_contract, 2025, "1200000", "1150000")
    r.risk(waste_contract, "R-01", "Contractor fails", "high", 12)
    return {"safety": safety, "contract": waste_contract}


@pytest.fixture
def context(known, users):
    def make(period: periods.Period = YEAR, user="administrator", framework: str | None = None) -> Context:
        chosen = loader.get(framework) if framework else loader.current()
        return Context.make(visible_partnerships(users[user]), period, now=NOW, framework=chosen)

    return make


def rows(report, table_id: str) -> list[list]:
    table = report.table(table_id)
    assert table is not None, f"the report has no table {table_id}"
    return table.rows


def column(report, table_id: str, name: str) -> list:
    table = report.table(table_id)
    index = table.columns.index(name)
    return [row[index] for row in table.rows]
