#!/usr/bin/env python
"""Benchmark: reading the 10,000-row import workbook, Accord's reader against openpyxl (issue 18).

    .venv/bin/python bench/xlsx_reader.py
    .venv/bin/python bench/xlsx_reader.py --rows 10000 --runs 7

Builds the workbook bench/imports.py imports (10,000 partnerships, 37 columns, text stored inline
as openpyxl writes it, dates as Excel dates and as dd/mm/yyyy text) in memory, then times, in this
process, each run reading every row of the Partnerships sheet:

  reader     accord.outputs.transfer.reading.read: the package check, python-calamine, the
             header row, blank rows and columns (what an import costs before any row is parsed);
  calamine   the package check and python-calamine alone (XlsxBook.rows);
  openpyxl   openpyxl's public read-only API (load_workbook(read_only=True, data_only=True),
             iter_rows(values_only=True, max_col=120)), the reader's fallback and oracle.

Prints the median CPU seconds (time.process_time, so waiting for a busy machine's CPU does not
count) of each, the ratio of openpyxl's to the others', and the load average before and after.
No target: figures go to docs/performance.md.
"""

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["Public sector strategic", "Community and voluntary", "Joint venture", "Shared service"]
DIRECTORATES = ["Communities", "Place", "People", "Corporate"]


def cpu_seconds(work: Callable[[], int], runs: int) -> tuple[float, list[float], int]:
    times, rows = [], 0
    for _ in range(runs):
        started = time.process_time()
        rows = work()
        times.append(time.process_time() - started)
    return statistics.median(times), times, rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings_test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from openpyxl import load_workbook

    from accord.outputs.transfer.reading import MAX_COLUMNS, read
    from accord.outputs.transfer.xlsx import XlsxBook
    from bench.imports import build_workbook

    content = build_workbook(args.rows, TYPES, DIRECTORATES)
    load_before = os.getloadavg()
    print(f"Workbook: {args.rows:,} partnership rows, {len(content) / 1e6:.1f} MB; {args.runs} runs each")

    def reader() -> int:
        return len(read("register.xlsx", content).sheets["Partnerships"].rows)

    def calamine() -> int:
        book = XlsxBook(content)
        try:
            return sum(1 for _ in book.rows(book.sheets[0], MAX_COLUMNS))
        finally:
            book.close()

    def openpyxl() -> int:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = book["Partnerships"]
            return sum(1 for _ in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS))
        finally:
            book.close()

    results = {
        name: cpu_seconds(work, args.runs)
        for name, work in [("reader", reader), ("calamine", calamine), ("openpyxl", openpyxl)]
    }
    baseline = results["openpyxl"][0]
    for name, (median, times, rows) in results.items():
        runs = ", ".join(f"{t:.3f}" for t in times)
        ratio = baseline / median if median else float("inf")
        print(f"{name:<9} CPU median {median:6.3f} s  openpyxl/this {ratio:5.2f}x  rows {rows:,}")
        print(f"{'':<9} runs: {runs}")
    load_after = os.getloadavg()
    before, after = (f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}" for load in (load_before, load_after))
    print(f"load average (1, 5, 15 min) before {before}; after {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
