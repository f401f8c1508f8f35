"""`accord backup FILE`: the whole installation in one zip archive (layout in backup_archive).

Rows are read inside one transaction, so the archive is one consistent moment of the database
(on PostgreSQL a repeatable-read snapshot; on SQLite writers wait until the backup has been read).
Each model is streamed to its own member a chunk of rows at a time, so the register is never held
whole in memory. The archive is written next to FILE under a temporary name and moved into place
only when it is complete, so a failed backup never leaves half an archive or harms an older one.
"""

import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.core import serializers
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import Model

from accord.frameworks.loader import FILES_DIR, framework_paths
from accord.kernel import clock

from .backup_archive import (
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    FRAMEWORKS,
    MANIFEST,
    UPLOADS,
    BackupError,
    ExactJSONEncoder,
    HashingWriter,
    backed_up_models,
    label,
    member_for,
    migration_state,
    unapplied_migrations,
)

STAGING_PREFIX = ".accord-restore-"  # restore's staging folders inside MEDIA_ROOT, never backed up
ROWS_PER_QUERY = 2000
TOP_LEVEL = re.compile(r"""^(id|version):[ \t]*["']?([^"'\n#]*?)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)


@dataclass
class BackupSummary:
    path: Path
    rows: int
    models: int
    uploads: int
    frameworks: int
    size: int


def accord_version() -> str:
    try:
        return metadata.version("accord")
    except metadata.PackageNotFoundError:
        return "unknown"


def _counted(objects: Iterator[Model], counter: list[int]) -> Iterator[Model]:
    for obj in objects:
        counter[0] += 1
        yield obj


def _write_model(archive: zipfile.ZipFile, model: type[Model], using: str) -> tuple[dict, int]:
    queryset = model._base_manager.using(using).order_by("pk")
    counter = [0]
    with archive.open(member_for(model), "w", force_zip64=True) as raw:
        hashing = HashingWriter(raw)
        text = io.TextIOWrapper(io.BufferedWriter(hashing, CHUNK), encoding="utf-8", newline="\n")
        rows = _counted(queryset.iterator(chunk_size=ROWS_PER_QUERY), counter)
        serializers.serialize("jsonl", rows, stream=text, cls=ExactJSONEncoder)
        text.flush()
        text.detach().detach()
    return hashing.entry(), counter[0]


def _write_file(archive: zipfile.ZipFile, source: Path, member: str) -> dict:
    with source.open("rb") as handle, archive.open(member, "w", force_zip64=True) as raw:
        hashing = HashingWriter(raw)
        while chunk := handle.read(CHUNK):
            hashing.write(chunk)
    return hashing.entry()


def upload_files(media_root: Path) -> list[tuple[Path, str]]:
    """Every uploaded file under MEDIA_ROOT with its path there (restore's staging folders left out)."""
    if not media_root.is_dir():
        return []
    found = []
    for folder, dirnames, filenames in os.walk(media_root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(STAGING_PREFIX))
        for filename in sorted(filenames):
            path = Path(folder) / filename
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(media_root).as_posix()))
    return found


def _framework_entry(path: Path) -> dict[str, Any]:
    """The framework's id and version, read from the file's top-level `id:` and `version:` lines,
    and where it came from: Accord's bundled files or the council's own folder (ACCORD_FRAMEWORKS_DIR),
    whose files are kept apart in the archive (a council's file may share a bundled file's name)."""
    found = dict(TOP_LEVEL.findall(path.read_text(encoding="utf-8")))
    origin = "bundled" if path.parent == FILES_DIR else "council"
    return {
        "member": f"{FRAMEWORKS}{path.name}" if origin == "bundled" else f"{FRAMEWORKS}council/{path.name}",
        "id": found.get("id", path.stem),
        "version": found.get("version", ""),
        "origin": origin,
    }


@contextmanager
def _snapshot(connection) -> Iterator[None]:
    """A transaction that sees one moment of the database."""
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=connection.alias):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _write_archive(target: zipfile.ZipFile, using: str) -> dict[str, Any]:
    connection = connections[using]
    members: dict[str, dict] = {}
    models: dict[str, dict] = {}
    with _snapshot(connection):
        state = migration_state(connection)
        for model in backed_up_models(using):
            entry, count = _write_model(target, model, using)
            members[member_for(model)] = entry
            models[label(model)] = {"member": member_for(model), "count": count}
    uploads = upload_files(Path(settings.MEDIA_ROOT))
    for source, relative in uploads:
        members[UPLOADS + relative] = _write_file(target, source, UPLOADS + relative)
    frameworks = [_framework_entry(path) for path in framework_paths()]
    for path, entry in zip(framework_paths(), frameworks, strict=True):
        members[entry["member"]] = _write_file(target, path, entry["member"])
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "accord_version": accord_version(),
        "django_version": django.get_version(),
        "created_at": clock.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": state,
        "models": models,
        "uploads": {"files": len(uploads), "bytes": sum(members[UPLOADS + r]["size"] for _, r in uploads)},
        "frameworks": frameworks,
        "members": members,
    }


def create_backup(path: Path, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Write the backup to `path`; refuses to replace an existing file unless `force`."""
    path = Path(path)
    waiting = unapplied_migrations(connections[using])
    if waiting:
        raise BackupError(
            f"The database is not up to date with this version of Accord ({len(waiting)} migrations not "
            f"applied, starting with {waiting[0]}). Back up with the version of Accord that last ran "
            "`accord migrate` on it, or migrate first."
        )
    if path.is_dir():
        raise BackupError(f"{path} is a folder. Give the name of the backup file to write.")
    if path.exists() and not force:
        raise BackupError(f"{path} already exists. Choose another name, or use --force to replace it.")
    if not path.parent.is_dir():
        raise BackupError(f"There is no folder {path.parent} to write the backup in.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as exc:
        raise BackupError(f"The backup cannot be written in {path.parent}: {exc.strerror}.") from exc
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as target:
            manifest = _write_archive(target, using)
            target.writestr(MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise BackupError(f"The backup could not be written to {path}: {exc.strerror or exc}.") from exc
    except DatabaseError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise BackupError(f"The database could not be read, so no backup was written: {exc}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return BackupSummary(
        path=path,
        rows=sum(m["count"] for m in manifest["models"].values()),
        models=len(manifest["models"]),
        uploads=manifest["uploads"]["files"],
        frameworks=len(manifest["frameworks"]),
        size=path.stat().st_size,
    )
