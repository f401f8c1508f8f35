"""The declared committee reports reproduce at least the content of the Python builders they replaced
(issue 17): every golden table (tests/reports/golden) is present with the same columns and at least
its rows, built on the same register (the reports' known register; the demo council's) and day under
the same framework."""

import json

import pytest
import time_machine
from django.contrib.auth import get_user_model

from accord.frameworks import loader
from accord.outputs.reports.builders import Context, build, declared, kinds_for
from accord.register.access import visible_partnerships

from .conftest import NOW
from .golden.common import REPORTS, canonical, load_demo, path, tables
from .test_declared_reports import APPENDIX_A

# Appendix A's "Additional monitoring required?" is No for these three, Yes for the other ten
APPENDIX_A_NO_FURTHER = {
    "The Chorley Partnership (LSP)",
    "Lancashire Waste Partnership (LWP)",
    "Shared financial and assurance services",
}


@pytest.mark.parametrize("report_id", list(REPORTS))
def test_the_declared_report_holds_every_golden_table(report_id, context, performance):
    framework_id, period = REPORTS[report_id]
    golden = json.loads(path(report_id).read_text())
    with time_machine.travel(NOW, tick=False):
        report = build(kinds_for(framework_id)[report_id], context(period, framework=framework_id))
    assert_holds(report_id, golden, tables(report))
    assert sum(len(t["rows"]) for t in golden.values()) > 5, "the golden data is not empty"


def assert_holds(report_id: str, golden: dict, found: dict) -> None:
    for table_id, expected in golden.items():
        assert table_id in found, f"{report_id} has no table {table_id}"
        assert found[table_id]["columns"] == expected["columns"], table_id
        rows = [canonical(row) for row in found[table_id]["rows"]]
        missing = [row for row in expected["rows"] if canonical(row) not in rows]
        assert not missing, f"{report_id} {table_id} lost rows: {missing}"


def test_the_declared_reports_hold_every_golden_table_on_the_demo_register(db):
    """On the demo council's register. The old key partnerships report took the £50,000 tier as well
    as Appendix A's list (issue 17): the file's report covers the list (`key`), so its content is
    compared with the same report covering `key_or_key_tier`, the old selection."""
    load_demo(NOW)
    admin = get_user_model().objects.get(username="admin")
    with time_machine.travel(NOW, tick=False):
        for report_id, (framework_id, period) in REPORTS.items():
            framework = loader.get(framework_id)
            ctx = Context.make(visible_partnerships(admin), period, NOW, framework=framework)
            spec = next(s for s in framework.reports if s.id == report_id)
            if spec.covers == "key":
                own = tables(build(declared.kind(spec), ctx))
                assert {row[1] for row in own["strength"]["rows"]} == APPENDIX_A
                flags = {row[1]: row[4] for row in own["monitoring_flags"]["rows"]}
                assert flags.keys() == APPENDIX_A
                assert {name for name, flag in flags.items() if flag == "No"} == APPENDIX_A_NO_FURTHER
                assert own["submitted_reports"]["rows"], "the services' submitted reports are shown"
                assert {row[1] for row in own["submitted_reports"]["rows"]} <= APPENDIX_A
                spec = spec.model_copy(update={"covers": "key_or_key_tier"})
            golden = json.loads(path(report_id, "demo").read_text())
            assert sum(len(t["rows"]) for t in golden.values()) > 20, "the golden data is not empty"
            assert_holds(report_id, golden, tables(build(declared.kind(spec), ctx)))
