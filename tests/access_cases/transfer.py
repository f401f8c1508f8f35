"""Access-test URL cases for accord.outputs.transfer (see tests/access_cases/__init__.py)."""

from django.urls import reverse

from tests.transfer.helpers import PARTNERSHIP_HEADERS, partnership_row, xlsx


def cases(world) -> list[tuple[str, str, object]]:
    from accord.outputs.transfer import runs

    content = xlsx({"Partnerships": [PARTNERSHIP_HEADERS, partnership_row("IMP-01", "Imported")]})
    run = runs.start(None, "register.xlsx", content)
    return [
        ("transfer", reverse("transfer"), None),
        ("transfer-export", reverse("transfer-export", args=["xlsx"]), None),
        ("transfer-export", reverse("transfer-export", args=["csv"]), None),
        ("transfer-upload", reverse("transfer-upload"), None),
        ("transfer-columns", reverse("transfer-columns", args=[run.pk]), None),
        ("transfer-preview", reverse("transfer-preview", args=[run.pk]), None),
        ("transfer-result", reverse("transfer-result", args=[run.pk]), None),
    ]
