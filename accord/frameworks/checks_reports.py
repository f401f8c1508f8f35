"""Checks of the committee reports a framework declares (ADR 0032), beside their models
(`schema_reports`): every block is one Accord builds, ids are unique, a suggestion's condition is a
count Accord keeps, a report covering the "key" tier has one. Problems as (path, message), like the
rest of `checks`; citations are checked with every other cite of the file."""

from collections import Counter
from collections.abc import Iterator

from .schema import Framework
from .schema_reports import ACCORD_REPORTS, REPORT_BLOCKS, REPORT_COUNTS, RESERVED_SECTIONS


def check_reports(fw: Framework) -> Iterator[tuple[str, str]]:
    for ident, count in Counter(r.id for r in fw.reports).items():
        if count > 1:
            yield "reports", f"duplicate id '{ident}'"
    tiers = {t.id for t in fw.significance.tiers}
    for i, report in enumerate(fw.reports):
        base = f"reports.{i}"
        if report.id in ACCORD_REPORTS:
            yield f"{base}.id", f"'{report.id}' is one of Accord's own reports: choose another id"
        if report.covers == "key_or_key_tier" and "key" not in tiers:
            yield f"{base}.covers", "key_or_key_tier needs a significance tier with id 'key'"
        for ident, count in Counter(s.id for s in report.sections).items():
            if count > 1:
                yield f"{base}.sections", f"duplicate section id '{ident}'"
        tables: Counter[str] = Counter()
        for j, section in enumerate(report.sections):
            if section.id in RESERVED_SECTIONS:
                yield f"{base}.sections.{j}.id", f"'{section.id}' is written by Accord: choose another id"
            for k, block in enumerate(section.blocks):
                if block.block not in REPORT_BLOCKS:
                    yield (
                        f"{base}.sections.{j}.blocks.{k}.block",
                        f"unknown block '{block.block}' (known: {', '.join(sorted(REPORT_BLOCKS))})",
                    )
                tables[block.table or block.block] += 1
        for ident, count in tables.items():
            if count > 1:
                yield f"{base}.sections", f"table '{ident}' appears twice: give one block its own table id"
        for j, suggestion in enumerate(report.suggested):
            if suggestion.when and suggestion.when not in REPORT_COUNTS:
                yield (
                    f"{base}.suggested.{j}.when",
                    f"unknown count '{suggestion.when}' (known: {', '.join(REPORT_COUNTS)})",
                )
