"""The reports a framework declares (ADR 0032): every block the schema allows is built, Chorley's report
shows the services' own submitted reports and Appendix A's "additional monitoring required?", covers
the register's key partnerships (not the £50,000 tier unless the file says so), suggests a
recommendation only when its count is above zero, and no council's name is left in the reports' code."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

from accord.domain.monitoring.models import ProgressReport
from accord.frameworks import loader
from accord.frameworks.schema import REPORT_BLOCKS
from accord.outputs.reports import blocks, gather
from accord.outputs.reports.builders import KINDS, build, declared, kinds_for
from tests import factories as f

from . import factories as r
from .conftest import column, rows
from .test_committee_reports import SECOND_HALF

ROOT = Path(__file__).resolve().parents[2]
APPENDIX_A = {
    "The Chorley Partnership (LSP)",
    "Active Nation",
    "Veolia",
    "Glendale",
    "Lancashire Waste Partnership (LWP)",
    "Liberata",
    "Select Move",
    "Capita Business Services Ltd",
    "Northgate information solutions",
    "IDOX",
    "Blackpool Council",
    "Shared financial and assurance services",
    "Civica",
}
HEADINGS = [
    {"id": "performance_against_targets", "text": "Performance against targets set for the current year"},
    {"id": "emerging_issues", "text": "Emerging issues, including whether contracts are on budget"},
]


def chorley(context, period=SECOND_HALF):
    return build(kinds_for("chorley")["key-partnerships"], context(period, framework="chorley"))


def submitted(partnership, start, end, on, status="submitted", **answers) -> ProgressReport:
    return ProgressReport.objects.create(
        partnership=partnership,
        artefact_id="performance_report",
        template_id="performance_report",
        period_start=start,
        period_end=end,
        headings=HEADINGS,
        answers=answers,
        status=status,
        submitted_on=on if status == "submitted" else None,
        framework_id="chorley",
    )


def test_every_block_the_schema_allows_is_built_and_no_other():
    assert set(blocks.BLOCKS) == set(REPORT_BLOCKS)


def test_every_block_builds_its_tables(context, performance):
    ctx = context(SECOND_HALF, framework="chorley")
    scope = blocks.Scope(ctx, declared.covered(ctx, "all"))
    for block_id, block in blocks.BLOCKS.items():
        found = block(scope)
        assert found and all(t.columns for t in found), block_id
        assert found[0].id == block_id, "a block's table is named after it unless the file says otherwise"


def test_accords_own_reports_come_first_then_the_frameworks_declared_ones():
    assert list(kinds_for("chorley")) == ["annual", "key-partnerships"]
    assert list(kinds_for(loader.get("central_bedfordshire"))) == [
        "annual",
        "annual-review",
        "private-sector",
    ]
    assert list(kinds_for("redditch")) == list(KINDS) == ["annual"]
    assert "pack" in kinds_for("bury", council_wide=False)


def test_the_services_submitted_reports_appear_in_the_key_partnerships_report(context, known):
    safety = known["safety"]
    submitted(
        safety,
        date(2025, 10, 1),
        date(2026, 3, 31),
        date(2026, 4, 10),
        performance_against_targets="Anti-social behaviour fell by a tenth.",
        emerging_issues="The police grant ends in March.",
    )
    submitted(
        safety, date(2025, 4, 1), date(2025, 9, 30), date(2025, 10, 5), performance_against_targets="Earlier"
    )
    submitted(safety, date(2025, 10, 1), date(2026, 3, 31), None, status="draft", emerging_issues="Not yet")
    submitted(
        known["waste"], date(2025, 10, 1), date(2026, 3, 31), date(2026, 4, 2), emerging_issues="Not key"
    )
    report = chorley(context)
    assert rows(report, "submitted_reports") == [
        [
            "CSP-01",
            "Chorley Community Safety Partnership",
            "1 October 2025 to 31 March 2026",
            date(2026, 4, 10),
            "Performance against targets set for the current year",
            "Anti-social behaviour fell by a tenth.",
        ],
        [
            "CSP-01",
            "Chorley Community Safety Partnership",
            "1 October 2025 to 31 March 2026",
            date(2026, 4, 10),
            "Emerging issues, including whether contracts are on budget",
            "The police grant ends in March.",
        ],
    ]
    assert (
        report.section("services_reports").tables[0].caption
        == "Reports submitted by the services for the period"
    )


def test_appendix_as_additional_monitoring_is_shown(context, known):
    safety = known["safety"]
    safety.additional_monitoring_required = True
    safety.monitoring_arrangements = "Quarterly reports to the Community Safety Partnership board."
    safety.save()
    report = chorley(context)
    flags = rows(report, "monitoring_flags")
    assert [row[0] for row in flags] == ["CSP-01"]
    assert flags[0][3:] == ["Quarterly reports to the Community Safety Partnership board.", "Yes"]
    assert "(1 key partnership needs it)" in report.section("monitoring_arrangements").paragraphs[0]
    safety.additional_monitoring_required = False
    safety.save()
    assert rows(chorley(context), "monitoring_flags")[0][4] == "No"


def test_the_key_report_covers_the_councils_list_not_the_key_tier_unless_the_file_says_so(context, known):
    big = f.PartnershipFactory(
        name="Big Money Partnership",
        reference="BIG-01",
        start_date=date(2020, 4, 1),
        latest_year_contribution=Decimal(90000),
    )
    r.moved(big, "active", date(2020, 4, 1))
    ctx = context(SECOND_HALF, framework="chorley")
    tiers = gather.obligations(ctx.framework, ctx.visible, [big.pk], ctx.today)
    assert tiers[big.pk].tier_id == "key", "£90,000 puts it in the key tier"
    assert column(chorley(context), "strength", "Reference") == ["CSP-01"]
    spec = loader.get("chorley").reports[0].model_copy(update={"covers": "key_or_key_tier"})
    widened = build(declared.kind(spec), ctx)
    assert column(widened, "strength", "Reference") == ["BIG-01", "CSP-01"]


def test_a_suggested_recommendation_depends_on_its_count(context, known):
    plain = chorley(context).section("recommendations").paragraphs
    assert plain[1:] == ["That Executive Cabinet notes the performance of the council's key partnerships."]
    r.budget(known["safety"], 2025, "50000", "56000", "Extra patrols")
    r.budget(known["waste"], 2025, "100", "900")  # not a key partnership
    suggested = chorley(context).section("recommendations").paragraphs
    assert suggested[2] == "That the 1 overspent budget be reported with a recovery plan."


def test_the_summary_fills_the_councils_words(context, performance):
    summary = chorley(context).section("summary").paragraphs
    assert summary[0].startswith(
        "This report informs members of the performance of the Council's 1 key partnership in 2025/26 second "
        "half:"
    )
    assert summary[1] == "1 indicator was off target at the latest count; 1 budget is overspent."


def test_the_demo_councils_key_partnerships_are_appendix_as(context):
    demo = yaml.safe_load(
        (ROOT / "accord" / "site" / "demo" / "demo_council.yaml").read_text(encoding="utf-8")
    )
    listed = {
        p["name"] for p in demo["partnerships"] if p.get("key_partnership") and p["status"] != "proposed"
    }
    assert listed == APPENDIX_A


COUNCILS = re.compile(
    r"chorley|central bedfordshire|bedfordshire|\bbury\b|northampton|redditch|\d{3}_[0-9a-f]{16}\.txt",
    re.IGNORECASE,
)


def test_no_council_is_named_in_the_reports_code():
    code = ROOT / "accord" / "outputs" / "reports"
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted(code.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COUNCILS.search(line)
    ]
    assert found == []
