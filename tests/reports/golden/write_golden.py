"""Writes the golden files with the council-specific Python builders the declared reports replaced.
They no longer exist at HEAD: run this in an export of commit 7be0ce1, which still has them, with this
file and common.py copied in (README.md):

    ACCORD_WRITE_GOLDEN=1 pytest tests/reports/golden/write_golden.py -p no:cacheprovider
"""

import json
import os
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model

from accord.frameworks import loader
from accord.outputs.reports.builders import KINDS, Context, build
from accord.register.access import visible_partnerships
from tests.reports.conftest import NOW

from .common import REPORTS, load_demo, tables

OUT = Path(os.environ.get("ACCORD_GOLDEN_DIR", Path(__file__).resolve().parent))
WRITE = pytest.mark.skipif(not os.environ.get("ACCORD_WRITE_GOLDEN"), reason="writes the golden files")


def write(user, data: str) -> None:
    with time_machine.travel(NOW, tick=False):
        for report_id, (framework_id, period) in REPORTS.items():
            framework = loader.get(framework_id)
            ctx = Context.make(visible_partnerships(user), period, NOW, framework=framework)
            found = tables(build(KINDS[report_id], ctx))
            assert found, report_id
            (OUT / data).mkdir(exist_ok=True)
            (OUT / data / f"{report_id}.json").write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")


@WRITE
def test_write_golden_known(known, performance, users):
    write(users["administrator"], "")


@WRITE
def test_write_golden_demo(db):
    load_demo(NOW)
    write(get_user_model().objects.get(username="admin"), "demo")
