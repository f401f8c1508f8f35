"""Importing a register in a real browser: an administrator uploads a spreadsheet with a mistake, sees
the row problem in the preview, uploads the corrected file, imports it and finds the partnerships in
the register. axe-core runs on every page visited."""

import pytest
from playwright.sync_api import expect

from accord.register.models import Partnership
from tests import factories as f
from tests.transfer.helpers import PARTNERSHIP_HEADERS, partnership_row, xlsx

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = pytest.mark.browser


def spreadsheet(tmp_path, name, end_date):
    rows = [
        PARTNERSHIP_HEADERS,
        partnership_row("CSP-01", "Chorley Community Safety Partnership"),
        partnership_row("HWB-01", "Chorley Health and Wellbeing Board", **{"Proposed end date": end_date}),
    ]
    path = tmp_path / name
    path.write_bytes(xlsx({"Partnerships": rows}))
    return path


def upload(page, path):
    page.get_by_label("Upload a spreadsheet").set_input_files(str(path))
    submit(page, "Upload and continue")
    expect(page.get_by_role("heading", name="Choose what each column holds")).to_be_visible()
    submit(page, "Check the import")


def test_an_administrator_fixes_a_mistake_and_imports_the_register(page, users, tmp_path):
    f.PartnershipTypeFactory(name="Public sector strategic")
    f.DirectorateFactory(code="COMM", name="Communities")
    sign_in(page, "administrator")
    visit(page, "/partnerships/import-export/")
    page.get_by_role("button", name="Import a spreadsheet").click()
    page.wait_for_url("**/import/")
    assert_accessible(page)

    upload(page, spreadsheet(tmp_path, "register.xlsx", "31/02/2027"))
    problems = page.get_by_role("table", name="Problems to fix in the spreadsheet")
    expect(problems).to_contain_text('Proposed end date "31/02/2027" must be a real date')
    expect(problems.get_by_role("row").nth(1)).to_contain_text("3")
    expect(page.get_by_role("button", name="Import the register")).to_have_count(0)
    assert not Partnership.objects.exists()

    page.get_by_role("link", name="upload the corrected file").click()
    page.wait_for_url("**/import/")
    assert_accessible(page)
    upload(page, spreadsheet(tmp_path, "register-fixed.xlsx", "31/03/2027"))
    expect(page.get_by_role("table", name="What the import would do")).to_contain_text("Partnerships")
    submit(page, "Import the register")
    expect(page.get_by_text("Register imported")).to_be_visible()

    visit(page, "/partnerships/")
    expect(page.get_by_role("link", name="Chorley Health and Wellbeing Board")).to_be_visible()
    expect(page.get_by_role("link", name="Chorley Community Safety Partnership")).to_be_visible()
    assert Partnership.objects.get(reference="HWB-01").proposed_end_date.isoformat() == "2027-03-31"
