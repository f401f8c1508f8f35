"""Backing up the whole installation and restoring it: the round trip loses nothing.

These tests run inside the test's transaction: the restore's own transaction becomes a savepoint,
so everything it does (lifting the history guard, emptying the tables, loading) is rolled back at
the end. test_backup_committed.py runs a restore that really commits.
"""

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

from accord.kernel.audit import guard
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer.backup_archive import HOUSEKEEPING_MODELS, backed_up_models
from accord.register.models import Organisation, Partnership
from tests import factories as f

from .backup_support import (
    EVIDENCE_BYTES,
    every_row,
    every_upload,
    guard_triggers,
    history_can_be_changed,
    rewrite,
    upload_evidence,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo_council(media):
    """The demo council, an uploaded agreement, and a group holding permissions."""
    call_command("demo", stdout=StringIO())
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Governance team")
    group.permissions.set(Permission.objects.order_by("pk")[:3])
    f.make_user("auditor", username="audrey").groups.add(group)
    upload_evidence(Partnership.objects.order_by("pk").first())
    return Partnership.objects.count()


def backup(path, *args) -> str:
    out = StringIO()
    call_command("backup", str(path), *args, stdout=out)
    return out.getvalue()


def restore(path, *args) -> str:
    out = StringIO()
    call_command("restore", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def empty_the_installation(media) -> None:
    """What a new, migrated installation holds: only the rows migrations make, no uploaded files."""
    keep = {
        model._meta.db_table for model in backed_up_models() if model._meta.label_lower in HOUSEKEEPING_MODELS
    }
    tables = [t for t in connection.introspection.django_table_names(only_existing=True) if t not in keep]
    guard.remove(connection)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in connection.ops.sql_flush(no_style(), tables):
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    guard.install(connection)
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_a_backup_restored_over_a_changed_installation_brings_back_everything_exactly(
    demo_council, media, tmp_path
):
    rows_before, files_before = every_row(), every_upload()
    archive = tmp_path / "accord.zip"
    assert "Backed up" in backup(archive)

    # Life goes on after the backup: a new partnership, an edited file, a stray upload.
    f.PartnershipFactory(name="Made after the backup", reference="LATE-01")
    Organisation.objects.filter(pk=Organisation.objects.order_by("pk").first().pk).update(name="Renamed")
    (media / next(iter(files_before))).write_bytes(b"overwritten")
    (media / "stray.txt").write_bytes(b"not in the backup")

    assert "Restored" in restore(archive, "--replace")

    assert every_row() == rows_before
    assert every_upload() == files_before
    assert EVIDENCE_BYTES in files_before.values()
    assert not history_can_be_changed()
    assert guard_triggers() == set(guard.tables())


def test_a_backup_restores_into_a_new_empty_installation(demo_council, media, tmp_path):
    rows_before, files_before = every_row(), every_upload()
    archive = tmp_path / "accord.zip"
    backup(archive)
    empty_the_installation(media)
    assert not Partnership.objects.exists() and not every_upload()

    restore(archive)

    assert every_row() == rows_before
    assert every_upload() == files_before
    assert not history_can_be_changed()
    # New records carry on from the restored ones (sequences reset on PostgreSQL).
    newest = Organisation.objects.aggregate(Max("pk"))["pk__max"]
    assert f.OrganisationFactory(name="After the restore").pk > newest
    assert Partnership.objects.count() == demo_council


def test_the_archive_lists_what_it_holds_with_checksums(demo_council, tmp_path):
    archive = tmp_path / "accord.zip"
    backup(archive)
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        names = set(opened.namelist())
    assert manifest["format"] == "accord-backup"
    assert manifest["database_vendor"] == connection.vendor
    assert manifest["accord_version"] and manifest["created_at"]
    assert "0001_initial" in manifest["migrations"]["register"]
    assert manifest["models"]["register.partnership"]["count"] == demo_council
    assert manifest["models"]["accounts.user"]["count"] >= 2
    assert manifest["models"]["audit.auditevent"]["count"] == AuditEvent.objects.count()
    assert "sessions.session" not in manifest["models"]
    assert manifest["uploads"]["files"] == 1
    assert {entry["id"] for entry in manifest["frameworks"]} >= {"chorley", "bury"}
    assert names == set(manifest["members"]) | {"manifest.json"}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["members"].values())
    assert any(name.startswith("uploads/partnerships/") for name in names)


def test_a_backup_will_not_overwrite_an_existing_file_unless_forced(db, media, tmp_path):
    archive = tmp_path / "accord.zip"
    archive.write_bytes(b"last week's backup")
    with pytest.raises(CommandError, match="already exists.*--force"):
        backup(archive)
    assert archive.read_bytes() == b"last week's backup"

    backup(archive, "--force")
    assert zipfile.is_zipfile(archive)
    assert [p.name for p in tmp_path.iterdir()] == ["accord.zip"]  # no partial file left behind


def test_a_backup_into_a_missing_folder_is_refused_clearly(db, media, tmp_path):
    with pytest.raises(CommandError, match="There is no folder"):
        backup(tmp_path / "no-such-folder" / "accord.zip")


def test_a_restore_notes_framework_files_that_differ_from_the_backups(own_partnership, media, tmp_path):
    archive = tmp_path / "accord.zip"
    backup(archive)
    edited = rewrite(
        archive,
        tmp_path / "edited.zip",
        members={"frameworks/chorley.yaml": lambda data: data + b"\n# edited locally\n"},
        recompute=True,
    )
    notes = StringIO()
    call_command("restore", str(edited), "--replace", stdout=StringIO(), stderr=notes)
    assert "chorley.yaml here differs from the one in the backup" in notes.getvalue()
    assert "bury" not in notes.getvalue()
