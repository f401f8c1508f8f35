"""A restore that really commits, as `accord restore` does on a live database.

The other backup tests run inside the test's transaction, where the restore's transaction is a
savepoint. Here the rows are committed, so Django empties the database after each test; the
append-only history triggers would refuse that, so they are lifted before the flush and put back
after it. Like tests/reminders/test_worker.py, the module carries no ``django_db`` mark: a mark
makes pytest-django set its database fixture up first and so flush last, after the guard is back.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from accord.kernel.audit import guard
from accord.register.models import Partnership
from tests import factories as f

from .backup_support import (
    every_row,
    every_upload,
    guard_triggers,
    history_can_be_changed,
    rewrite,
    upload_evidence,
)


@pytest.fixture
def guard_restored(django_db_blocker):
    """Set up before Django's database fixture, so torn down after its flush."""
    yield
    with django_db_blocker.unblock():
        guard.install(connection)


@pytest.fixture
def committed(guard_restored, transactional_db, settings, tmp_path):
    """The demo council and an uploaded agreement, committed."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    call_command("demo", stdout=StringIO())
    upload_evidence(Partnership.objects.order_by("pk").first())
    yield
    guard.remove(connection)


def test_a_committed_restore_brings_everything_back_and_keeps_history_append_only(committed, tmp_path):
    rows, files = every_row(), every_upload()
    archive = tmp_path / "accord.zip"
    call_command("backup", str(archive), stdout=StringIO())
    f.PartnershipFactory(name="Made after the backup", reference="LATE-01")

    call_command("restore", str(archive), "--replace", stdout=StringIO(), stderr=StringIO())

    connection.close()  # a fresh connection sees only what was committed
    assert every_row() == rows
    assert every_upload() == files
    assert not history_can_be_changed()
    assert f.PartnershipFactory(name="After the restore", reference="NEW-01").pk > max(
        row["pk"] for row in rows["register.partnership"]
    )


def test_a_committed_restore_that_fails_changes_nothing(committed, tmp_path):
    archive = tmp_path / "accord.zip"
    call_command("backup", str(archive), stdout=StringIO())
    rows = every_row()
    broken = tmp_path / "broken.zip"
    rewrite(
        archive,
        broken,
        members={
            "database/register.membership.jsonl": lambda data: data.replace(
                b'"partnership": ', b'"partnership": 9'
            )
        },
        recompute=True,
    )
    with pytest.raises(CommandError, match="do not fit together"):
        call_command("restore", str(broken), "--replace", stdout=StringIO(), stderr=StringIO())

    connection.close()
    assert every_row() == rows
    assert guard_triggers() == set(guard.tables())


def test_the_history_triggers_are_back_for_the_next_test(db):
    """Runs after the committed tests in this module: the guard must be in force again."""
    assert guard_triggers() == set(guard.tables())
