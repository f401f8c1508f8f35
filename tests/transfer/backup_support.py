"""Helpers for the backup and restore tests: a picture of the whole installation, and archives
rewritten the ways a damaged or foreign backup would differ."""

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction

from accord.domain.lifecycle.models import EvidenceFile
from accord.kernel.audit import guard

EVIDENCE_BYTES = b"%PDF-1.4\n% the signed partnership agreement\n" + bytes(range(256)) * 64


def every_row() -> dict[str, list[dict]]:
    """Every row of every model, serialised, in primary-key order."""
    return {
        model._meta.label_lower: serializers.serialize("python", model._base_manager.order_by("pk"))
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def every_upload() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def upload_evidence(
    partnership, name: str = "agreement.pdf", content: bytes = EVIDENCE_BYTES
) -> EvidenceFile:
    evidence = EvidenceFile(
        partnership=partnership,
        slot="agreement",
        name=name,
        content_type="application/pdf",
        size=len(content),
        uploaded_by_name="Olive Officer",
    )
    evidence.file.save(name, ContentFile(content), save=False)
    evidence.save()
    return evidence


def history_can_be_changed() -> bool:
    """Whether the database lets an audit event be changed (it must not)."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("UPDATE audit_auditevent SET actor_name = 'Someone else'")
    except DatabaseError:
        return False
    return True


def guard_triggers() -> set[str]:
    query = {
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query)
        names = {name for (name,) in cursor.fetchall()}
    return {table for table in guard.tables() if any(name.startswith(table) for name in names)}


def rewrite(
    source: Path,
    target: Path,
    members: dict[str, Callable[[bytes], bytes]] | None = None,
    manifest: Callable[[dict], None] | None = None,
    add: dict[str, bytes] | None = None,
    recompute: bool = False,
) -> Path:
    """A copy of a backup with some members changed, the manifest edited, members added; with
    `recompute`, the manifest's checksums are made to match (an archive that is consistent but wrong)."""
    members, add = members or {}, add or {}
    with zipfile.ZipFile(source) as old:
        data = json.loads(old.read("manifest.json"))
        contents = {name: old.read(name) for name in old.namelist() if name != "manifest.json"}
    for name, change in members.items():
        contents[name] = change(contents[name])
    contents.update(add)
    if recompute:
        for name, content in contents.items():
            data["members"][name] = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    if manifest:
        manifest(data)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as new:
        for name, content in contents.items():
            new.writestr(name, content)
        new.writestr("manifest.json", json.dumps(data))
    return target
