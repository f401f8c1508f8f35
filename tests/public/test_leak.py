"""THE LEAK TEST: every public page and download, rendered from a register full of private data,
shows the public values and none of the private ones (issue 7: "only fields marked public appear")."""

import pytest
from django.urls import reverse

from accord.outputs.public.fields import COLUMN_NAMES
from accord.outputs.public.views.data import partnerships_csv  # noqa: F401  (the views under test)

pytestmark = pytest.mark.django_db


def body(response) -> str:
    assert response.status_code == 200, response
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def every_public_output(client, register) -> dict[str, str]:
    """Every public page and download: the list, searches and filters, every detail page, the data
    page, the CSV, JSON and metadata, and the accessibility statement."""
    pages = {
        "list": reverse("public-register"),
        "search": reverse("public-register") + "?q=riverside",
        "filtered": reverse("public-register") + "?status=active&council_role=lead&sort=-updated",
        "data page": reverse("public-data"),
        "csv": reverse("public-data-csv"),
        "json": reverse("public-data-json"),
        "metadata": reverse("public-data-metadata"),
        "accessibility": reverse("accessibility"),
    }
    outputs = {name: body(client.get(url)) for name, url in pages.items()}
    listed = outputs["list"]
    for reference in sorted(set(__import__("re").findall(r"/public/partnerships/([^/\"]+)/", listed))):
        outputs[f"page {reference}"] = body(client.get(reverse("public-partnership", args=[reference])))
    return outputs


def test_no_private_value_appears_on_any_public_page_or_download(client, leaky_register):
    outputs = every_public_output(client, leaky_register)
    assert "page PUB-01" in outputs, "the published partnership's page was not reached from the list"
    leaks = [
        f"{what} ({sentinel}) appears in {name}"
        for name, text in outputs.items()
        for what, sentinel in leaky_register.private.items()
        if sentinel.lower() in text.lower()
    ]
    assert not leaks, "\n".join(leaks)


def test_the_public_values_do_appear_on_the_page_and_in_both_downloads(client, leaky_register):
    outputs = every_public_output(client, leaky_register)
    for name in ("page PUB-01", "csv", "json"):
        expected = {
            k: v for k, v in leaky_register.public.items() if not (name == "csv" and k == "latest report")
        }
        missing = [what for what, sentinel in expected.items() if sentinel not in outputs[name]]
        assert not missing, f"{name} lacks {missing}"
    assert ",2025-04-03/2025-09-30," in outputs["csv"]  # the CSV gives the latest published report's period
    assert "£12,345.67" in outputs["page PUB-01"]  # 2025/26: officer time costed plus a grant
    assert "2025/26: 12345.67; 2024/25: 9000.00" in outputs["csv"]


def test_signed_in_staff_see_the_same_public_pages_as_anyone(client, leaky_register, users):
    client.force_login(users["administrator"])
    outputs = every_public_output(client, leaky_register)
    leaks = [
        (what, name)
        for name, text in outputs.items()
        if name != "accessibility"  # shown to staff with the staff header
        for what, sentinel in leaky_register.private.items()
        if sentinel.lower() in text.lower()
    ]
    assert not leaks


def test_unpublished_and_draft_stage_partnerships_have_no_public_page(client, leaky_register):
    for hidden in leaky_register.hidden:
        response = client.get(reverse("public-partnership", args=[hidden.reference]))
        assert response.status_code == 404, hidden.status


@pytest.mark.parametrize(
    "word",
    ["Zunpublished", "Zdraftstage", "PRIVDRAFTPROPOSED", "PRIVUNPUBDESC", "Quietwater"],
)
def test_searching_for_a_hidden_partnership_finds_nothing(client, leaky_register, word):
    page = body(client.get(reverse("public-register"), {"q": word}))
    assert "No partnerships found" in page


def test_searching_finds_nothing_by_words_from_private_fields(client, leaky_register):
    """The search index holds only public fields: a private word does not reveal who holds it."""
    for word in ("PRIVINSURANCE", "PRIVEXITSTRATEGY", "PRIVVISION", "Privdirectoratename", "PRIVRISKTITLE"):
        page = body(client.get(reverse("public-register"), {"q": word}))
        assert "No partnerships found" in page, word


def test_the_downloads_list_only_the_published_partnership(client, leaky_register):
    import csv
    import io
    import json

    rows = list(csv.DictReader(io.StringIO(body(client.get(reverse("public-data-csv"))).lstrip("\ufeff"))))
    assert [r["reference"] for r in rows] == ["PUB-01"]
    data = json.loads(body(client.get(reverse("public-data-json"))))
    assert [p["reference"] for p in data["partnerships"]] == ["PUB-01"]
    assert list(rows[0]) == list(COLUMN_NAMES)


def test_the_private_sentinels_are_really_there_for_staff(client, leaky_register, users):
    """The leak test would catch a leak: staff pages do show the private values it looks for."""
    client.force_login(users["administrator"])
    p = leaky_register.published
    staff_page = body(client.get(reverse("partnership", args=[p.pk])))
    for sentinel in ("PRIVINSURANCE", "PRIVEXITSTRATEGY", "Privcontribofficer", "Privdirectoratename"):
        assert sentinel in staff_page


def test_a_reference_in_lower_case_finds_the_published_page_and_never_a_hidden_one(client, leaky_register):
    response = client.get(reverse("public-partnership", args=["pub-01"]))
    assert response.status_code == 301
    assert response["Location"] == reverse("public-partnership", args=["PUB-01"])
    for hidden in leaky_register.hidden:
        lower = client.get(reverse("public-partnership", args=[hidden.reference.lower()]))
        assert lower.status_code == 404, hidden.status
