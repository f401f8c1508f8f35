"""A council's own register through the pages and the command: matching said and changeable,
defaults asked once, the preview saying what was assumed; the command assuming the council's
defaults, saying so, and exiting non-zero with row numbers (writing nothing) when anything is wrong."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer.models import ImportRun
from accord.register.models import Partnership
from tests.clock import on_day

from .helpers import csv_bytes
from .test_council_layouts import HEADINGS, ROWS, TODAY


@pytest.fixture(autouse=True)
def on_the_first_of_june():
    with on_day(TODAY):
        yield


@pytest.fixture
def signed_in(client, admin):
    client.force_login(admin)
    return client


def columns_form(run, **overrides):
    fields = {f"partnerships-{i}": key for i, key in enumerate(run.mapping["Partnerships"])}
    fields.update({f"default-{k}": v for k, v in run.defaults.items()})
    fields["status_rule"] = "dates"
    fields.update(overrides)
    return fields


def test_the_web_journey_matches_asks_defaults_once_and_says_what_it_assumed(signed_in):
    signed_in.post(
        reverse("transfer-upload"), {"file": SimpleUploadedFile("council.csv", csv_bytes([HEADINGS, *ROWS]))}
    )
    run = ImportRun.objects.get()
    columns = reverse("transfer-columns", args=[run.pk])
    page = signed_in.get(columns).content.decode()
    assert "Matched by a heading councils often use" in page  # Service Area
    assert "Not matched: it will not be imported" in page  # RAG
    assert "Values for partnerships the file does not give them for" in page
    assert 'value="Chorley Council"' in page  # the council offered first as lead organisation

    response = signed_in.post(columns, columns_form(run, **{"default-description": ""}))
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Choose the description for every partnership, or choose the column that holds it" in page

    response = signed_in.post(columns, columns_form(run))
    assert response["Location"] == reverse("transfer-preview", args=[run.pk])
    run.refresh_from_db()
    assert run.defaults["lead_organisation"] == "Chorley Council" and run.status_rule == "dates"

    page = signed_in.get(response["Location"]).content.decode()
    assert "What the import assumed" in page
    assert "1 will be active, 1 closed, 2 proposed: because of their dates" in page
    assert "Lead organisation: Chorley Council (4 rows)" in page
    assert "row 2: P-0001" in page
    assert "Columns that will not be imported (1)" in page and "RAG" in page
    assert not Partnership.objects.exists()

    response = signed_in.post(columns, columns_form(run, status_rule="active"))
    page = signed_in.get(response["Location"]).content.decode()
    assert "4 will be active: as chosen for the whole import" in page
    response = signed_in.post(response["Location"])
    assert response["Location"] == reverse("transfer-result", args=[run.pk])
    assert set(Partnership.objects.values_list("status", flat=True)) == {"active"}
    assert sorted(Partnership.objects.values_list("reference", flat=True)) == [
        "P-0001",
        "P-0002",
        "P-0003",
        "P-0004",
    ]


def test_a_changed_match_is_chosen_by_you_and_remembered(signed_in):
    signed_in.post(
        reverse("transfer-upload"), {"file": SimpleUploadedFile("council.csv", csv_bytes([HEADINGS, *ROWS]))}
    )
    run = ImportRun.objects.get()
    signed_in.post(
        reverse("transfer-columns", args=[run.pk]), columns_form(run, **{"partnerships-6": "themes"})
    )
    signed_in.post(
        reverse("transfer-upload"), {"file": SimpleUploadedFile("council.csv", csv_bytes([HEADINGS, *ROWS]))}
    )
    again = ImportRun.objects.order_by("-pk").first()
    assert again.mapping["Partnerships"][6] == "themes"
    page = signed_in.get(reverse("transfer-columns", args=[again.pk])).content.decode()
    assert "Remembered from your last import of a file with these headings" in page


@pytest.fixture
def council_csv(tmp_path):
    def make(rows=ROWS):
        path = tmp_path / "council.csv"
        path.write_bytes(csv_bytes([HEADINGS, *rows]))
        return str(path)

    return make


def test_the_command_with_no_options_assumes_the_councils_defaults_and_says_so(lists, council_csv):
    out = StringIO()
    call_command("import_register", council_csv(), "--dry-run", stdout=out)
    said = out.getvalue()
    assert '"Service Area" → Lead directorate or service (matched by a heading councils often use)' in said
    assert '"RAG" (not matched: it will not be imported)' in said
    assert "Default used: Lead organisation: Chorley Council (4 rows)" in said
    assert "References made for rows without one (4): row 2: P-0001" in said
    assert "Statuses: 1 would be active, 1 closed, 2 proposed: because of their dates" in said
    assert "Columns not imported: Partnerships: RAG" in said
    assert "Dry run: nothing was written." in said
    assert not Partnership.objects.exists()
    call_command(
        "import_register", council_csv(), "--default", "council_role=lead", "--status", "proposed", stdout=out
    )
    assert set(Partnership.objects.values_list("council_role", "status")) == {("lead", "proposed")}


def test_the_command_exits_non_zero_with_row_numbers_and_writes_nothing(lists, council_csv):
    bad = [ROWS[0], [*ROWS[1][:4], "31/02/2019", *ROWS[1][5:]]]
    err = StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_register", council_csv(bad), stdout=StringIO(), stderr=err)
    assert failed.value.returncode == 2
    assert 'Partnerships sheet, row 3: Start date "31/02/2019"' in err.getvalue()
    assert not Partnership.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("colour=blue", "a default can be given only for lead_organisation"),
        ("council_role=boss", 'The council\'s role "boss" is not one of'),
        ("partnership_type=Joint venture", 'Default for Type: "Joint venture" is not one of the council'),
        ("no equals sign", "must be FIELD=VALUE"),
    ],
)
def test_a_bad_default_is_a_clear_message_and_nothing_is_written(lists, council_csv, given, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_register", council_csv(), "--default", given, stdout=StringIO())
    assert not Partnership.objects.exists()


def test_a_default_may_name_its_field_by_heading(lists, council_csv):
    call_command(
        "import_register",
        council_csv(),
        "--default",
        "Lead organisation=Lancashire Police",
        stdout=StringIO(),
    )
    assert set(Partnership.objects.values_list("lead_organisation__name", flat=True)) == {"Lancashire Police"}


def test_a_file_without_references_imported_again_finds_its_partnerships_by_name(lists, council_csv):
    call_command("import_register", council_csv(), stdout=StringIO())
    history = AuditEvent.objects.count()
    out = StringIO()
    call_command("import_register", council_csv(), stdout=out)
    assert Partnership.objects.count() == 4 and AuditEvent.objects.count() == history  # nothing changed
    assert "Found in the register by name, without a reference (4)" in out.getvalue()
    assert "Partnerships: 0 new, 0 changed, 4 unchanged" in out.getvalue()


def test_likely_duplicates_need_an_answer_from_the_command(lists, council_csv):
    call_command("import_register", council_csv(), stdout=StringIO())
    open_ones = Partnership.objects.exclude(status="closed")  # a closed one is read-only
    for partnership in open_ones:  # renamed since: very like the file's names, not the same
        Partnership.objects.filter(pk=partnership.pk).update(name=f"The {partnership.name} Board")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_register", council_csv(), stdout=out, stderr=err)
    assert "--duplicates same or different" in out.getvalue()
    assert "choose whether it is the same partnership or a different one" in err.getvalue()
    assert Partnership.objects.filter(name__startswith="The ").count() == 3
    call_command("import_register", council_csv(), "--duplicates", "same", stdout=out)
    assert Partnership.objects.count() == 4
    assert not Partnership.objects.filter(name__startswith="The ").exists()  # the existing ones, updated


def test_a_required_column_missing_with_no_default_says_which_option_gives_one(lists, tmp_path):
    path = tmp_path / "names.csv"
    path.write_bytes(csv_bytes([["Partnership"], ["Community Safety Partnership"]]))
    with pytest.raises(CommandError) as failed:
        call_command("import_register", str(path), "--dry-run", stdout=StringIO())
    assert "choose the columns that hold: Type, Statutory status, Lead directorate or service" in str(
        failed.value
    )
    assert "--default statutory_status=… --default partnership_type=… --default directorate=…" in str(
        failed.value
    )
    call_command(
        "import_register",
        str(path),
        "--default",
        "statutory_status=N",
        "--default",
        "Type=Public sector strategic",
        "--default",
        "directorate=COMM",
        stdout=StringIO(),
    )
    made = Partnership.objects.get()
    assert (made.reference, made.statutory_status, made.directorate.code) == (
        "P-0001",
        "non_statutory",
        "COMM",
    )
