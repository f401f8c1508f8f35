"""Every column of a council's one-sheet register lands somewhere meaningful (issue 18, item 2): the
dry run says where, the import writes it in the same transaction, and importing again changes nothing."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.domain.lifecycle.models import Agreement, ArtefactRecord
from accord.frameworks import apply, loader, tracking
from accord.frameworks.council_duties import financial_year_start
from accord.frameworks.durations import parse
from accord.frameworks.models import PriorCompletion
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer.commit import commit
from accord.outputs.transfer.models import ImportRun
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import (
    Contribution,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
    Person,
)
from tests import factories as f

from .helpers import PARTNERSHIP_HEADERS, csv_bytes, guessed_mapping, partnership_row, xlsx
from .one_sheet import EXTRA_HEADERS, full_row, register, reviewed_on


def this_year() -> int:
    return financial_year_start(clock.today()).year


def test_the_dry_run_says_where_each_column_lands_and_writes_nothing(admin):
    book, mapping = register(full_row())
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert plan.ok, [str(p) for p in plan.problems]
    landed = {
        entry["header"]: (entry["created"], entry["updated"], entry["unchanged"])
        for entry in plan.extras.landings()
    }
    assert landed == {
        "Lead Officer": (1, 0, 0),
        "Council Contribution": (1, 0, 0),
        "In-kind support": (1, 0, 0),
        "Partner organisations": (3, 0, 0),
        "Governance document": (1, 0, 0),
        "Date of last review": (1, 0, 0),
    }
    assert sorted((o.name, o.org_id) for o in plan.new_organisations) == [
        ("BID Company Ltd", "GB-COH-11223344"),
        ("Lancashire Constabulary", ""),
        ("Lancashire Fire and Rescue Service", ""),
    ]
    assert [p.name for p in plan.new_people] == ["jane SMITH"]
    assert plan.extras.not_imported == []
    assert not Partnership.objects.exists() and not Person.objects.filter(name__iexact="jane smith").exists()
    assert not Agreement.objects.exists() and not PriorCompletion.objects.exists()


def test_importing_writes_every_landing_with_its_history(admin):
    book, mapping = register(full_row())
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    csp = Partnership.objects.get(reference="CSP-01")
    assert (csp.has_risk_register, csp.notes) == ("yes", "Meets quarterly at the town hall.")
    role = PartnershipRole.objects.get(partnership=csp, role="lead_officer")
    assert role.person.name == "jane SMITH" and role.person.organisation.is_council
    money = Contribution.objects.get(partnership=csp, category="finance")
    assert (money.year, money.amount, money.description) == (
        this_year(),
        Decimal("12500"),
        "Council contribution",
    )
    in_kind = Contribution.objects.get(partnership=csp, category="other")
    assert (in_kind.finance_form, in_kind.amount, in_kind.description) == (
        "in_kind",
        None,
        "Meeting rooms and minute-taking",
    )
    assert csp.latest_year_contribution == Decimal("12500")
    members = set(
        Membership.objects.filter(partnership=csp).values_list("organisation__name", "organisation__org_id")
    )
    assert members == {
        ("Chorley Council", "GB-LAE-CHO"),  # the council, in its role on the partnership
        ("Lancashire Constabulary", ""),
        ("BID Company Ltd", "GB-COH-11223344"),
        ("Lancashire Fire and Rescue Service", ""),
    }
    agreement = Agreement.objects.get(partnership=csp)
    assert (agreement.title, agreement.document_type, agreement.status) == (
        "Terms of Reference 2019",
        "terms_of_reference",
        "unknown",
    )
    assert ArtefactRecord.objects.get(partnership=csp, slot="agreement").complete is False
    assert tracking.last_done_for([csp.pk])[csp.pk] == {"three_yearly_review": reviewed_on()}
    reasons = set(AuditEvent.objects.filter(partnership=csp).values_list("object_type", "reason"))
    assert ("partnership role", "Imported from register.csv") in reasons
    assert ("contribution", "Imported from register.csv") in reasons
    assert ("membership", "Imported from register.csv") in reasons
    assert ("record of when a duty was last done", "Imported from register.csv") in reasons
    assert ("agreement", "Imported from register.csv") in reasons


def test_the_last_review_drives_when_the_next_review_is_due(admin):
    book, mapping = register(full_row())
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    csp = Partnership.objects.get(reference="CSP-01")
    review = next(
        r
        for r in apply.obligations_for(csp, framework=loader.current())
        if r.obligation_id == "three_yearly_review"
    )
    assert review.due == parse("P3Y").after(reviewed_on())


def test_importing_the_same_register_again_changes_nothing(admin):
    book, mapping = register(full_row())
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    events, completions = AuditEvent.objects.count(), PriorCompletion.objects.count()
    plan = commit(admin, "register.csv", book, mapping, framework=loader.current())
    assert not plan.new_organisations and not plan.new_people
    assert {sheet: n["created"] + n["updated"] for sheet, n in plan.counts().items()} == dict.fromkeys(
        plan.counts(), 0
    )
    assert all(entry["created"] == entry["updated"] == 0 for entry in plan.extras.landings())
    assert AuditEvent.objects.count() == events
    assert PriorCompletion.objects.count() == completions
    assert Organisation.objects.filter(name="BID Company Ltd").count() == 1


def test_a_contribution_year_column_sets_the_year_and_an_existing_lead_officer_is_matched(admin):
    officer = f.PersonFactory(name="Jane Smith", organisation=Organisation.objects.get(is_council=True))
    elsewhere = f.OrganisationFactory(name="Lancashire NHS Trust")
    f.PersonFactory(name="Jane Smith", organisation=elsewhere)  # the council's officer is meant
    headers = ["Reference", "Name", "Description", "Type", "Statutory", "Legal status", "Lead organisation"]
    headers += ["Council role", "Service", "Lead Officer", "Contribution (£)", "Financial year"]
    cells = [
        "HWB-01",
        "Health and Wellbeing Board",
        "Health.",
        "Public sector strategic",
        "N",
        "Unincorporated",
    ]
    cells += ["Chorley Council", "Member", "Communities", "JANE SMITH", "1,250,000", "2024/25"]
    book, mapping = register(cells, headers=headers)
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert [str(p) for p in plan.problems] == []
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    hwb = Partnership.objects.get(reference="HWB-01")
    assert PartnershipRole.objects.get(partnership=hwb, role="lead_officer").person == officer
    assert list(Contribution.objects.filter(partnership=hwb).values_list("year", "amount")) == [
        (2024, Decimal("1250000"))
    ]
    assert hwb.has_risk_register == "unknown"


def test_an_existing_agreement_keeps_its_status_when_the_sheet_does_not_state_one(admin):
    book, mapping = register(full_row())
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    csp = Partnership.objects.get(reference="CSP-01")
    Agreement.objects.filter(partnership=csp).update(status="signed", signed_on=date(2019, 5, 1))
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert [e["unchanged"] for e in plan.extras.landings() if e["header"] == "Governance document"] == [1]


def test_the_preview_page_shows_where_each_column_goes_and_what_is_not_imported(client, admin):
    client.force_login(admin)
    content = csv_bytes([[*PARTNERSHIP_HEADERS, *EXTRA_HEADERS, "Ward"], [*full_row(), "Astley"]])
    client.post(reverse("transfer-upload"), {"file": SimpleUploadedFile("register.csv", content)})
    run = ImportRun.objects.get()
    page = client.get(reverse("transfer-preview", args=[run.pk])).content.decode()
    assert "Where the other columns go" in page
    assert "The partnership&#39;s lead officer" in page or "The partnership's lead officer" in page
    assert "A member organisation of the partnership, for each partner" in page
    assert "Columns that will not be imported (1)" in page and "Ward" in page
    assert f"for the financial year {this_year()}/" in page
    assert not Partnership.objects.exists()


def test_a_workbook_with_real_numbers_and_dates_and_a_members_sheet_lands_each_once(admin):
    headers = [*PARTNERSHIP_HEADERS, "Council contribution", "Partners", "Last reviewed"]
    cells = [
        *partnership_row("W-1", "Waste Partnership"),
        12500.0,
        "Age UK Lancashire; Groundwork",
        reviewed_on(),
    ]
    members = [["Partnership reference", "Organisation", "Role"], ["W-1", "Groundwork", "Accountable body"]]
    book = read("register.xlsx", xlsx({"Partnerships": [headers, cells], "Members": members}))
    mapping = guessed_mapping(book)
    commit(admin, "register.xlsx", book, mapping, framework=loader.current())
    waste = Partnership.objects.get(reference="W-1")
    assert set(Membership.objects.filter(partnership=waste).values_list("organisation__name", "role")) == {
        ("Age UK Lancashire", "member"),
        ("Groundwork", "accountable_body"),  # as the Members sheet says, once
    }
    assert Contribution.objects.get(partnership=waste).amount == Decimal("12500")
    assert tracking.last_done_for([waste.pk])[waste.pk] == {"three_yearly_review": reviewed_on()}
    again = build("register.xlsx", book, mapping, framework=loader.current())
    assert all(entry["created"] == entry["updated"] == 0 for entry in again.extras.landings())


def test_a_new_lead_officer_beside_the_current_one_is_added_and_said(admin):
    book, mapping = register(full_row())
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    csp = Partnership.objects.get(reference="CSP-01")
    cells = full_row()
    cells[len(PARTNERSHIP_HEADERS)] = "Priya Shah"
    book, mapping = register(cells)
    plan = build("register.csv", book, mapping, framework=loader.current())
    assert [str(p) for p in plan.extras.to_check] == [
        "Partnerships sheet, row 2: Priya Shah is added as a lead officer beside jane SMITH, who stays one: "
        "end a role that has ended on the partnership's page"
    ]
    commit(admin, "register.csv", book, mapping, framework=loader.current())
    leads = PartnershipRole.objects.filter(partnership=csp, role="lead_officer")
    assert sorted(leads.values_list("person__name", flat=True)) == ["Priya Shah", "jane SMITH"]
