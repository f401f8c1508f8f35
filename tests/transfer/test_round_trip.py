"""Export then import: the whole register comes back as it was, and importing it again changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction
from openpyxl import load_workbook

from accord.frameworks import loader
from accord.outputs.transfer import columns as c
from accord.outputs.transfer import export
from accord.outputs.transfer.commit import commit
from accord.outputs.transfer.export_rows import ROWS
from accord.outputs.transfer.mapping import suggested
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Partnership
from tests import factories as f


class Rollback(Exception):
    pass


def populate() -> None:
    council = f.council()
    trust = f.OrganisationFactory(name="Lancashire Teaching Hospitals", org_id="GB-NHS-RXN", sector="public")
    charity = f.OrganisationFactory(
        name="Chorley Youth Zone", org_id="GB-CHC-1123456", sector="vcf", website="https://youth.example.org"
    )
    police = f.OrganisationFactory(name="Lancashire Constabulary", sector="statutory", notes="=SUM(A1)")
    place = f.DirectorateFactory(code="PLACE", name="Place")
    other_type = f.PartnershipTypeFactory(name="Voluntary sector delivery")
    olive = f.PersonFactory(
        name="Olive Officer", job_title="Head of Communities", email="olive@chorley.example"
    )
    pat = f.PersonFactory(
        name="Pat Partner", organisation=trust, kind="partner_contact", phone="01257 000000"
    )
    csp = f.PartnershipFactory(
        reference="CSP-01",
        name="Community Safety Partnership",
        purpose="- Reduce crime\n- Reduce fear of crime",
        start_date=date(2019, 4, 1),
        proposed_end_date=date(2027, 3, 31),
        is_published=True,
        is_key_partnership=True,
        complaints_url="https://example.org/complaints",
        accountable_body=trust,
    )
    youth = f.PartnershipFactory(
        reference="YOUTH-02",
        name="Youth Partnership",
        partnership_type=other_type,
        directorate=place,
        lead_organisation=charity,
        council_role="member",
        status="proposed",
        covers_members_expenses="yes",
    )
    old = f.PartnershipFactory(
        reference="OLD-03", name="Old Partnership", status="closed", lead_organisation=police
    )
    for p, org, role in (
        (csp, council, "lead"),
        (csp, trust, "member"),
        (youth, charity, "lead"),
        (old, police, "lead"),
    ):
        f.MembershipFactory(partnership=p, organisation=org, role=role, start_date=date(2020, 1, 1))
    f.RoleFactory(partnership=csp, person=olive, role="lead_officer", start_date=date(2021, 5, 3))
    f.RoleFactory(partnership=csp, person=pat, role="partner_contact", notes="Board member")
    f.RoleFactory(partnership=old, person=olive, role="council_representative", end_date=date(2024, 3, 31))
    f.ContributionFactory(partnership=csp, year=2025, amount=Decimal("12500.50"), description="Grant")
    f.ContributionFactory(
        partnership=csp,
        year=2025,
        category="officer_time",
        amount=None,
        finance_form="",
        person=olive,
        hours=120,
    )
    f.ContributionFactory(partnership=old, year=2022, amount=Decimal("300.00"))


def register() -> dict[str, list[list]]:
    return {sheet.name: [list(row) for row in ROWS[sheet.name]()] for sheet in c.IMPORTABLE}


def test_an_exported_register_imports_into_an_empty_register_unchanged(lists, admin):
    with pytest.raises(Rollback), transaction.atomic():
        populate()
        content = export.workbook_bytes(framework=loader.current())
        before = register()
        raise Rollback
    assert not Partnership.objects.exists()  # an empty register, with its reference lists

    book = read("register.xlsx", content)
    plan = commit(admin, "register.xlsx", book, suggested(book))
    assert plan.counts()["Partnerships"]["created"] == 3
    after = register()
    for sheet in before:
        assert after[sheet] == before[sheet], sheet
    assert Partnership.objects.get(reference="CSP-01").latest_year_contribution == Decimal("12500.50")

    again = build("register.xlsx", book, suggested(book))
    assert again.ok and not again.new_organisations and not again.new_people
    for sheet, counted in again.counts().items():
        assert counted["created"] == counted["updated"] == 0, sheet


def test_the_workbook_has_real_dates_and_numbers_a_bold_frozen_header_and_every_concern(lists):
    populate()
    book = load_workbook(__import__("io").BytesIO(export.workbook_bytes(framework=loader.current())))
    assert book.sheetnames == [s.name for s in c.SHEETS]
    sheet = book["Partnerships"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Reference" and sheet["A1"].font.bold
    start = [col.header for col in c.PARTNERSHIPS.columns].index("Start date") + 1
    assert sheet.cell(row=2, column=start).value.date() == date(2019, 4, 1)
    amounts = [r[3] for r in book["Contributions"].iter_rows(min_row=2, values_only=True)]
    assert Decimal("12500.5") in [Decimal(str(a)) for a in amounts if a is not None]
    notes = [r[6] for r in book["Organisations"].iter_rows(min_row=2)]
    (guarded,) = [cell for cell in notes if cell.value]
    assert (guarded.value, guarded.data_type) == ("'=SUM(A1)", "s")  # text behind the guard, not a formula
    assert book["Obligations"].max_row >= 1


def test_the_csv_download_has_one_file_per_concern_and_its_partnerships_file_imports(lists, admin):
    import io
    import zipfile

    populate()
    archive = zipfile.ZipFile(io.BytesIO(export.zip_bytes(framework=loader.current())))
    assert archive.namelist() == [f"{s.name.lower()}.csv" for s in c.SHEETS]
    content = archive.read("partnerships.csv")
    book = read("partnerships.csv", content)
    plan = build("partnerships.csv", book, suggested(book))
    assert plan.ok, plan.problems
    assert plan.counts()["Partnerships"] == {"created": 0, "updated": 0, "unchanged": 3}
