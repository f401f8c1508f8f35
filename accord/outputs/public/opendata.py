"""The open data: the published register as CSV and JSON, streamed a chunk at a time.

Each chunk of partnerships (queries.row_chunks) is written out before the next is read, so a download
of any size holds one chunk in memory. The JSON writes the public records (records.build); the CSV
(accord.outputs.public.csvfile) writes the same values as `csv_cells` below defines them, straight from rows.
"""

import json
from collections.abc import Callable, Iterator
from datetime import datetime

from django.conf import settings

from accord.frameworks.schema import Framework
from accord.kernel.ui.spreadsheet import neutralise

from . import queries, records
from .csvfile import SEPARATOR, csv_stream
from .fields import COLUMN_NAMES, COLUMNS, REPRESENTATIVE_LABELS

__all__ = ["csv_cells", "csv_stream", "json_stream", "metadata"]

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
UPDATE_FREQUENCY = "Continuous: each download is made from the live register when it is requested."
LIST_COLUMNS = ("partners", "council_representatives", "council_contribution", "latest_report")


def _named(name: str, detail: str | None) -> str:
    return f"{name} ({detail})" if detail else name


_LISTS = {name: COLUMN_NAMES.index(name) for name in LIST_COLUMNS}


def csv_cells(record: dict) -> list:
    """A record as CSV cells, in the declared column order (a record's keys are in that order);
    lists are joined with "; "; text a spreadsheet could take for a formula neutralised. The csv
    module writes None as an empty cell. This defines the CSV: csvfile.csv_stream writes the same
    cells without building records (tested)."""
    cells = list(record.values())
    cells[_LISTS["partners"]] = SEPARATOR.join(_named(p["name"], p["org_id"]) for p in record["partners"])
    cells[_LISTS["council_representatives"]] = SEPARATOR.join(
        _named(r["name"], REPRESENTATIVE_LABELS[r["role"]]) for r in record["council_representatives"]
    )
    cells[_LISTS["council_contribution"]] = SEPARATOR.join(
        f"{c['financial_year']}: {c['amount']}" for c in record["council_contribution"]
    )
    report = record["latest_report"]
    cells[_LISTS["latest_report"]] = f"{report['period_start']}/{report['period_end']}" if report else None
    return [neutralise(cell) for cell in cells]


def _timestamp(value: datetime | None) -> str | None:
    return records.timestamp(value)


def json_stream(
    page_url: Callable[[str], str], updated: datetime | None, about: str, *, framework: Framework
) -> Iterator[str]:
    """One JSON object: what the dataset is, then its partnerships as an array, written as read."""
    head = {
        "dataset": "partnerships",
        "title": f"{settings.COUNCIL_NAME}: published register of partnerships",
        "publisher": settings.COUNCIL_NAME,
        "licence": LICENCE,
        "last_updated": _timestamp(updated),
        "documentation": about,
        "columns": list(COLUMN_NAMES),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "partnerships": ['
    names = records.report_names(framework)
    first = True
    for rows in queries.row_chunks():
        chunk = ",\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in records.build(rows, page_url, names, framework=framework)
        )
        yield ("\n" if first else ",\n") + chunk
        first = False
    yield "\n]}\n"


def metadata(urls: dict[str, str], updated: datetime | None, count: int) -> dict:
    """A small machine-readable description of the datasets: where they are, licence, last update."""
    return {
        "publisher": settings.COUNCIL_NAME,
        "licence": LICENCE,
        "last_updated": _timestamp(updated),
        "update_frequency": UPDATE_FREQUENCY,
        "documentation": urls["about"],
        "datasets": [
            {
                "name": "partnerships",
                "title": "Published register of partnerships",
                "description": f"The partnerships {settings.COUNCIL_NAME} takes part in and has published: "
                "their purpose, partners, the council's role, representatives and contribution, how "
                "they are governed and how to complain.",
                "records": count,
                "last_updated": _timestamp(updated),
                "licence": LICENCE,
                "identifier": "reference",
                "organisation_identifiers": "org-id (https://org-id.guide)",
                "distributions": [
                    {"format": "CSV", "media_type": "text/csv", "url": urls["csv"]},
                    {"format": "JSON", "media_type": "application/json", "url": urls["json"]},
                ],
                "columns": [{"name": c.name, "type": c.type, "meaning": c.meaning} for c in COLUMNS],
            }
        ],
    }
