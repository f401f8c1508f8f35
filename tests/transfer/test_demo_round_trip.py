"""The demo council's register, exported and imported again, changes nothing: no new, changed or
unchanged-but-refused rows, no problems, and a second import of the same file is as quiet (issue 18).
The demo's aims end in a line break (YAML block text), which no spreadsheet cell keeps: an import
compares text as it reads it back, so that is not a change."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command

from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer import export
from accord.outputs.transfer.commit import commit
from accord.outputs.transfer.mapping import suggested
from accord.outputs.transfer.plan import build
from accord.outputs.transfer.plan_model import as_read_back
from accord.outputs.transfer.reading import read
from accord.register.models import Partnership


def nothing_changes(plan) -> None:
    assert [str(p) for p in plan.problems] == []
    assert not plan.new_organisations and not plan.new_people and not plan.person_updates
    changed = {
        sheet: (counted["created"], counted["updated"])
        for sheet, counted in plan.counts().items()
        if counted["created"] or counted["updated"]
    }
    assert changed == {}


def test_exporting_the_demo_register_and_importing_it_again_changes_nothing(db):
    call_command("demo", stdout=StringIO())
    assert Partnership.objects.filter(aims_objectives__endswith="\n").exists()  # what used to differ
    content = export.workbook_bytes(framework=loader.current())
    book = read("register.xlsx", content)

    plan = build("register.xlsx", book, suggested(book))
    nothing_changes(plan)
    assert plan.counts()["Partnerships"]["unchanged"] == Partnership.objects.count()
    with zipfile.ZipFile(io.BytesIO(export.zip_bytes(framework=loader.current()))) as archive:
        partnerships_csv = read("partnerships.csv", archive.read("partnerships.csv"))
    nothing_changes(build("partnerships.csv", partnerships_csv, suggested(partnerships_csv)))

    events = AuditEvent.objects.count()
    versions = dict(Partnership.objects.values_list("pk", "version"))
    nothing_changes(commit(None, "register.xlsx", book, suggested(book)))
    nothing_changes(build("register.xlsx", book, suggested(book)))  # and again: idempotent
    assert AuditEvent.objects.count() == events
    assert dict(Partnership.objects.values_list("pk", "version")) == versions


@pytest.mark.parametrize(
    ("stored", "read_back"),
    [
        ("Aims\n", "Aims"),
        ("  Aims  ", "Aims"),
        ("Line one\r\nline two", "Line one\nline two"),
        ("=SUM(A1)", "=SUM(A1)"),  # exported with an apostrophe, which the import takes off
        ("'=SUM(A1)", "'=SUM(A1)"),  # the council's own apostrophe stays
        ("Bell\x07 inside", "Bell inside"),
    ],
)
def test_text_the_register_holds_is_compared_as_its_export_reads_back(stored, read_back):
    assert as_read_back(stored) == read_back


def test_text_that_really_differs_is_still_a_change():
    assert as_read_back("Aims\n") != "Other aims"
    assert as_read_back("'=SUM(A1)") != "=SUM(A1)"  # the apostrophe was the council's own
