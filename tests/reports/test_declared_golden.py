"""The declared committee reports reproduce at least the content of the Python builders they replaced
(issue 17): every golden table (tests/reports/golden) is present with the same columns and at least
its rows, built on the same register and day under the same framework."""

import json

import pytest
import time_machine

from accord.outputs.reports.builders import build, kinds_for

from .conftest import NOW
from .golden.common import REPORTS, path, tables


@pytest.mark.parametrize("report_id", list(REPORTS))
def test_the_declared_report_holds_every_golden_table(report_id, context, performance):
    framework_id, period = REPORTS[report_id]
    golden = json.loads(path(report_id).read_text())
    with time_machine.travel(NOW, tick=False):
        report = build(kinds_for(framework_id)[report_id], context(period, framework=framework_id))
    found = tables(report)
    assert golden, "the golden file holds tables"
    for table_id, expected in golden.items():
        assert table_id in found, f"{report_id} has no table {table_id}"
        assert found[table_id]["columns"] == expected["columns"], table_id
        missing = [row for row in expected["rows"] if row not in found[table_id]["rows"]]
        assert not missing, f"{report_id} {table_id} lost rows: {missing}"
    assert sum(len(t["rows"]) for t in golden.values()) > 5, "the golden data is not empty"
