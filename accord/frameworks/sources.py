"""The evidence sources the framework engines read besides the register itself, registered by the
apps that keep the evidence (ADR 0026 notes: extension points).

A source is a class taking the partnerships and the framework in force, and answering
`evidence(ids)` and `anchors(ids)`, and optionally `risks`, `ratings` or `shortfalls`
(accord.frameworks.facts.EvidenceSource). The frameworks do not name the domain apps: each calls
`register_source` from its AppConfig.ready()."""

from collections.abc import Callable, Sequence
from typing import Any

from .facts import EvidenceSource
from .schema import Framework

Source = Callable[[Sequence[Any], Framework], EvidenceSource]

_sources: list[Source] = []


def register_source(source: Source) -> None:
    """Add an evidence source (a class or factory called with the partnerships and the framework).
    Registering the same source again is harmless (ready() may run twice)."""
    if source not in _sources:
        _sources.append(source)


def sources() -> list[Source]:
    """Every registered source, in the order the apps registered them."""
    return list(_sources)


# Council-level evidence (ADR 0031): what meets a council obligation (accord.frameworks.schema_council),
# kept by a higher app — the reports app's issued reports. A council source is called with the framework
# in force and answers `reports()` (the ids of the reports it can tell about, for validation) and
# `done(keys)` (evidence key → what was done, each with the day, a title and the page that shows it).
CouncilSource = Callable[[Framework], Any]

_council_sources: list[CouncilSource] = []


def register_council_source(source: CouncilSource) -> None:
    """Add a source of council-level evidence; registering it again is harmless."""
    if source not in _council_sources:
        _council_sources.append(source)


def council_sources() -> list[CouncilSource]:
    return list(_council_sources)
