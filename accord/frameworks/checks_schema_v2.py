"""Checks of schema v2's business case and council obligations (ADR 0028, 0031), beside the
models they check (`schema_case`, `schema_council`) but apart from them, so the models never import
the whole framework: problems as (path, message), like the rest of `checks`."""

from collections import Counter
from collections.abc import Collection, Iterator

from .durations import parse
from .schema import Framework


def check_business_case(fw: Framework) -> Iterator[tuple[str, str]]:
    """Ids are unique across parts and questions; a business case artefact needs a declared business
    case, and a declared one needs the artefact that gates on it."""
    kinds = [a for a in fw.artefacts if a.kind == "business_case"]
    case = fw.business_case
    if case is None:
        for a in kinds:
            yield (
                f"artefacts.{fw.artefacts.index(a)}",
                ("an artefact of kind business_case needs the framework's business_case"),
            )
        return
    if not kinds:
        yield "business_case", "no artefact of kind business_case uses it"
    for what, ids in (("part", [p.id for p in case.parts]), ("question", [q.id for q in case.questions()])):
        for ident, count in Counter(ids).items():
            if count > 1:
                yield "business_case", f"duplicate {what} id '{ident}'"


def check_council_obligations(fw: Framework, reports: Collection[str] = ()) -> Iterator[tuple[str, str]]:
    """Each council obligation has a unique id, an owner among the framework's roles, durations that
    parse, an anchor it can count from, and evidence Accord knows (`reports`: the ids of the reports
    Accord writes under this framework; empty when no report source is registered, as in a bare check
    without the apps)."""
    roles = {r.id for r in fw.roles}
    seen: set[str] = set()
    for i, ob in enumerate(fw.council_obligations):
        base = f"council_obligations.{i}"
        if ob.id in seen:
            yield "council_obligations", f"duplicate id '{ob.id}'"
        seen.add(ob.id)
        for j, owner in enumerate(ob.owners):
            if owner not in roles:
                known = f" (known: {', '.join(sorted(roles))})" if roles else " (the file declares no roles)"
                yield f"{base}.owners.{j}", f"unknown role '{owner}'{known}"
        for name in ("first_due", "repeat", "due_soon"):
            value = getattr(ob, name)
            if value is not None:
                try:
                    parse(value)
                except ValueError as error:
                    yield f"{base}.{name}", str(error)
        if ob.anchor == "date" and ob.anchor_date is None:
            yield f"{base}.anchor_date", "anchor 'date' needs the day it counts from"
        if ob.anchor != "date" and ob.anchor_date is not None:
            yield f"{base}.anchor_date", "anchor_date is only for anchor 'date'"
        if ob.anchor == "effective_date" and fw.effective_date is None:
            yield f"{base}.anchor", "the framework has no effective_date to count from"
        if ob.cadence == "fixed" and ob.repeat is None:
            yield f"{base}.cadence", "a fixed cadence needs `repeat`"
        if reports and ob.met_by.report not in reports:
            known = ", ".join(sorted(reports))
            yield f"{base}.met_by.report", f"unknown report '{ob.met_by.report}' (known: {known})"
