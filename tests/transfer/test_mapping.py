"""Column mapping: guessed from headings, remembered for the same headings, checked before use."""

from accord.outputs.transfer import columns as c
from accord.outputs.transfer import mapping as maps
from accord.outputs.transfer.reading import read

from .helpers import xlsx


def book(headers):
    return read("r.xlsx", xlsx({"Partnerships": [headers, ["x"] * len(headers)]}))


def test_headings_are_matched_to_fields_ignoring_case_and_punctuation(db):
    workbook = book(["REF", "Partnership name", "Lead Service", "Notes to self", "Start-date"])
    assert maps.suggested(workbook)["Partnerships"] == ["reference", "name", "directorate", "", "start_date"]


def test_a_confirmed_mapping_is_remembered_for_the_same_headings(db):
    headers = ["Ident", "Title", "Blurb"]
    first = book(headers)
    assert maps.suggested(first)["Partnerships"] == ["", "name", ""]
    maps.remember(first, {"Partnerships": ["reference", "name", "description"]})
    assert maps.suggested(book(headers))["Partnerships"] == ["reference", "name", "description"]
    assert maps.suggested(book([*headers, "Other"]))["Partnerships"] == ["", "name", "", ""]


def test_a_field_chosen_twice_or_a_missing_required_field_is_a_mapping_problem():
    workbook = book(["Ref", "Name", "Also name"])
    data = workbook.sheets["Partnerships"]
    found = maps.problems(c.PARTNERSHIPS, data, ["reference", "name", "name"])
    assert found[2] == '"Name" is already chosen for the column "Name"'
    assert found[-1].startswith("In the Partnerships sheet, choose the columns that hold: Description, Type")
