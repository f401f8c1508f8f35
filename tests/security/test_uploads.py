"""Uploaded files: checked by what they contain (not their name or claimed type) and by size, kept
under MEDIA_ROOT outside the static files, and served only to those whose role allows, as a
download the browser will not sniff or run."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.domain.lifecycle import uploads
from accord.domain.lifecycle.models import EvidenceFile
from accord.domain.lifecycle.recording import add_file
from accord.outputs.transfer.models import ImportRun

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


def stored(user, partnership, name="case.pdf", content=PDF) -> EvidenceFile:
    upload = SimpleUploadedFile(name, content)
    upload.content_type = uploads.check(upload)
    return add_file(user, partnership, "business_case", upload, section="aims")


@pytest.mark.parametrize(
    ("name", "content", "claimed"),
    [
        ("report.pdf", EXE, "application/pdf"),
        ("report.pdf", HTML, "application/pdf"),
        ("picture.svg", SVG, "image/svg+xml"),
        ("page.html", HTML, "text/html"),
        ("sheet.xlsx", b"PK\x03\x04" + EXE, "application/vnd.ms-excel"),
    ],
    ids=["exe-claiming-pdf", "html-claiming-pdf", "svg-with-script", "html", "broken-zip"],
)
def test_evidence_whose_content_is_not_what_it_claims_is_refused(name, content, claimed):
    with pytest.raises(uploads.ValidationError):
        uploads.check(SimpleUploadedFile(name, content, content_type=claimed))


@pytest.mark.django_db
def test_a_refused_evidence_upload_leaves_no_file_behind(client, users, own_partnership):
    client.force_login(users["officer"])
    before = sorted(Path(settings.MEDIA_ROOT).rglob("*"))
    response = client.post(
        reverse("evidence-upload", args=[own_partnership.pk, "business_case"]),
        {"file": SimpleUploadedFile("minutes.pdf", EXE, content_type="application/pdf"), "description": ""},
    )
    assert response.status_code == 200 and uploads.WRONG_KIND in response.content.decode()
    assert not EvidenceFile.objects.exists()
    assert sorted(Path(settings.MEDIA_ROOT).rglob("*")) == before


@pytest.mark.django_db
def test_evidence_is_kept_outside_the_static_files_and_has_no_public_address(client, users, own_partnership):
    evidence = stored(users["officer"], own_partnership)
    path = Path(evidence.file.path).resolve()
    assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    assert all(not path.is_relative_to(Path(d).resolve()) for d in settings.STATICFILES_DIRS)
    client.force_login(users["administrator"])
    assert client.get("/static/" + evidence.file.name).status_code == 404
    assert client.get("/uploads/" + evidence.file.name).status_code == 404
    assert client.get("/" + evidence.file.name).status_code == 404


@pytest.mark.django_db
def test_evidence_is_downloaded_as_an_attachment_the_browser_will_not_sniff(client, users, own_partnership):
    evidence = stored(users["officer"], own_partnership, name="notes.txt", content=b"<b>minutes</b>")
    client.force_login(users["member"])
    response = client.get(reverse("evidence-file", args=[own_partnership.pk, evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_partner_of_another_organisation_cannot_find_the_evidence(client, users, other_partnership):
    evidence = stored(users["administrator"], other_partnership)
    client.force_login(users["partner"])
    assert client.get(reverse("evidence-file", args=[other_partnership.pk, evidence.pk])).status_code == 404


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in_not_to_the_file(client, users, own_partnership):
    evidence = stored(users["officer"], own_partnership)
    response = client.get(reverse("evidence-file", args=[own_partnership.pk, evidence.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("sign-in"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("register.csv", EXE, "The selected CSV file is not text"),
        ("register.xlsx", EXE, "The selected file is not a real Excel workbook"),
        ("register.xlsx", b"PK\x03\x04" + EXE, "could not be opened as an Excel workbook"),
        ("register.html", HTML, "must be an Excel workbook (.xlsx) or a CSV file"),
    ],
    ids=["exe-named-csv", "exe-named-xlsx", "broken-zip-xlsx", "html"],
)
def test_an_import_whose_content_is_not_a_spreadsheet_is_refused_and_nothing_is_kept(
    client, users, name, content, message
):
    client.force_login(users["administrator"])
    response = client.post(
        reverse("transfer-upload"), {"file": SimpleUploadedFile(name, content, content_type="text/csv")}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_an_import_over_the_size_limit_is_refused(client, users, settings):
    settings.ACCORD_IMPORT_MAX_BYTES = 1024
    client.force_login(users["administrator"])
    big = SimpleUploadedFile("register.csv", b"name\n" + b"a" * 2048, content_type="text/csv")
    response = client.post(reverse("transfer-upload"), {"file": big})
    assert "The selected file must be smaller than" in response.content.decode()
    assert not ImportRun.objects.exists()
