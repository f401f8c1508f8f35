"""Checking uploaded evidence files: by extension AND by what the file actually contains.

A file is accepted only when its extension is one Accord keeps (PDF, Word, Excel, OpenDocument,
text, CSV, PNG, JPEG) and its first bytes match that kind of file, so an executable renamed
`.pdf` is refused. The content type stored and served back is the one worked out here, never the
one the browser claimed.
"""

import codecs
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

WRONG_KIND = "The selected file must be a PDF, Word, Excel, OpenDocument, text, CSV, PNG or JPEG file"
EMPTY = "The selected file is empty"
NO_FILE = "Select a file"

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _head(upload: UploadedFile, size: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _is_pdf(upload: UploadedFile) -> bool:
    return _head(upload, 5) == b"%PDF-"


def _is_zip_document(upload: UploadedFile) -> bool:
    if not _head(upload, 4) == ZIP:
        return False
    try:
        upload.seek(0)
        return zipfile.is_zipfile(upload)
    finally:
        upload.seek(0)


def _is_ole(upload: UploadedFile) -> bool:
    return _head(upload, 8) == OLE


def _is_png(upload: UploadedFile) -> bool:
    return _head(upload, 8) == b"\x89PNG\r\n\x1a\n"


def _is_jpeg(upload: UploadedFile) -> bool:
    return _head(upload, 3) == b"\xff\xd8\xff"


def _is_text(upload: UploadedFile) -> bool:
    """UTF-8 throughout, with no NUL bytes (which no text file has, and most binaries do)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


# extension -> (content type served back, signature check)
KINDS: dict[str, tuple[str, Callable[[UploadedFile], bool]]] = {
    "pdf": ("application/pdf", _is_pdf),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _is_zip_document),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _is_zip_document),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _is_zip_document),
    "odt": ("application/vnd.oasis.opendocument.text", _is_zip_document),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", _is_zip_document),
    "doc": ("application/msword", _is_ole),
    "xls": ("application/vnd.ms-excel", _is_ole),
    "txt": ("text/plain; charset=utf-8", _is_text),
    "csv": ("text/csv; charset=utf-8", _is_text),
    "png": ("image/png", _is_png),
    "jpg": ("image/jpeg", _is_jpeg),
    "jpeg": ("image/jpeg", _is_jpeg),
}


def size_text(size: int) -> str:
    """A byte limit in words: 20MB, 512KB, 100 bytes."""
    mb, kb = 1024 * 1024, 1024
    if size >= mb and size % mb == 0:
        return f"{size // mb}MB"
    if size >= kb and size % kb == 0:
        return f"{size // kb}KB"
    return f"{size:,} bytes"


def too_big_message() -> str:
    return f"The selected file must be smaller than {size_text(settings.ACCORD_UPLOAD_MAX_BYTES)}"


def check(upload: UploadedFile) -> str:
    """The content type of an acceptable upload; raises ValidationError (GOV.UK wording) otherwise."""
    if not upload.size:
        raise ValidationError(EMPTY, code="empty")
    if upload.size > settings.ACCORD_UPLOAD_MAX_BYTES:
        raise ValidationError(too_big_message(), code="too_big")
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    kind = KINDS.get(extension)
    if kind is None or not kind[1](upload):
        raise ValidationError(WRONG_KIND, code="wrong_kind")
    return kind[0]


class EvidenceFileField(forms.FileField):
    """A file upload checked by `check`; the cleaned file carries the content type worked out."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.error_messages.update(
            {
                "required": NO_FILE,
                "empty": EMPTY,
                "invalid": NO_FILE,
                "missing": NO_FILE,
                "max_length": "The selected file's name must be 200 characters or fewer",
            }
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.content_type = check(upload)
        return upload
