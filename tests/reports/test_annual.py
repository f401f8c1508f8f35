"""The annual partnerships report (Redditch §9 Evaluation, Manchester-style content) from a known
register: what it lists in each table, and the figures it gives."""

from datetime import date
from decimal import Decimal

from accord.outputs.reports.builders import KINDS, build

from .conftest import column, rows


def annual(context):
    return build(KINDS["annual"], context())


def test_the_report_names_the_council_the_period_and_the_framework_applied(context):
    report = annual(context)
    assert report.title == "Annual partnerships report: 2025/26"
    assert report.council == "Chorley Council"
    assert (report.period_start, report.period_end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert "Key Partnerships Framework (Chorley Council), version" in report.framework
    assert "Audit Committee" in report.audience


def test_the_register_lists_the_partnerships_in_being_at_the_end_of_the_year(context):
    report = annual(context)
    assert column(report, "register", "Reference") == ["LEIS-01", "CSP-01", "WASTE-01"]
    # Closed in the year, and only proposed: not in being on 31 March 2026.
    assert "HOUS-01" not in column(report, "register", "Reference")
    ratings = dict(
        zip(
            column(report, "register", "Reference"),
            column(report, "register", "Assurance rating"),
            strict=True,
        )
    )
    assert ratings == {"LEIS-01": "Substantial", "CSP-01": "Limited", "WASTE-01": "Reasonable"}


def test_partnerships_added_and_ended_in_the_year_are_listed_with_their_dates(context):
    report = annual(context)
    assert [(row[0], row[3]) for row in rows(report, "added")] == [("LEIS-01", date(2025, 7, 1))]
    assert [(row[0], row[3]) for row in rows(report, "ended")] == [("HOUS-01", date(2026, 2, 1))]


def test_ratings_that_went_up_and_down_in_the_year(context):
    report = annual(context)
    assert rows(report, "ratings_down") == [
        ["CSP-01", "Chorley Community Safety Partnership", "Reasonable", "Limited", date(2025, 10, 1)]
    ]
    assert rows(report, "ratings_up") == [
        ["WASTE-01", "Lancashire Waste Partnership", "Weak", "Reasonable", date(2026, 1, 10)]
    ]


def test_every_partnership_rated_limited_or_weak_with_why_and_its_open_actions(context):
    report = annual(context)
    assert rows(report, "limited_weak") == [
        [
            "CSP-01",
            "Chorley Community Safety Partnership",
            "Limited",
            date(2025, 10, 1),
            "The joint risk register was not reviewed",
            1,
        ]
    ]


def test_overdue_reviews_and_reports_name_the_obligation_and_its_clause(context):
    report = annual(context)
    overdue = rows(report, "overdue")
    names = {(row[0], row[2]) for row in overdue}
    assert (
        "CSP-01",
        "Report on the key partnership's performance to Executive Cabinet (at least bi-annually)",
    ) in names
    assert all(row[4].startswith("Key Partnerships Framework, ") for row in overdue)


def test_resources_committed_are_totalled_by_kind_and_by_partnership(context):
    report = annual(context)
    assert rows(report, "resources_by_category") == [
        ["Finance", Decimal("25000.00"), 1],
        ["Officer time", Decimal("6000.00"), 1],
    ]
    by_partnership = rows(report, "resources_by_partnership")
    assert by_partnership[0][:3] == ["CSP-01", "Chorley Community Safety Partnership", Decimal("25000.00")]
    assert by_partnership[1][3] == 120  # officer hours
    figures = dict(rows(report, "figures"))
    assert figures["Council resources committed in the period (£)"] == Decimal("31000")


def test_key_risks_are_high_or_escalated_open_risks(context):
    report = annual(context)
    assert [(row[0], row[2], row[5]) for row in rows(report, "key_risks")] == [("CSP-01", "R-01", "High")]


def test_the_year_in_figures(context):
    figures = dict(rows(annual(context), "figures"))
    assert figures["Partnerships at the end of the period"] == 3
    assert figures["Partnerships added in the period"] == 1
    assert figures["Partnerships ended in the period"] == 1
    assert figures["Rated Limited"] == 1
    assert figures["Ratings that went up"] == 1
    assert figures["Ratings that went down"] == 1


def test_recommendations_are_suggested_from_the_record(context):
    section = annual(context).section("recommendations")
    assert any("rated Limited or Weak" in text for text in section.paragraphs)
