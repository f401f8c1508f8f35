"""Excel sheet names are meaningful and unique within Excel's 31 characters: a long caption is cut
at a word and never left dangling ("Annual reviews held in the"), a name used twice says which
section it is from rather than "Indicators by key (2)", and the "what changed" tables say so."""

import re
from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from accord.outputs.reports import compare, excel
from accord.outputs.reports.builders import PACK, build, kinds_for
from accord.outputs.reports.structure import Report, Section, Table, from_json, to_json

FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch", "model"]
NUMBERED = re.compile(r"\(\d+\)$")


def report(*sections: Section) -> Report:
    return Report(
        "test", "Test", "Chorley Council", "Executive", date(2025, 4, 1), date(2026, 3, 31),
        datetime(2026, 5, 15, tzinfo=UTC), sections=list(sections),
    )  # fmt: skip


def table(table_id: str, caption: str, sheet: str = "") -> Table:
    return Table(table_id, caption, ["Reference"], [["CSP-01"]], sheet=sheet)


def assert_good(names: list[str]) -> None:
    assert all(0 < len(name) <= excel.SHEET_NAME for name in names), names
    assert len({name.lower() for name in names}) == len(names), names
    assert not [name for name in names if NUMBERED.search(name)], names
    assert not [name for name in names if name.split()[-1].lower() in excel.DANGLING], names


def test_a_long_caption_is_cut_at_a_word_and_not_left_dangling():
    names = excel.sheet_names(
        report(
            Section(
                "a",
                "Annual reviews",
                [],
                [table("held", "Annual reviews held in the period, by partnership")],
            )
        )
    )
    assert names == {"held": "Annual reviews held"}


def test_a_name_used_twice_says_which_section_it_is_from():
    caption = "Indicators off target, with the corrective action"
    names = excel.sheet_names(
        report(
            Section("one", "Performance", [], [table("a", caption)]),
            Section("two", "Issues", [], [table("b", caption)]),
            Section("three", "Emerging issues", [], [table("c", caption)]),
        )
    )
    assert names == {
        "a": "Indicators off target",
        "b": "Indicators off target – Issues",
        "c": "Emerging issues – Indicators",
    }


def test_the_what_changed_tables_are_named_for_the_table_they_compare():
    current = report(Section("s", "Performance", [], [table("indicators", "Indicators by key partnership")]))
    previous = from_json(to_json(current))
    previous.sections[0].tables[0].rows = []
    names = excel.sheet_names(compare.with_changes(current, previous))
    assert names["changes-indicators"] == "Changes – Indicators by key"
    assert_good(list(names.values()))


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_report_under_every_framework_has_good_sheet_names(context, known, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    built = [build(kind, context()) for kind in kinds_for(framework_id).values()]
    built.append(build(PACK, context(), known["safety"]))
    for current in built:
        previous = from_json(to_json(current))
        for section in previous.sections:
            for t in section.tables:
                t.rows = []  # so every keyed table has a "what changed" table
        with_changes = compare.with_changes(current, previous)
        assert_good(list(excel.sheet_names(with_changes).values()))
    workbook = load_workbook(BytesIO(excel.render(with_changes)))
    assert_good(workbook.sheetnames[1:])
    assert any(name.startswith("Changes – ") for name in workbook.sheetnames)
