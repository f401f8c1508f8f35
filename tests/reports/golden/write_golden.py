"""Writes the golden files from the council-specific Python builders (run once, before they were
deleted; kept in history at the commit that added the golden files):

    ACCORD_WRITE_GOLDEN=1 .venv/bin/pytest tests/reports/golden/write_golden.py -p no:cacheprovider
"""

import json
import os

import pytest
import time_machine

from accord.frameworks import loader
from accord.outputs.reports.builders import KINDS, Context, build
from accord.register.access import visible_partnerships
from tests.reports.conftest import NOW

from .common import REPORTS, path, tables


@pytest.mark.skipif(not os.environ.get("ACCORD_WRITE_GOLDEN"), reason="writes the golden files")
def test_write_golden(known, performance, users):
    with time_machine.travel(NOW, tick=False):
        for report_id, (framework_id, period) in REPORTS.items():
            framework = loader.get(framework_id)
            ctx = Context.make(visible_partnerships(users["administrator"]), period, NOW, framework=framework)
            report = build(KINDS[report_id], ctx)
            found = tables(report)
            assert found, report_id
            path(report_id).write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
