"""The backup archive's layout, its manifest, and checking an archive before anything is restored.

A backup is one zip file (ADR 0015):

    manifest.json                          what is inside, and the sha256 of every other member
    database/<app>.<model>.jsonl           every row of every backed-up model, one JSON object a line
    uploads/<path>                         every uploaded file, at its path under MEDIA_ROOT
    frameworks/<id>.yaml                   the framework files the installation ran with

`open_archive` refuses anything that is not such a file, and `Archive.verify` refuses an archive
whose members do not match their checksums, so nothing is touched until the whole archive is known
to be intact.
"""

import datetime
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.db.migrations.loader import MigrationLoader
from django.db.models import Model

FORMAT = "accord-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database/"
UPLOADS = "uploads/"
FRAMEWORKS = "frameworks/"
CHUNK = 1024 * 1024

# Sign-ins are not carried over: a restored installation starts with everyone signed out.
EXCLUDED_MODELS = frozenset({"sessions.session"})

# Rows a freshly migrated installation already has, or that it makes on its own before anyone uses
# it (sign-in attempts, queued reminder runs). They do not make an installation "in use"; a
# restore replaces them with the archive's rows all the same.
HOUSEKEEPING_MODELS = frozenset(
    {
        "contenttypes.contenttype",
        "auth.permission",
        "register.partnershiptype",
        "sessions.session",
        "axes.accessattempt",
        "axes.accessfailurelog",
        "axes.accesslog",
        "django_tasks_db.dbtaskresult",
    }
)


class BackupError(Exception):
    """A problem the person running the command can understand and act on."""


def label(model: type[Model]) -> str:
    return model._meta.label_lower


def backed_up_models(using: str = "default") -> list[type[Model]]:
    """Every concrete, managed model of every installed app that lives in this database."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and label(model) not in EXCLUDED_MODELS
        and router.allow_migrate_model(using, model)
    ]


def member_for(model: type[Model]) -> str:
    return f"{DATABASE}{label(model)}.jsonl"


def migration_state(connection) -> dict[str, list[str]]:
    """The migrations applied to this database, by app (apps with migrations only)."""
    loader = MigrationLoader(connection)
    applied = loader.applied_migrations or {}
    state: dict[str, list[str]] = {}
    for app_label, name in sorted(loader.graph.nodes):
        if (app_label, name) in applied:
            state.setdefault(app_label, []).append(name)
    return state


def unapplied_migrations(connection) -> list[str]:
    loader = MigrationLoader(connection)
    applied = loader.applied_migrations or {}
    return sorted(f"{app}.{name}" for app, name in loader.graph.nodes if (app, name) not in applied)


def describe_differences(archived: dict[str, list[str]], here: dict[str, list[str]]) -> list[str]:
    """Plain-words lines saying where the archive's database version differs from this one."""
    lines = []
    for app_label in sorted(set(archived) | set(here)):
        then, now = archived.get(app_label, []), here.get(app_label, [])
        if then == now:
            continue
        lines.append(
            f"{app_label}: the backup is at {then[-1] if then else 'no migrations'}, "
            f"this installation is at {now[-1] if now else 'no migrations'}"
        )
    return lines


def safe_upload_path(member: str) -> PurePosixPath:
    """The path under MEDIA_ROOT an uploads/ member goes to; refuses anything that could escape it."""
    relative = PurePosixPath(member[len(UPLOADS) :])
    if (
        not relative.parts
        or relative.is_absolute()
        or ".." in relative.parts
        or "\\" in member
        or ":" in relative.parts[0]
    ):
        raise BackupError(f"The backup holds a file with an unsafe name ({member}), so it was not restored.")
    return relative


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, except that times keep their microseconds (Django's rounds them to
    milliseconds, which would change every timestamp a restore brings back)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class HashingWriter(io.RawIOBase):
    """A binary stream that passes bytes on and keeps their sha256 and count."""

    def __init__(self, target: IO[bytes]):
        self.target = target
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        view = memoryview(data)
        self.target.write(view)
        self.digest.update(view)
        self.size += len(view)
        return len(view)

    def entry(self) -> dict[str, Any]:
        return {"sha256": self.digest.hexdigest(), "size": self.size}


@dataclass
class Archive:
    path: Path
    zip: zipfile.ZipFile
    manifest: dict[str, Any]

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def members(self) -> dict[str, dict[str, Any]]:
        return self.manifest["members"]

    def upload_members(self) -> list[str]:
        return sorted(name for name in self.members if name.startswith(UPLOADS))

    def open(self, member: str) -> IO[bytes]:
        return self.zip.open(member)

    def verify(self) -> None:
        """Every member is listed, every listed member is there, and each matches its checksum."""
        present = {info.filename for info in self.zip.infolist() if not info.is_dir()} - {MANIFEST}
        listed = set(self.members)
        if present - listed:
            extra = ", ".join(sorted(present - listed)[:3])
            raise BackupError(
                f"{self.path} has files its manifest does not list ({extra}): "
                "it has been altered since it was made, so it was not restored."
            )
        if listed - present:
            missing = ", ".join(sorted(listed - present)[:3])
            raise BackupError(
                f"{self.path} is missing files its manifest lists ({missing}): "
                "it is incomplete, so it was not restored."
            )
        for name in sorted(listed):
            if name.startswith(UPLOADS):
                safe_upload_path(name)
            digest = hashlib.sha256()
            try:
                with self.zip.open(name) as member:
                    while chunk := member.read(CHUNK):
                        digest.update(chunk)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise BackupError(f"{self.path} is damaged ({name} cannot be read: {exc}).") from exc
            if digest.hexdigest() != self.members[name]["sha256"]:
                raise BackupError(
                    f"{self.path} does not match its checksums ({name} has changed since the backup "
                    "was made), so it was not restored."
                )


def open_archive(path: Path) -> Archive:
    """Open a backup and read its manifest; refuses files that are not Accord backups."""
    if not path.exists():
        raise BackupError(f"There is no file at {path}.")
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{path} is not an Accord backup: it is not a zip archive.") from exc
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except KeyError:
        archive.close()
        raise BackupError(f"{path} is not an Accord backup: it has no {MANIFEST}.") from None
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
        archive.close()
        raise BackupError(f"{path} is not an Accord backup: its {MANIFEST} cannot be read.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        archive.close()
        raise BackupError(f"{path} is not an Accord backup: its {MANIFEST} is not an Accord manifest.")
    if manifest.get("format_version") != FORMAT_VERSION:
        archive.close()
        raise BackupError(
            f"{path} was written in backup format {manifest.get('format_version')!r}; this version of "
            f"Accord reads format {FORMAT_VERSION}."
        )
    if not isinstance(manifest.get("members"), dict) or not isinstance(manifest.get("models"), dict):
        archive.close()
        raise BackupError(f"{path} is not an Accord backup: its {MANIFEST} is incomplete.")
    return Archive(path=path, zip=archive, manifest=manifest)
