"""`accord restore FILE`: rebuild an installation from a backup, all or nothing.

Before anything is touched the archive is checked: it must be an Accord backup whose database
version (applied migrations) is exactly this installation's, and every member must match its
checksum. The installation must be empty (see `in_use`) unless `replace` is given.

Then the uploaded files are unpacked into a staging folder inside MEDIA_ROOT, and in ONE
transaction the append-only guard is lifted, every table emptied, every row loaded (counts checked
against the manifest, foreign keys checked), sequences reset and the guard put back. A failure
anywhere rolls the transaction back, which also puts the guard back, and removes the staging
folder: the installation is as it was. Only after the commit are the staged files moved into place.
"""

import hashlib
import io
import logging
import os
import secrets
import shutil
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction

from accord.frameworks.loader import FILES_DIR, council_dir
from accord.kernel.audit import guard

from .backup import STAGING_PREFIX, upload_files
from .backup_archive import (
    CHUNK,
    HOUSEKEEPING_MODELS,
    Archive,
    BackupError,
    backed_up_models,
    describe_differences,
    label,
    migration_state,
    open_archive,
    safe_upload_path,
    unapplied_migrations,
)

logger = logging.getLogger(__name__)
ROWS_PER_INSERT = 500


@dataclass
class RestoreSummary:
    rows: int
    models: int
    uploads: int
    created_at: str
    warnings: list[str] = field(default_factory=list)


def in_use(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """What makes this installation not empty: rows beyond what migrations and housekeeping make
    (content types, permissions, the seeded partnership types, sessions, sign-in attempts, queued
    tasks), or any uploaded file."""
    found = []
    for model in backed_up_models(using):
        if label(model) in HOUSEKEEPING_MODELS:
            continue
        count = model._base_manager.using(using).count()
        if count:
            found.append(
                f"{count} {model._meta.verbose_name_plural if count > 1 else model._meta.verbose_name}"
            )
    uploads = upload_files(Path(settings.MEDIA_ROOT))
    if uploads:
        found.append(f"{len(uploads)} uploaded file{'s' if len(uploads) > 1 else ''}")
    return found


def check_database_version(archive: Archive, connection) -> None:
    waiting = unapplied_migrations(connection)
    if waiting:
        raise BackupError(
            f"This installation's database is not up to date ({len(waiting)} migrations not applied, "
            f"starting with {waiting[0]}). Run `accord migrate` first, then restore."
        )
    differences = describe_differences(archive.manifest.get("migrations") or {}, migration_state(connection))
    if differences:
        raise BackupError(
            "The backup was made with a different version of Accord's database "
            f"(Accord {archive.manifest.get('accord_version', 'unknown')}), so it was not restored:\n  "
            + "\n  ".join(differences)
            + "\nRestore it with the version of Accord that made it."
        )


def check_models(archive: Archive, using: str) -> list:
    here = {label(model): model for model in backed_up_models(using)}
    archived = archive.manifest["models"]
    unknown = ", ".join(sorted(set(archived) - set(here)))
    missing = ", ".join(sorted(set(here) - set(archived)))
    if unknown or missing:
        raise BackupError(
            "The backup does not hold the same kinds of record as this installation "
            f"(only in the backup: {unknown or 'none'}; only here: {missing or 'none'}), "
            "so it was not restored."
        )
    return [here[name] for name in archived]


def _empty_tables(connection) -> list[str]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Rows written earlier in this transaction must be checked now, or TRUNCATE refuses.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=False):
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    return tables


def _insert(model, objects: list, using: str) -> None:
    """Insert rows exactly as given, a batch per statement. `raw=True` is what loaddata's save()
    passes: values are stored as they are (auto_now timestamps are not renewed)."""
    fields = model._meta.concrete_fields
    size = max(1, min(ROWS_PER_INSERT, connections[using].ops.bulk_batch_size(fields, objects)))
    for start in range(0, len(objects), size):
        model._base_manager.using(using)._insert(
            objects[start : start + size], fields=fields, raw=True, using=using
        )


def _insert_links(model, links: dict[str, list], using: str) -> None:
    """Rows of the many-to-many tables Django makes itself (a user's groups, a risk's partners)."""
    for name, pairs in links.items():
        relation = model._meta.get_field(name)
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": pk, f"{target}_id": other}) for pk, others in pairs for other in others
        ]
        through._base_manager.using(using).bulk_create(rows, batch_size=ROWS_PER_INSERT)


def _load_model(archive: Archive, model, member: str, expected: int, using: str) -> int:
    count, batch, links = 0, [], defaultdict(list)
    with archive.open(member) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8")
        try:
            for item in serializers.deserialize("jsonl", text):
                if item.object.__class__ is not model:
                    raise BackupError(f"{member} holds a {label(item.object.__class__)} row.")
                batch.append(item.object)
                for name, others in (item.m2m_data or {}).items():
                    links[name].append((item.object.pk, others))
                count += 1
                if len(batch) >= ROWS_PER_INSERT:
                    _insert(model, batch, using)
                    batch = []
        except DeserializationError as exc:
            raise BackupError(f"A row in {member} cannot be loaded: {exc}") from exc
    _insert(model, batch, using)
    _insert_links(model, links, using)
    if count != expected:
        raise BackupError(f"{member} holds {count} rows but the manifest says {expected}.")
    return count


