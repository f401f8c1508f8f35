"""The open-data CSV, streamed a chunk of partnerships at a time and written without detours.

A download of 100,000 partnerships writes about 2.8 million cells, so this path skips what costs per
cell or per row elsewhere: the partnership rows go from the database's tuples (queries.row_chunks,
dates already ISO text) straight to lines, with no record dicts in between; each partnership's lists
(partners, representatives, contribution) are joined into their cells once; and cells are quoted by
`cell` below, which writes what `csv.writer` writes (default dialect) at a third of its cost. Text
that a spreadsheet could take for a formula is neutralised first (`accord.kernel.ui.spreadsheet`): a cell
is passed to `neutralise` only when its first character is one that might need it.

The lines are the CSV form of the public records (records.build, which feeds the JSON and the pages)
as `opendata.csv_cells` defines it; tests check that for a register and `cell` against csv.writer.
"""

from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter

from accord.kernel.ui.spreadsheet import MAY_NEED_GUARD, neutralise

from . import queries, records
from .fields import COLUMN_NAMES, REPRESENTATIVE_LABELS

BOM = "\ufeff"  # so spreadsheet programs read the CSV as UTF-8
SEPARATOR = "; "  # between the items of a list column
LINE_END = "\r\n"  # csv.writer's

_AT = {key: n for n, key in enumerate(queries.ROW_KEYS)}
# The partnership values of the columns before the list columns (reference .. council_role) and of
# those between the lists and latest_report (start_date .. complaints_url), in column order.
_HEAD = itemgetter(
    *(
        _AT[key]
        for key in (
            "reference",
            "name",
            "description",
            "purpose",
            "partnership_type__name",
            "status",
            "statutory_status",
            "statutory_basis",
            "themes",
            "geographical_area",
            "client_groups",
            "lead_organisation__name",
            "lead_organisation__org_id",
            "accountable_body__name",
            "accountable_body__org_id",
            "council_role",
        )
    )
)
_TAIL = itemgetter(
    *(
        _AT[key]
        for key in (
            "start_on",
            "end_on",
            "governance_summary",
            "accountable_to",
            "complaints_procedure",
            "complaints_url",
        )
    )
)
_ID, _REFERENCE, _CHANGED = _AT["id"], _AT["reference"], _AT["changed_at"]


def cell(value: str | None) -> str:
    """One cell as csv.writer (QUOTE_MINIMAL) writes it in a row of several, after `neutralise`:
    empty for None or blank, in double quotes (doubled inside) when it holds a comma, a double quote
    or a line break."""
    if not value:
        return ""
    if value[0] in MAY_NEED_GUARD:
        value = neutralise(value)
    if '"' in value or "," in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def line(cells: Iterable[str | None]) -> str:
    """A row of several cells as csv.writer writes it (neutralised), line end included."""
    return ",".join(map(cell, cells)) + LINE_END


def _list_cells(ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """The list columns' cells of the partnerships `ids` by id, and their latest reports."""
    partners, people, money, reports = records.related(ids)
    partner_cells = {
        pk: SEPARATOR.join([f"{name} ({org_id})" if org_id else name for _, name, org_id, _ in rows])
        for pk, rows in partners.items()
    }
    people_cells = {
        pk: SEPARATOR.join([f"{name} ({REPRESENTATIVE_LABELS[role]})" for _, name, role in rows])
        for pk, rows in people.items()
    }
    money_cells = {
        pk: SEPARATOR.join(
            [f"{records.financial_year(year)}: {records.money_text(total)}" for _, year, total in rows]
        )
        for pk, rows in money.items()
    }
    return partner_cells, people_cells, money_cells, reports


def _period(report: dict | None) -> str | None:
    if report is None:
        return None
    return f"{records.date_text(report['period_start'])}/{records.date_text(report['period_end'])}"


def csv_stream(page_url: Callable[[str], str]) -> Iterator[str]:
    """The CSV: a byte-order mark and the header, then one piece of text per chunk of partnerships."""
    yield BOM + line(COLUMN_NAMES)
    head, tail, quoted = _HEAD, _TAIL, cell
    for rows in queries.row_chunks():
        partner_cells, people_cells, money_cells, reports = _list_cells([row[_ID] for row in rows])
        out = []
        for row in rows:
            pk = row[_ID]
            cells = (
                *head(row),
                partner_cells.get(pk),
                people_cells.get(pk),
                money_cells.get(pk),
                *tail(row),
                _period(reports.get(pk)),
                page_url(row[_REFERENCE]),
                row[_CHANGED],
            )
            out.append(",".join(map(quoted, cells)))
        out.append("")  # a line end after the last row too
        yield LINE_END.join(out)
