"""Access-test URL cases for outputs.public (see tests/access_cases/__init__.py): the published register
and open data are for anyone, signed in or not."""

from django.urls import reverse

from tests import factories as f


def cases(world) -> list[tuple[str, str, object]]:
    published = f.PartnershipFactory(
        name="Published Access Partnership", reference="PUB-ACCESS", is_published=True
    )
    return [
        ("public-register", reverse("public-register"), None),
        ("public-register", reverse("public-register") + "?q=access&status=active", None),
        ("public-partnership", reverse("public-partnership", args=[published.reference]), None),
        ("public-data", reverse("public-data"), None),
        ("public-data-csv", reverse("public-data-csv"), None),
        ("public-data-json", reverse("public-data-json"), None),
        ("public-data-metadata", reverse("public-data-metadata"), None),
    ]
