"""The partnership page's tabs (Record, Partnership cycle, Risks, ... History), registered by the apps
that own them (ADR 0026 notes: extension points).

The register draws the heading (register/_heading.html) but does not know which higher apps add a tab:
each app calls `register_tab` from its AppConfig.ready(). A page passes `active` (a tab's id) to the
heading to mark where the user is.
"""

from dataclasses import dataclass
from typing import Any

from accord.kernel.accounts.policy import Action, can


@dataclass(frozen=True)
class Tab:
    id: str  # what a page passes as `active`
    label: str
    url_name: str  # reversed with the partnership's pk
    action: Action | None  # what the user must be allowed (on this partnership); None: anyone shown it
    order: int  # left to right


_tabs: dict[str, Tab] = {}


def register_tab(tab: Tab) -> None:
    """Add a tab to the partnership page. Registering the same tab again is harmless (ready() may run
    twice); a different tab under a taken id is a mistake."""
    if _tabs.get(tab.id, tab) != tab:
        raise ValueError(f"A different partnership tab is already registered as {tab.id!r}")
    _tabs[tab.id] = tab


def tabs() -> list[Tab]:
    """Every registered tab, in order."""
    return sorted(_tabs.values(), key=lambda t: (t.order, t.id))


def visible_tabs(user: Any, partnership: Any) -> list[Tab]:
    """The tabs this user may open for this partnership, in order."""
    return [t for t in tabs() if t.action is None or can(user, t.action, partnership)]
