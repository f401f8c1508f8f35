"""A restore that cannot be trusted is refused with a plain message and changes nothing."""

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accord.kernel.audit import guard
from accord.outputs.transfer.backup_archive import BackupError, open_archive
from accord.register.models import Partnership
from tests import factories as f

from .backup_support import every_row, every_upload, guard_triggers, rewrite, upload_evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@pytest.fixture
def archive(own_partnership, other_partnership, media, tmp_path):
    """A backup of a small register with one uploaded file; the installation then carries on."""
    upload_evidence(own_partnership)
    path = tmp_path / "accord.zip"
    call_command("backup", str(path), stdout=StringIO())
    f.PartnershipFactory(name="Made after the backup", reference="LATE-01")
    return path


def refused(path, *args) -> str:
    rows, files = every_row(), every_upload()
    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(path), *args, stdout=StringIO(), stderr=StringIO())
    assert every_row() == rows, "a refused restore changed the database"
    assert every_upload() == files, "a refused restore changed the uploaded files"
    assert guard_triggers() == set(guard.tables())
    return str(refusal.value)


def test_restoring_over_an_installation_in_use_needs_replace(archive):
    message = refused(archive)
    assert "not empty" in message and "partnerships" in message and "--replace" in message


def test_a_tampered_archive_is_refused(archive, tmp_path):
    tampered = rewrite(
        archive,
        tmp_path / "tampered.zip",
        members={"database/register.partnership.jsonl": lambda data: data.replace(b"Chorley", b"Charley")},
    )
    assert "does not match its checksums" in refused(tampered, "--replace")


def test_an_archive_with_an_extra_file_is_refused(archive, tmp_path):
    extra = rewrite(archive, tmp_path / "extra.zip", add={"uploads/planted.exe": b"MZ"})
    assert "does not list" in refused(extra, "--replace")


def test_an_archive_from_a_different_database_version_is_refused(archive, tmp_path):
    def older(manifest):
        manifest["migrations"]["register"] = manifest["migrations"]["register"][:-1]

    other = rewrite(archive, tmp_path / "older.zip", manifest=older)
    message = refused(other, "--replace")
    assert "different version" in message and "register: the backup is at" in message


def test_a_consistent_archive_that_fails_to_load_leaves_everything_as_it_was(archive, tmp_path):
    """The last record cannot be loaded (it points at a partnership that does not exist): the
    installation, emptied and half-loaded inside the transaction, is rolled back whole."""

    def dangling(data: bytes) -> bytes:
        lines = data.splitlines()
        row = json.loads(lines[-1])
        row["fields"]["partnership"] = 999999
        return b"\n".join([*lines[:-1], json.dumps(row).encode()]) + b"\n"

    broken = rewrite(
        archive,
        tmp_path / "broken.zip",
        members={"database/register.membership.jsonl": dangling},
        recompute=True,
    )
    assert "do not fit together" in refused(broken, "--replace")
    assert Partnership.objects.filter(reference="LATE-01").exists()
    assert not list((tmp_path / "uploads").glob(".accord-restore-*")), "the staging folder was left behind"


def test_an_archive_with_a_file_outside_the_uploads_folder_is_refused(archive, tmp_path):
    escaping = rewrite(archive, tmp_path / "escape.zip", add={"uploads/../../evil.txt": b"x"}, recompute=True)
    assert "unsafe name" in refused(escaping, "--replace")
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "not a zip archive"),
        (b"name,reference\nCSP,CSP-01\n", "not a zip archive"),
        (b"PK\x03\x04 truncated", "not a zip archive"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_clearly(db, media, tmp_path, content, expected):
    path = tmp_path / "register.zip"
    path.write_bytes(content)
    assert expected in refused(path)


def test_a_zip_that_is_not_a_backup_is_refused_clearly(db, media, tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as opened:
        opened.writestr("holiday.jpg", b"\xff\xd8\xff")
    assert "has no manifest.json" in refused(path)


def test_a_missing_backup_file_is_refused_clearly(db, media, tmp_path):
    assert "There is no file" in refused(tmp_path / "nowhere.zip")


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=400))
def test_any_bytes_either_open_as_a_backup_or_are_refused_with_a_message(tmp_path, content):
    path = tmp_path / "random.zip"
    path.write_bytes(content)
    with pytest.raises(BackupError):
        open_archive(path).close()
