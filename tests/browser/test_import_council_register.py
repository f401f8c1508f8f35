"""A council's own register through the web importer, in a real browser: upload the spreadsheet as the
council keeps it, see how its columns were matched, give the defaults once, read the preview with the
statuses inferred from the dates and a likely duplicate, answer it, and import. axe-core runs on every
page visited."""

from datetime import date

import pytest
from playwright.sync_api import expect

from accord.outputs.transfer.assumptions import DATES, STATUS_RULES
from accord.register.models import Directorate, Membership, Partnership
from tests import factories as f
from tests.clock import on_day
from tests.transfer.council_registers import FILES, TODAY

from .conftest import assert_accessible, sign_in, submit, visit

pytestmark = pytest.mark.browser


def test_an_administrator_imports_the_councils_own_register(page, users, tmp_path):
    # Already in the register under a very similar name to the file's first row.
    f.PartnershipFactory(name="Borsetshire Community Safety Partnership Board", reference="CSP-01")
    for index, name in enumerate(["Communities", "Leisure", "Economic Development", "Finance"]):
        Directorate.objects.get_or_create(name=name, defaults={"code": f"D{index}"})
    path = tmp_path / "borsetshire.xlsx"
    path.write_bytes(FILES["borsetshire.xlsx"]())

    with on_day(TODAY):
        sign_in(page, "administrator")
        visit(page, "/partnerships/import-export/")
        page.get_by_role("button", name="Import a spreadsheet").click()
        page.wait_for_url("**/import/")
        assert_accessible(page)
        page.get_by_label("Upload a spreadsheet").set_input_files(str(path))
        submit(page, "Upload and continue")

        # Matching: every heading found, and why; the title rows above the headings are left out.
        expect(page.get_by_role("heading", name="Choose what each column holds")).to_be_visible()
        columns = page.get_by_role("table", name="Partnerships sheet")

        def row(heading: str):
            return columns.locator("tr", has=page.get_by_role("rowheader", name=heading, exact=True))

        expect(page.get_by_text("The Partnerships sheet's headings are on row 3.")).to_be_visible()
        expect(row("Working (hidden) Hidden in the file")).to_be_visible()
        expect(row("Service Area")).to_contain_text("councils often use")
        expect(row("Partners")).to_contain_text("Matched by its heading")
        expect(page.get_by_label("Field for the Partnerships column “Lead Officer”")).to_have_value(
            "lead_officer"
        )
        # Defaults, once for the whole file: the register has no legal status or council's role column.
        defaults = page.get_by_role("group", name="Values for partnerships the file does not give them for")
        expect(defaults.get_by_label("Lead organisation")).to_have_value("Chorley Council")
        defaults.get_by_label("The council's role").select_option(label="Lead organisation")
        expect(page.get_by_label(STATUS_RULES[DATES])).to_be_checked()
        submit(page, "Check the import")

        # The preview: what the import assumed, and the likely duplicate to answer.
        expect(
            page.get_by_text("2 will be active, 1 closed, 1 proposed: because of their dates")
        ).to_be_visible()
        expect(page.get_by_role("heading", name="Likely duplicates")).to_be_visible()
        page.get_by_role("button", name="Import the register").click()
        page.wait_for_load_state("load")
        assert_accessible(page)
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "Borsetshire Community Safety Partnership"
        )
        assert not Partnership.objects.filter(name="Felpersham Town Centre BID").exists()

        page.get_by_label("Same partnership (update the existing one)").check()
        submit(page, "Import the register")
        expect(page.get_by_text("Register imported")).to_be_visible()

    assert Partnership.objects.count() == 4  # three new, and the community safety partnership updated
    assert Partnership.objects.get(reference="CSP-01").name == "Borsetshire Community Safety Partnership"
    assert set(Partnership.objects.exclude(reference="CSP-01").values_list("council_role", flat=True)) == {
        "lead"
    }  # the default chosen once, for every row
    bid = Partnership.objects.get(name="Felpersham Town Centre BID")
    assert bid.status == "closed"
    assert Partnership.objects.get(name="Borsetshire Leisure Trust contract").status == "active"
    assert Partnership.objects.get(name="Borsetshire Shared Revenues and Benefits").status == "proposed"
    partners = {
        m.organisation.name: m.organisation.org_id for m in Membership.objects.filter(partnership=bid)
    }
    assert partners.get("BID Company Ltd") == "GB-COH-11223344"
    assert bid.proposed_end_date == date(2024, 3, 31)
