"""A new partnership whose name is one the register or the file already has, under another
reference: a row to check in the preview and the command's output, with a same/different choice the
import waits for; "same" updates the register's partnership instead of creating another."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from accord.outputs.transfer.assumptions import ImportChoices
from accord.outputs.transfer.commit import ImportRefused, commit
from accord.outputs.transfer.likely_duplicates import name_key
from accord.outputs.transfer.models import ImportRun
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.reading import read
from accord.register.models import Partnership
from tests import factories as f

from .helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx


@pytest.fixture
def csp(lists):
    return f.PartnershipFactory(reference="CSP-01", name="Community Safety Partnership")


def file_with(*rows) -> bytes:
    return xlsx({"Partnerships": [PARTNERSHIP_HEADERS, *rows]})


ROWS = (
    partnership_row("CSP-02", "The  community safety partnership"),  # row 2: like CSP-01 in the register
    partnership_row("HWB-01", "Health & Wellbeing Board"),  # row 3
    partnership_row("HWB-02", "Health and Wellbeing Board"),  # row 4: like HWB-01 on row 3
    partnership_row("CSP-01", "Community Safety Partnership"),  # the partnership itself: not a duplicate
    partnership_row("WASTE-01", "Waste Partnership"),
)
EXPECTED = [
    'Partnerships sheet, row 2: "The  community safety partnership" looks like CSP-01 '
    "already in the register",
    'Partnerships sheet, row 4: "Health and Wellbeing Board" looks like HWB-01 on row 3 of this file',
]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Community Safety Partnership", " community  SAFETY partnership "),
        ("The Health & Wellbeing Board", "Health and Wellbeing Board"),
        ("Chorley Partnership (the)", "Chorley Partnership"),
    ],
)
def test_names_match_ignoring_case_spacing_the_and_ampersands(one, other):
    assert name_key(one) == name_key(other)


def test_very_similar_names_match():
    assert name_key("Community Safety Partnership") == name_key("Community Safety Partnership Board")
    assert name_key("Health & Wellbeing Boards") == name_key("The Health and Wellbeing Board")
    assert name_key("Safety, Community (Partnership)") == name_key("Community Safety Partnership")


def test_different_names_do_not_match():
    assert name_key("Community Safety Partnership") != name_key("Youth Safety Partnership")
    assert name_key("Theatre Trust") != name_key("Atre Trust")  # "the" only as a word
    assert name_key("Business Improvement District") != name_key("Business Improvement")


def test_likely_duplicates_are_rows_to_check_that_need_an_answer_before_the_import(csp, admin):
    book = read("register.xlsx", file_with(*ROWS))
    plan = build("register.xlsx", book, guessed_mapping(book))
    assert plan.ok, plan.problems
    assert [str(w) for w in plan.warnings] == EXPECTED
    with pytest.raises(ImportRefused) as refused:
        commit(admin, "register.xlsx", book, guessed_mapping(book))
    assert [p.row for p in refused.value.plan.problems] == [2, 4]
    assert (
        "choose whether it is the same partnership or a different one"
        in refused.value.plan.problems[0].message
    )
    assert not Partnership.objects.exclude(pk=csp.pk).exists()
    different = ImportChoices(duplicates={"2": "different", "4": "different"})
    commit(admin, "register.xlsx", book, guessed_mapping(book), different)
    assert Partnership.objects.filter(reference__in=["CSP-02", "HWB-02"]).count() == 2
    again = build("register.xlsx", book, guessed_mapping(book))
    assert again.warnings == []  # none of them is new any more


def test_same_updates_the_partnership_in_the_register_instead_of_creating_one(csp, admin):
    rows = (partnership_row("CSP-02", "The community safety partnership", Description="Safer streets."),)
    book = read("register.xlsx", file_with(*rows))
    same = ImportChoices(duplicates={"2": "same"})
    plan = build("register.xlsx", book, guessed_mapping(book), choices=same)
    assert plan.counts()["Partnerships"] == {"created": 0, "updated": 1, "unchanged": 0}
    commit(admin, "register.xlsx", book, guessed_mapping(book), same)
    csp.refresh_from_db()
    assert Partnership.objects.count() == 1 and csp.reference == "CSP-01"
    assert csp.description == "Safer streets." and csp.name == "The community safety partnership"


def test_same_for_an_earlier_row_of_the_file_imports_that_row_only(lists, admin):
    book = read("register.xlsx", file_with(*ROWS[1:3]))
    commit(admin, "register.xlsx", book, guessed_mapping(book), ImportChoices(duplicates={"3": "same"}))
    assert list(Partnership.objects.values_list("reference", flat=True)) == ["HWB-01"]


def test_the_preview_asks_same_or_different_and_imports_only_once_each_is_answered(csp, admin, client):
    client.force_login(admin)
    client.post(reverse("transfer-upload"), {"file": SimpleUploadedFile("register.xlsx", file_with(*ROWS))})
    run = ImportRun.objects.get()
    page = client.get(reverse("transfer-preview", args=[run.pk])).content.decode()
    assert "Rows to check (2)" in page
    assert "&#34;The  community safety partnership&#34; looks like CSP-01 already in the register" in page
    assert "There is a problem" not in page
    assert "Import the register" in page
    assert "Same partnership (update the existing one)" in page
    assert "Different partnership (create a new one)" in page
    url = reverse("transfer-preview", args=[run.pk])
    page = client.post(url, {"row-2": "same"}).content.decode()
    assert "There is a problem" in page and 'href="#id_row-4"' in page
    assert "Row 4: select whether" in page
    assert Partnership.objects.count() == 1
    response = client.post(url, {"row-2": "same", "row-4": "different"})
    assert response.status_code == 302
    assert Partnership.objects.count() == 4  # CSP-01 updated; HWB-01, HWB-02 and WASTE-01 new
    run.refresh_from_db()
    assert run.duplicates == {"2": "same", "4": "different"}


def test_the_command_prints_the_rows_to_check(csp, tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(file_with(*ROWS))
    out = StringIO()
    call_command("import_register", str(path), "--dry-run", stdout=out)
    assert "Rows to check (2):\n" + "".join(f"  {line}\n" for line in EXPECTED) in out.getvalue()
    assert "Dry run: nothing was written." in out.getvalue()


def test_the_same_partners_under_another_name_is_a_likely_duplicate(lists):
    waste = f.PartnershipFactory(reference="WASTE-01", name="Chorley Waste Partnership")
    for name in ("Lancashire County Council", "South Ribble Borough Council"):
        f.MembershipFactory(partnership=waste, organisation=f.OrganisationFactory(name=name))
    f.MembershipFactory(partnership=waste, organisation=f.council())  # the council is left out
    headers = [*PARTNERSHIP_HEADERS, "Partners"]
    renamed = [
        *partnership_row("REC-01", "Central Lancashire Recycling"),
        "south ribble borough council; Lancashire County Council",
    ]
    other = [*partnership_row("REC-02", "Central Lancashire Recycling Two"), "Lancashire County Council"]
    book = read("register.xlsx", xlsx({"Partnerships": [headers, renamed, other]}))
    plan = build("register.xlsx", book, guessed_mapping(book))
    assert [str(w) for w in plan.warnings] == [
        'Partnerships sheet, row 2: "Central Lancashire Recycling" has the same partners as WASTE-01 '
        "already in the register"
    ]
    assert [(likely.row, likely.existing) for likely in plan.assumed.likely] == [(2, "WASTE-01")]
