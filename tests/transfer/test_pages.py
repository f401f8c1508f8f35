"""The import pages: upload, map, check and import; export downloads."""

import pytest
from django.urls import reverse

from accord.outputs.transfer.models import ColumnMapping, ImportRun
from accord.register.models import Partnership

from .helpers import PARTNERSHIP_HEADERS, csv_bytes, partnership_row, xlsx


@pytest.fixture
def signed_in(client, admin):
    client.force_login(admin)
    return client


def upload(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("transfer-upload"), {"file": SimpleUploadedFile(name, content)})


def test_an_administrator_uploads_maps_checks_and_imports(signed_in):
    headers = ["Code", *PARTNERSHIP_HEADERS[1:]]
    content = csv_bytes([headers, partnership_row("A-1", "One")])
    response = upload(signed_in, "register.csv", content)
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("transfer-columns", args=[run.pk])
    page = signed_in.get(response["Location"]).content.decode()
    assert "Field for the Partnerships column “Code”" in page

    fields = {
        f"partnerships-{i}": key for i, key in enumerate(["reference", *run.mapping["Partnerships"][1:]])
    }
    response = signed_in.post(reverse("transfer-columns", args=[run.pk]), fields)
    assert response["Location"] == reverse("transfer-preview", args=[run.pk])
    assert ColumnMapping.objects.get().mapping[0] == "reference"  # remembered for next time

    page = signed_in.get(response["Location"]).content.decode()
    assert "What the import would do" in page and "Import the register" in page
    assert not Partnership.objects.exists()
    response = signed_in.post(reverse("transfer-preview", args=[run.pk]))
    assert response["Location"] == reverse("transfer-result", args=[run.pk])
    assert Partnership.objects.get().reference == "A-1"
    run.refresh_from_db()
    assert run.outcome == "imported" and run.counts["Partnerships"]["created"] == 1
    assert run.content == b"" or bytes(run.content) == b""
    assert "Register imported" in signed_in.get(response["Location"]).content.decode()


def test_the_preview_lists_row_problems_and_offers_no_import_button(signed_in):
    content = xlsx(
        {"Partnerships": [PARTNERSHIP_HEADERS, partnership_row("A-1", "One", Type="Joint venture")]}
    )
    upload(signed_in, "register.xlsx", content)
    run = ImportRun.objects.get()
    page = signed_in.get(reverse("transfer-preview", args=[run.pk])).content.decode()
    assert "Problems to fix in the spreadsheet" in page
    assert "Type &#34;Joint venture&#34; is not one of the council" in page or "Joint venture" in page
    assert "Import the register" not in page
    response = signed_in.post(reverse("transfer-preview", args=[run.pk]))
    assert response.status_code == 200 and not Partnership.objects.exists()
    run.refresh_from_db()
    assert run.outcome == "refused" and run.problems == 1


def test_a_wrong_kind_of_file_is_refused_on_the_upload_page(signed_in):
    response = upload(signed_in, "register.pdf", b"%PDF-1.4")
    assert response.status_code == 200
    assert "must be an Excel workbook (.xlsx) or a CSV file (.csv)" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_an_auditor_downloads_the_register_but_cannot_import(client, lists):
    from tests import factories as f

    client.force_login(f.make_user("auditor"))
    response = client.get(reverse("transfer-export", args=["xlsx"]))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert client.get(reverse("transfer-upload")).status_code == 403
    assert "Import a spreadsheet" not in client.get(reverse("transfer")).content.decode()
