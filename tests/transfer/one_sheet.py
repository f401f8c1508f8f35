"""A council's own one-sheet register, as the landing tests import it: the register's required columns
under the council's headings, and the columns that land in other records (issue 18)."""

from datetime import timedelta
from typing import Any

from accord.kernel import clock
from accord.outputs.transfer.reading import read

from .helpers import PARTNERSHIP_HEADERS, csv_bytes, guessed_mapping, partnership_row

EXTRA_HEADERS = [
    "Lead Officer",
    "Council Contribution",
    "In-kind support",
    "Partner organisations",
    "Governance document",
    "Date of last review",
    "Risk register?",
    "Comments",
    "Key partnership",
]


def reviewed_on():
    """A last review well before today, the go-live day of an empty register."""
    return clock.today() - timedelta(days=400)


def extra(**given: Any) -> list[Any]:
    values = {header: "" for header in EXTRA_HEADERS}
    values.update({k.replace("_", " "): v for k, v in given.items()})
    return [values[h] for h in EXTRA_HEADERS]


def row(reference: str, name: str, extras: dict[str, Any] | None = None, **overrides: Any) -> list[Any]:
    return partnership_row(reference, name, **overrides) + extra(**(extras or {}))


def register(*rows: list[Any], headers: list[str] | None = None, name: str = "register.csv"):
    content = csv_bytes([headers or PARTNERSHIP_HEADERS + EXTRA_HEADERS, *rows])
    book = read(name, content)
    return book, guessed_mapping(book)


def full_row() -> list[Any]:
    return row(
        "CSP-01",
        "Community Safety Partnership",
        {
            "Lead Officer": "  jane   SMITH ",
            "Council Contribution": "£12,500",
            "In-kind support": "Meeting rooms and minute-taking",
            "Partner organisations": (
                "Lancashire Constabulary; BID Company Ltd (GB-COH-11223344)\n"
                "Chorley Council and Lancashire Fire and Rescue Service"
            ),
            "Governance document": "Terms of Reference 2019",
            "Date of last review": reviewed_on().strftime("%d/%m/%Y"),
            "Risk register?": "Y",
            "Comments": "Meets quarterly at the town hall.",
            "Key partnership": "Yes",
        },
    )
