"""Evidence files: what may be uploaded (by extension and by content), and who may download them."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.domain.lifecycle import uploads
from accord.domain.lifecycle.models import ArtefactRecord, EvidenceFile
from accord.domain.lifecycle.recording import add_file
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def upload_url(partnership, slot="business_case"):
    return reverse("evidence-upload", args=[partnership.pk, slot])


def post_file(client, partnership, name, content, slot="business_case", **extra):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(upload_url(partnership, slot), {"file": upload, "description": "", **extra})


# Checking uploads --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("case.pdf", PDF, "application/pdf"),
        (
            "case.DOCX",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "application/msword"),
        ("notes.txt", "Minutes – agreed £5,000".encode(), "text/plain; charset=utf-8"),
        ("budget.csv", b"year,amount\n2025,5000\n", "text/csv; charset=utf-8"),
        ("chart.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, "image/png"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
    ],
    ids=["pdf", "docx", "doc", "txt", "csv", "png", "jpeg"],
)
def test_accepted_files_get_the_content_type_of_what_they_are(name, content, content_type):
    assert (
        uploads.check(SimpleUploadedFile(name, content, content_type="application/x-anything"))
        == content_type
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.pdf", EXE),
        ("virus.exe", EXE),
        ("case.docx", PDF),
        ("fake.docx", b"PK\x03\x04 not really a zip"),
        ("binary.txt", b"text\x00with a NUL"),
        ("latin1.csv", "caf\xe9".encode("latin-1")),
        ("script.html", b"<script>alert(1)</script>"),
        ("no-extension", PDF),
    ],
    ids=[
        "exe-named-pdf",
        "exe",
        "pdf-named-docx",
        "fake-zip",
        "nul-in-text",
        "not-utf8-csv",
        "html",
        "no-extension",
    ],
)
def test_files_whose_extension_or_content_is_wrong_are_refused(name, content):
    with pytest.raises(ValidationError) as refused:
        uploads.check(SimpleUploadedFile(name, content))
    assert refused.value.messages == [uploads.WRONG_KIND]


def test_the_size_limit_is_read_from_settings(settings):
    settings.ACCORD_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
    assert uploads.too_big_message() == "The selected file must be smaller than 20MB"
    settings.ACCORD_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as refused:
        uploads.check(SimpleUploadedFile("big.pdf", PDF + b" " * 1024))
    assert refused.value.messages == ["The selected file must be smaller than 1KB"]


# Uploading ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_officer_uploads_a_small_pdf_for_a_part(client, users, own_partnership):
    client.force_login(users["officer"])
    assert client.get(upload_url(own_partnership)).status_code == 200
    response = post_file(
        client, own_partnership, "eia.pdf", PDF, section="eight_points", description="EIA, March 2025"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("business-case", args=[own_partnership.pk])
    evidence = EvidenceFile.objects.get(partnership=own_partnership)
    assert (evidence.name, evidence.section, evidence.slot) == ("eia.pdf", "eight_points", "business_case")
    assert evidence.content_type == "application/pdf", "the type is worked out, not taken from the browser"
    assert evidence.size == len(PDF)
    assert evidence.uploaded_by == users["officer"]
    assert AuditEvent.objects.filter(partnership=own_partnership, reason="EIA, March 2025").exists()


@pytest.mark.django_db
def test_an_upload_makes_a_new_revision_of_its_record(client, users, own_partnership):
    client.force_login(users["officer"])
    record = ArtefactRecord.objects.create(
        partnership=own_partnership,
        slot="data_quality_charter",
        kind="other",
        title="Partnership data quality charter",
    )
    response = post_file(client, own_partnership, "charter.docx", docx_bytes(), slot="data_quality_charter")
    assert response["Location"] == reverse(
        "artefact-record", args=[own_partnership.pk, "data_quality_charter"]
    )
    record.refresh_from_db()
    assert record.revision == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.pdf", EXE, uploads.WRONG_KIND),
        ("empty.pdf", b"", "The selected file is empty"),
        ("big.pdf", PDF + b" " * 2048, "The selected file must be smaller than 2KB"),
    ],
    ids=["exe-named-pdf", "empty", "too-big"],
)
def test_a_bad_upload_is_refused_with_a_clear_message_and_nothing_stored(
    client, users, own_partnership, settings, name, content, message
):
    settings.ACCORD_UPLOAD_MAX_BYTES = 2048
    client.force_login(users["officer"])
    response = post_file(client, own_partnership, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'href="#id_file"' in response.content.decode()
    assert not EvidenceFile.objects.exists()


@pytest.mark.django_db
def test_no_file_chosen_asks_for_one(client, users, own_partnership):
    client.force_login(users["officer"])
    response = client.post(upload_url(own_partnership), {"description": "x"})
    assert "Select a file" in response.content.decode()
    assert not EvidenceFile.objects.exists()


@pytest.mark.django_db
def test_an_unknown_slot_is_not_found(client, users, own_partnership):
    client.force_login(users["officer"])
    assert client.get(upload_url(own_partnership, "no_such_slot")).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "approver", "partner"])
def test_only_those_who_can_change_the_partnership_upload(client, users, own_partnership, role):
    client.force_login(users[role])
    assert post_file(client, own_partnership, "case.pdf", PDF).status_code in (403, 404)
    assert not EvidenceFile.objects.exists()


@pytest.mark.django_db
def test_nothing_is_uploaded_to_a_closed_partnership(client, users, own_partnership):
    Partnership.objects.filter(pk=own_partnership.pk).update(status="closed")
    client.force_login(users["administrator"])
    assert post_file(client, own_partnership, "case.pdf", PDF).status_code == 403
    assert not EvidenceFile.objects.exists()


# Downloading -----------------------------------------------------------------------------------


def stored(user, partnership, name="case.pdf", content=PDF) -> EvidenceFile:
    upload = SimpleUploadedFile(name, content)
    upload.content_type = uploads.check(upload)
    return add_file(user, partnership, "business_case", upload, section="aims")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["administrator", "officer", "approver", "member", "auditor"])
def test_staff_download_a_file_as_an_attachment(client, users, own_partnership, role):
    evidence = stored(users["officer"], own_partnership, name="Board paper (final).pdf")
    client.force_login(users[role])
    response = client.get(reverse("evidence-file", args=[own_partnership.pk, evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Board paper (final).pdf" in response["Content-Disposition"]


@pytest.mark.django_db
def test_a_file_is_not_found_under_another_partnership(client, users, own_partnership, other_partnership):
    theirs = stored(users["administrator"], other_partnership)
    client.force_login(users["administrator"])
    assert client.get(reverse("evidence-file", args=[own_partnership.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("evidence-file", args=[other_partnership.pk, theirs.pk])).status_code == 200


@pytest.mark.django_db
def test_partners_cannot_download_evidence(client, users, own_partnership):
    evidence = stored(users["officer"], own_partnership)
    client.force_login(users["partner"])
    assert client.get(reverse("evidence-file", args=[own_partnership.pk, evidence.pk])).status_code in (
        403,
        404,
    )
