"""`accord import_register FILE [--dry-run]`: the same preview and problems, non-zero exit on problems."""

import json

import pytest
from django.core.management import CommandError, call_command

from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership

from .helpers import PARTNERSHIP_HEADERS, partnership_row, xlsx


@pytest.fixture
def spreadsheet(tmp_path):
    def make(*rows, headers=PARTNERSHIP_HEADERS):
        path = tmp_path / "register.xlsx"
        path.write_bytes(xlsx({"Partnerships": [headers, *rows]}))
        return str(path)

    return make


def test_a_dry_run_prints_the_preview_and_writes_nothing(lists, spreadsheet, capsys):
    path = spreadsheet(
        partnership_row("A-1", "One"), partnership_row("A-2", "Two", **{"Lead organisation": "New Org"})
    )
    call_command("import_register", path, "--dry-run")
    out = capsys.readouterr().out
    assert "Partnerships: 2 new, 0 changed, 0 unchanged" in out
    assert "Organisations that would be created (1): New Org" in out
    assert "Dry run: nothing was written." in out
    assert not Partnership.objects.exists() and not AuditEvent.objects.exists()


def test_problems_exit_non_zero_and_write_nothing(lists, spreadsheet, capsys):
    path = spreadsheet(
        partnership_row("A-1", "One"), partnership_row("A-2", "Two", **{"Start date": "32/01/2024"})
    )
    with pytest.raises(CommandError) as failed:
        call_command("import_register", path)
    assert failed.value.returncode == 2
    assert 'Partnerships sheet, row 3: Start date "32/01/2024" must be a real date' in capsys.readouterr().err
    assert not Partnership.objects.exists()


def test_the_import_writes_with_a_mapping_file(lists, spreadsheet, tmp_path):
    headers = [*PARTNERSHIP_HEADERS[:1], "Called", *PARTNERSHIP_HEADERS[2:]]
    path = spreadsheet(partnership_row("A-1", "One"), headers=headers)
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"Partnerships": {"Called": "name"}}))
    with pytest.raises(CommandError, match="choose the columns that hold: Name"):
        call_command("import_register", path)
    call_command("import_register", path, "--mapping", str(mapping))
    assert Partnership.objects.get().name == "One"
    assert AuditEvent.objects.filter(reason="Imported from register.xlsx").exists()


def test_a_failure_while_writing_is_a_message_not_a_traceback(lists, spreadsheet, monkeypatch):
    from accord.outputs.transfer import commit as commit_module

    def fail(partnership_ids):
        raise ValueError("the database went away")

    monkeypatch.setattr(commit_module, "partnerships_changed", fail)
    with pytest.raises(
        CommandError, match="The import failed and nothing was written: the database went away"
    ):
        call_command("import_register", spreadsheet(partnership_row("A-1", "One")))
    assert not Partnership.objects.exists()
