"""The committee reports offered under a framework, registered by the app that writes them (ADR 0026
notes: extension points).

The Rulebook shows the council every report Accord offers under its framework. The reports live in
an output app the frameworks may not import, so that app calls `register_reports` from its
AppConfig.ready() with a function from the framework to the reports it offers; the Rulebook asks
`offered(framework)`. Each report is described in the user's words: title, audience, how often
(in words), what it is, and the clause it answers (a citation, shown with `citations.display`)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .schema import Framework


@dataclass(frozen=True)
class OfferedReport:
    id: str  # for lookups only (a council obligation met by a report names it); never shown
    title: str
    audience: str
    cadence: str  # in words: "Each financial year"
    description: str
    cite: str


Offer = Callable[[Framework], Sequence[OfferedReport]]

_offers: list[Offer] = []


def register_reports(offer: Offer) -> None:
    """Add a function answering the reports offered under a framework. Registering the same
    function again is harmless (ready() may run twice)."""
    if offer not in _offers:
        _offers.append(offer)


def offers() -> list[Offer]:
    return list(_offers)


def offered(framework: Framework) -> list[OfferedReport]:
    """Every report offered under `framework`, in the order the apps registered them."""
    return [report for offer in _offers for report in offer(framework)]
