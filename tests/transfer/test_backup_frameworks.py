"""A backup keeps the council's own framework files apart from Accord's bundled ones, and a restore
compares each with the file of the same name in the folder it came from."""

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command

from accord.frameworks import loader

from .backup_support import rewrite

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_folder(settings, tmp_path):
    """The council's own folder holding its framework, under the name of a bundled file too."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    folder = tmp_path / "council-frameworks"
    folder.mkdir()
    text = (loader.FILES_DIR / "chorley.yaml").read_text(encoding="utf-8")
    (folder / "chorley.yaml").write_text(text.replace("id: chorley", "id: chorley_own", 1), encoding="utf-8")
    settings.ACCORD_FRAMEWORKS_DIR = str(folder)
    return folder


def _backup(tmp_path):
    archive = tmp_path / "accord.zip"
    call_command("backup", str(archive), stdout=StringIO())
    return archive


def _notes(archive) -> str:
    notes = StringIO()
    call_command("restore", str(archive), "--replace", stdout=StringIO(), stderr=notes)
    return notes.getvalue()


def test_the_councils_own_files_are_backed_up_apart_from_the_bundled_ones(
    own_partnership, council_folder, tmp_path
):
    archive = _backup(tmp_path)
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        names = set(opened.namelist())
    entries = {entry["member"]: entry for entry in manifest["frameworks"]}
    assert entries["frameworks/council/chorley.yaml"]["origin"] == "council"
    assert entries["frameworks/council/chorley.yaml"]["id"] == "chorley_own"
    assert entries["frameworks/chorley.yaml"]["origin"] == "bundled"
    assert {"frameworks/council/chorley.yaml", "frameworks/chorley.yaml"} <= names


def test_a_restore_compares_the_councils_file_with_the_councils_folder(
    own_partnership, council_folder, tmp_path
):
    archive = _backup(tmp_path)
    assert "chorley" not in _notes(archive)  # the same files here: nothing to say
    (council_folder / "chorley.yaml").write_text(
        (council_folder / "chorley.yaml").read_text(encoding="utf-8") + "\n# edited since\n", encoding="utf-8"
    )
    notes = _notes(archive)
    assert "chorley.yaml in the council's framework folder differs from the one in the backup" in notes
    assert "frameworks/council/chorley.yaml" in notes
    assert "The framework file chorley.yaml here differs" not in notes  # the bundled file is unchanged


def test_a_restore_says_when_the_councils_file_is_missing_or_its_folder_unset(
    own_partnership, council_folder, settings, tmp_path
):
    archive = _backup(tmp_path)
    (council_folder / "chorley.yaml").unlink()
    assert (
        "The framework chorley_own 1.0 in the backup is not installed in the council's framework folder"
        in (_notes(archive))
    )
    settings.ACCORD_FRAMEWORKS_DIR = ""
    assert "ACCORD_FRAMEWORKS_DIR is not set here" in _notes(archive)


def test_an_older_backup_without_origins_is_compared_with_the_bundled_files(
    own_partnership, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    archive = _backup(tmp_path)

    def older(manifest):
        for entry in manifest["frameworks"]:
            entry.pop("origin")

    edited = rewrite(
        archive,
        tmp_path / "older.zip",
        members={"frameworks/bury.yaml": lambda data: data + b"\n# edited locally\n"},
        manifest=older,
        recompute=True,
    )
    notes = _notes(edited)
    assert "bury.yaml here differs from the one in the backup" in notes
    assert "chorley" not in notes
