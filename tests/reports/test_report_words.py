"""What a report says is in the council's words: no source file name or maintainer's remark in any
heading, paragraph, caption or cell of any report under any framework."""

import re

import pytest

from accord.outputs.reports.builders import KINDS, PACK, build, kinds_for

FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch", "model"]
LEAK = re.compile(
    r"\d{3}_[0-9a-f]{16}\.txt|\bthe seed\b|documented default|question bank [a-z]+_", re.IGNORECASE
)


def texts(report):
    yield report.title
    for section in report.sections:
        yield section.heading
        yield from section.paragraphs
        for table in section.tables:
            yield table.caption
            yield from table.columns
            yield table.empty
            for row in table.rows:
                yield from (str(cell) for cell in row)


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_no_report_shows_a_file_name_or_a_maintainers_remark(context, known, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    kinds = kinds_for(framework_id).values()
    reports = [build(kind, context()) for kind in kinds] + [build(PACK, context(), known["safety"])]
    leaks = [(r.kind, text) for r in reports for text in texts(r) if LEAK.search(text)]
    assert leaks == []
    if framework_id != "central_bedfordshire":
        return
    cbc = next(r for r in reports if r.kind == "annual-review")
    assert any("(J3 Partnerships Protocol, 2.11)" in p for s in cbc.sections for p in s.paragraphs)


def test_the_reports_name_the_scores_as_the_framework_does(context, known, settings):
    settings.ACCORD_FRAMEWORK = "northampton"
    pack = build(PACK, context(), known["safety"])
    assert pack.table("risks").columns[2:5] == ["Inherent score", "Actual score", "Residual score"]
    assert "Actual score" in build(KINDS["annual"], context()).table("key_risks").columns
