"""Chorley's bi-annual key partnerships performance report and Central Bedfordshire's annual review
report and private sector report, from the known register plus performance records."""

from datetime import date
from decimal import Decimal

from accord.outputs.reports import periods
from accord.outputs.reports.builders import build, kinds_for

from .conftest import column, rows

SECOND_HALF = periods.half_year(2025, 2)  # 1 October 2025 to 31 March 2026
CHORLEY = kinds_for("chorley")
CBC = kinds_for("central_bedfordshire")


def test_key_partnerships_report_covers_only_key_partnerships(context, performance):
    report = build(CHORLEY["key-partnerships"], context(SECOND_HALF, framework="chorley"))
    assert report.title == "Key partnerships performance report: 2025/26 second half"
    assert column(report, "performance_summary", "Reference") == ["CSP-01"]


def test_key_partnerships_performance_against_targets_uses_the_latest_value_in_the_half(context, performance):
    report = build(CHORLEY["key-partnerships"], context(SECOND_HALF, framework="chorley"))
    indicators = {row[2]: row for row in rows(report, "indicators")}
    assert indicators["Anti-social behaviour incidents"][4:] == [
        Decimal("130.00"),
        "incidents",
        "October 2025 to December 2025",
        "Off target",
    ]
    assert indicators["Victims satisfied with the response"][7] == "On target"
    assert rows(report, "performance_summary")[0][2:] == [2, 1, 0, 1, 0]


def test_emerging_issues_say_whether_the_contract_is_on_budget_and_what_is_being_done(context, performance):
    report = build(CHORLEY["key-partnerships"], context(SECOND_HALF, framework="chorley"))
    assert rows(report, "budgets") == [
        [
            "CSP-01",
            "Chorley Community Safety Partnership",
            "2025/26",
            Decimal("50000.00"),
            Decimal("56000.00"),
            "No",
            "Extra patrols over the summer",
        ]
    ]
    exceptions = rows(report, "exceptions")
    assert [row[2] for row in exceptions] == ["Anti-social behaviour incidents"]  # the July value is outside
    assert exceptions[0][6] == "Extra patrols in the town centre"


def test_key_partners_strength_and_stability_and_changes(context, performance):
    report = build(CHORLEY["key-partnerships"], context(SECOND_HALF, framework="chorley"))
    strength = rows(report, "strength")[0]
    assert strength[3:6] == ["Limited", date(2025, 10, 1), 1]
    assert strength[7] == "Continue with changes"
    changes = rows(report, "key_changes")
    assert [row[2] for row in changes] == ["Assurance rating down from Reasonable to Limited"]


def test_central_bedfordshire_annual_review_report(context, performance, known):
    report = build(CBC["annual-review"], context(framework="central_bedfordshire"))
    held = rows(report, "reviews_held")
    assert [(row[0], row[2], row[3], row[4]) for row in held] == [
        ("CSP-01", date(2025, 10, 1), "Continue with changes", "Yes")
    ]
    missing = column(report, "reviews_missing", "Reference")
    assert set(missing) == {"LEIS-01", "WASTE-01"}  # public sector partnerships with no review
    assert "VEO-01" not in missing  # private sector: in the other report
    targets = {row[0]: row for row in rows(report, "targets")}
    assert targets["CSP-01"][2:] == [1, 0, 1, 1, 1, 0]  # indicators on/near/off, milestones done/missed/to do
    actions = rows(report, "review_actions")
    assert actions[0][2:4] == ["Review the joint risk register quarterly", "Olive Officer"]
    resources = {row[0]: row for row in rows(report, "resources")}
    assert resources["CSP-01"][2:] == [Decimal("25000.00"), Decimal("50000.00"), Decimal("56000.00")]


def test_central_bedfordshire_private_sector_report(context, performance):
    report = build(CBC["private-sector"], context(framework="central_bedfordshire"))
    assert column(report, "contracts", "Reference") == ["VEO-01"]
    assert rows(report, "contracts")[0][2] == "Veolia ES Ltd"
    assert rows(report, "exceptions")[0][6] == "Route review with the crews"
    assert rows(report, "budgets")[0][5] == "Yes"
    assert rows(report, "risk_management")[0][2:] == [1, 1, 0]
    assert "3.2.8" in report.sections[0].paragraphs[0]


def test_central_bedfordshire_reports_under_its_own_framework(context, performance, settings):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    report = build(CBC["private-sector"], context(framework="central_bedfordshire"))
    assert "J3 Partnerships Protocol" in report.framework
    assert column(report, "contracts", "Reference") == ["VEO-01"]
