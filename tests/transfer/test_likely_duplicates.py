"""A new partnership whose name is one the register or the file already has, under another
reference: a row to check in the preview and the command's output, never a problem that stops the
import."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from accord.outputs.transfer.commit import commit
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


def test_different_names_do_not_match():
    assert name_key("Community Safety Partnership") != name_key("Community Safety Partnership Board")
    assert name_key("Theatre Trust") != name_key("Atre Trust")  # "the" only as a word


def test_likely_duplicates_are_rows_to_check_and_do_not_stop_the_import(csp, admin):
    book = read("register.xlsx", file_with(*ROWS))
    plan = build("register.xlsx", book, guessed_mapping(book))
    assert plan.ok, plan.problems
    assert [str(w) for w in plan.warnings] == EXPECTED
    commit(admin, "register.xlsx", book, guessed_mapping(book))
    assert Partnership.objects.filter(reference__in=["CSP-02", "HWB-02"]).count() == 2
    again = build("register.xlsx", book, guessed_mapping(book))
    assert again.warnings == []  # none of them is new any more


def test_the_preview_lists_the_rows_to_check_and_still_offers_the_import(csp, admin, client):
    client.force_login(admin)
    client.post(reverse("transfer-upload"), {"file": SimpleUploadedFile("register.xlsx", file_with(*ROWS))})
    run = ImportRun.objects.get()
    page = client.get(reverse("transfer-preview", args=[run.pk])).content.decode()
    assert "Rows to check (2)" in page
    assert "&#34;The  community safety partnership&#34; looks like CSP-01 already in the register" in page
    assert "There is a problem" not in page
    assert "Import the register" in page


def test_the_command_prints_the_rows_to_check(csp, tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(file_with(*ROWS))
    out = StringIO()
    call_command("import_register", str(path), "--dry-run", stdout=out)
    assert "Rows to check (2):\n" + "".join(f"  {line}\n" for line in EXPECTED) in out.getvalue()
    assert "Dry run: nothing was written." in out.getvalue()
