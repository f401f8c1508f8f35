"""A child row (Members, Representatives, Contributions) naming an organisation or person the register
does not hold yet, for a partnership that already exists: the preview says "new organisation", the
import creates it and attaches the row to it, in the same commit (it used to fail with HTTP 500)."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from accord.outputs.transfer.commit import commit
from accord.outputs.transfer.models import ImportRun
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Contribution, Membership, Organisation, PartnershipRole, Person
from tests import factories as f

from .helpers import guessed_mapping, xlsx

MEMBERS = [["Partnership reference", "Organisation", "Org-id", "Role"]]
REPRESENTATIVES = [["Partnership reference", "Person", "Works for", "Role"]]
CONTRIBUTIONS = [["Partnership reference", "Financial year", "Category", "Amount (£)", "Officer"]]


@pytest.fixture
def existing(lists):
    council = Organisation.objects.get(is_council=True)
    partnership = f.PartnershipFactory(reference="CSP-01", name="Community Safety Partnership")
    f.MembershipFactory(partnership=partnership, organisation=council, role="lead")
    return partnership


def members_file(*rows) -> bytes:
    return xlsx({"Members": [*MEMBERS, *rows]})


NEW_MEMBER = ["CSP-01", "Chorley Youth Zone", "GB-CHC-1123456", "Member"]


def test_the_dry_run_lists_a_new_member_organisation_for_an_existing_partnership(existing):
    book = read("members.xlsx", members_file(NEW_MEMBER))
    plan = build("members.xlsx", book, guessed_mapping(book))
    assert plan.ok, plan.problems
    assert [(o.name, o.org_id) for o in plan.new_organisations] == [("Chorley Youth Zone", "GB-CHC-1123456")]
    assert plan.counts()["Members"] == {"created": 1, "updated": 0, "unchanged": 0}
    assert not Organisation.objects.filter(name="Chorley Youth Zone").exists()


def test_the_import_creates_the_organisation_and_its_membership_in_one_commit(existing, admin):
    book = read("members.xlsx", members_file(NEW_MEMBER))
    commit(admin, "members.xlsx", book, guessed_mapping(book))
    youth = Organisation.objects.get(org_id="GB-CHC-1123456")
    assert youth.name == "Chorley Youth Zone"
    assert Membership.objects.get(partnership=existing, organisation=youth).role == "member"
    again = build("members.xlsx", book, guessed_mapping(book))  # and a second import changes nothing
    assert again.ok and not again.new_organisations
    assert again.counts()["Members"] == {"created": 0, "updated": 0, "unchanged": 1}


def test_the_same_new_organisation_twice_for_one_partnership_is_a_row_problem(existing):
    book = read("members.xlsx", members_file(NEW_MEMBER, ["CSP-01", "chorley youth zone", "", "Member"]))
    plan = build("members.xlsx", book, guessed_mapping(book))
    assert [str(p) for p in plan.problems] == [
        "Members sheet, row 3: Chorley Youth Zone in CSP-01 is also on row 2: give each once"
    ]


def test_a_new_person_at_a_new_organisation_and_their_contribution_are_created_together(existing, admin):
    content = xlsx(
        {
            "Representatives": [
                *REPRESENTATIVES,
                ["CSP-01", "Pat Partner", "Chorley Youth Zone", "Partner contact"],
            ],
            "Contributions": [*CONTRIBUTIONS, ["CSP-01", "2025/26", "Officer time", "", "Pat Partner"]],
        }
    )
    book = read("people.xlsx", content)
    plan = build("people.xlsx", book, guessed_mapping(book))
    assert plan.ok, plan.problems
    assert [o.name for o in plan.new_organisations] == ["Chorley Youth Zone"]
    assert [p.name for p in plan.new_people] == ["Pat Partner"]
    commit(admin, "people.xlsx", book, guessed_mapping(book))
    pat = Person.objects.get(name="Pat Partner")
    assert pat.organisation.name == "Chorley Youth Zone"
    assert PartnershipRole.objects.get(partnership=existing, person=pat).role == "partner_contact"
    assert Contribution.objects.get(partnership=existing).person == pat


def test_the_web_preview_shows_the_new_organisation_and_the_import_attaches_the_member(
    existing, admin, client
):
    client.force_login(admin)
    response = client.post(
        reverse("transfer-upload"), {"file": SimpleUploadedFile("members.xlsx", members_file(NEW_MEMBER))}
    )
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("transfer-columns", args=[run.pk])
    page = client.get(reverse("transfer-preview", args=[run.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Organisations that would be created (1)" in text and "Chorley Youth Zone" in text
    response = client.post(reverse("transfer-preview", args=[run.pk]))
    assert response["Location"] == reverse("transfer-result", args=[run.pk])
    assert Membership.objects.filter(partnership=existing, organisation__name="Chorley Youth Zone").exists()


def test_the_command_dry_run_reports_the_new_organisation(existing, tmp_path):
    path = tmp_path / "members.xlsx"
    path.write_bytes(members_file(NEW_MEMBER))
    out = StringIO()
    call_command("import_register", str(path), "--dry-run", stdout=out)
    assert "Members: 1 new, 0 changed, 0 unchanged" in out.getvalue()
    assert "Organisations that would be created (1): Chorley Youth Zone" in out.getvalue()
    assert not Organisation.objects.filter(name="Chorley Youth Zone").exists()
