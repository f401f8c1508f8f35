"""Users see a citation as the council's document title and section, never the seed file name
(issue 16): an administrator's pages, and the annual report's Word download, under each framework."""

import io
import re
import zipfile

import pytest
from django.urls import reverse

from accord.frameworks import citations, loader
from accord.outputs.api.tokens import create_token
from tests import factories as f

SEED_FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def test_a_citation_reads_as_the_councils_document_title():
    chorley = loader.get("chorley")
    assert citations.display("003_6cf6fd1a73ee76f7.txt Monitoring and review arrangements", chorley) == (
        "Key Partnerships Framework, Monitoring and review arrangements"
    )
    assert citations.display("001_c825c913872835d1.txt App 10", loader.get("bury")) == (
        "Code of Practice for Partnerships, App 10"
    )
    # another council's document is not Chorley's: its clause is left out, never shown (ADR 0027)
    assert citations.display("004_0d99c29b5f1d20f0.txt 7", chorley) == ""


def _text(response) -> str:
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return response.content.decode("utf-8", "replace")


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_no_page_shows_a_seed_file_name(client, users, own_partnership, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    own_partnership.start_date = "2025-01-01"
    own_partnership.save()
    f.RoleFactory(partnership=own_partnership)
    client.force_login(users["administrator"])
    pk = own_partnership.pk
    pages = [
        reverse("partnership", args=[pk]),
        reverse("cycle", args=[pk]),
        reverse("risks", args=[pk]),
        reverse("risk-library", args=[pk]),
        reverse("compliance"),
        reverse("my-work"),
        reverse("partnership-create"),
        reverse("council-risks"),
        reverse("reports"),
        reverse("report", args=["annual"]),
        reverse("report-download", args=["annual", "docx"]),
        reverse("classify-start"),
        reverse("transfer-export", args=["csv"]),
    ]
    shown = {}
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        found = SEED_FILE.findall(_text(response))
        if found:
            shown[page] = sorted(set(found))
    _, secret = create_token(users["administrator"], "citations")
    for path in (f"/api/v1/partnerships/{pk}/obligations", "/api/v1/obligations"):
        response = client.get(path, headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 200, path
        found = SEED_FILE.findall(_text(response))
        if found:
            shown[path] = sorted(set(found))
    assert shown == {}