def _reset_sequences(connection) -> None:
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def load_database(archive: Archive, models: list, using: str) -> int:
    """Replace every row of the database with the archive's, in one transaction."""
    connection = connections[using]
    try:
        with transaction.atomic(using=using):
            guard.remove(connection)
            tables = _empty_tables(connection)
            rows = 0
            with connection.constraint_checks_disabled():
                for model in models:
                    entry = archive.manifest["models"][label(model)]
                    rows += _load_model(archive, model, entry["member"], int(entry["count"]), using)
            try:
                connection.check_constraints(table_names=tables)
            except IntegrityError as exc:
                raise BackupError(f"The backup's records do not fit together: {exc}") from exc
            _reset_sequences(connection)
            guard.install(connection)
    except DatabaseError as exc:
        raise BackupError(
            f"The database refused the backup's records, so nothing was changed: {exc}"
        ) from exc
    finally:
        ContentType.objects.clear_cache()
        # The rollback of a failed restore has already put the guard back; make certain of it.
        with suppress(DatabaseError):
            guard.install(connection)
    return rows


def stage_uploads(archive: Archive, media_root: Path) -> Path:
    """Unpack the archive's uploaded files into a new staging folder inside MEDIA_ROOT."""
    staging = media_root / f"{STAGING_PREFIX}{secrets.token_hex(8)}"
    try:
        staging.mkdir(parents=True)
        for member in archive.upload_members():
            target = staging / safe_upload_path(member)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with archive.open(member) as source, target.open("wb") as out:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != archive.members[member]["sha256"]:
                raise BackupError(f"{member} changed while it was being restored; nothing was changed.")
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"The uploaded files cannot be unpacked into {media_root}: {exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def place_uploads(staging: Path, media_root: Path) -> int:
    """Move the staged files into MEDIA_ROOT, removing any file the restored database does not know."""
    staged = {relative for _, relative in upload_files(staging)}
    for path, relative in upload_files(media_root):
        if relative not in staged:
            path.unlink()
    for relative in sorted(staged):
        target = media_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, target)
    shutil.rmtree(staging, ignore_errors=True)
    for folder, _, _ in sorted(os.walk(media_root), key=lambda entry: -len(entry[0])):
        if Path(folder) != media_root and not Path(folder).name.startswith(STAGING_PREFIX):
            with suppress(OSError):
                Path(folder).rmdir()  # only succeeds when empty
    return len(staged)


def framework_warnings(archive: Archive) -> list[str]:
    """Framework files that differ between the backup and this installation (never overwritten:
    bundled files are part of Accord's code, the council's own folder is the council's to manage; the
    backup keeps a copy of those it ran with). Each is compared with the file of the same name in the
    folder it came from (older backups, without `origin`, held only bundled files)."""
    warnings = []
    folder = council_dir()
    for entry in archive.manifest.get("frameworks", []):
        name = entry["member"].rsplit("/", 1)[-1]
        own = entry.get("origin") == "council"
        if own and folder is None:
            warnings.append(
                f"The backup holds the council's own framework file {name} ({entry['id']} "
                f"{entry['version']}), but ACCORD_FRAMEWORKS_DIR is not set here; the backup's copy "
                f"is in {entry['member']}."
            )
            continue
        here = (folder if own and folder is not None else FILES_DIR) / name
        where = "in the council's framework folder" if own else "here"
        archived = archive.members.get(entry["member"], {}).get("sha256")
        if not here.is_file():
            warnings.append(
                f"The framework {entry['id']} {entry['version']} in the backup is not installed {where}"
                f"{f' ({here})' if own else ''}."
            )
        elif hashlib.sha256(here.read_bytes()).hexdigest() != archived:
            warnings.append(
                f"The framework file {name} {where} differs from the one in the backup "
                f"({entry['id']} {entry['version']}); the backup's copy is in {entry['member']}."
            )
    return warnings


def restore_backup(path: Path, replace: bool = False, using: str = DEFAULT_DB_ALIAS) -> RestoreSummary:
    connection = connections[using]
    media_root = Path(settings.MEDIA_ROOT)
    with open_archive(Path(path)) as archive:
        check_database_version(archive, connection)
        models = check_models(archive, using)
        if not replace:
            found = in_use(using)
            if found:
                raise BackupError(
                    f"This installation is not empty (it has {', '.join(found[:5])}), so nothing was "
                    "restored. Restore into a new, migrated installation, or use --replace to delete "
                    "everything in this one and put the backup in its place."
                )
        archive.verify()
        staging = stage_uploads(archive, media_root)
        try:
            rows = load_database(archive, models, using)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        uploads = place_uploads(staging, media_root)
        logger.info("Restored %s rows and %s uploaded files from %s", rows, uploads, path)
        return RestoreSummary(
            rows=rows,
            models=len(models),
            uploads=uploads,
            created_at=str(archive.manifest.get("created_at", "")),
            warnings=framework_warnings(archive),
        )
