"""What an import assumed, in the words the preview and the command both use."""

from dataclasses import dataclass, field

from accord.register.models import PartnershipStatus

from . import columns as c
from .assumptions import DATES
from .plan_model import Plan

SHOWN_REFERENCES = 20


@dataclass
class Summary:
    defaults: list[str] = field(default_factory=list)  # "Lead organisation: Chorley Council (12 rows)"
    references: list[str] = field(default_factory=list)  # "row 2: P-0001"
    references_count: int = 0
    by_name: list[str] = field(default_factory=list)  # "row 2: P-0001"
    by_name_count: int = 0
    statuses: str = ""  # "12 will be active, 2 closed, 1 proposed: because of their dates"
    not_imported: list[str] = field(default_factory=list)  # "Partnerships: Lead Officer, Notes"

    @property
    def any(self) -> bool:
        return bool(self.defaults or self.references_count or self.by_name_count or self.statuses)


def _label(key: str, value: str) -> str:
    column = c.PARTNERSHIPS.by_key[key]
    return next((label for code, label in column.choices if code == value), value)


def rows(n: int) -> str:
    return f"{n} row" + ("" if n == 1 else "s")


def statuses_sentence(plan: Plan, will: str = "will be") -> str:
    counted = plan.assumed.statuses
    parts = [
        f"{counted[s]} {PartnershipStatus(s).label.lower()}"
        for s in (PartnershipStatus.ACTIVE, PartnershipStatus.CLOSED, PartnershipStatus.PROPOSED)
        if counted.get(s)
    ]
    if not parts:
        return ""
    why = "because of their dates" if plan.assumed.status_rule == DATES else "as chosen for the whole import"
    return f"{parts[0].replace(' ', f' {will} ', 1)}, {', '.join(parts[1:])}".rstrip(", ") + f": {why}"


def of(plan: Plan, will: str = "will be") -> Summary:
    assumed = plan.assumed
    found = Summary()
    for key, count in assumed.defaults_applied.items():
        if count:
            header = c.PARTNERSHIPS.by_key[key].header
            found.defaults.append(f"{header}: {_label(key, assumed.defaults[key])} ({rows(count)})")
    found.references_count = len(assumed.references)
    found.references = [f"row {row}: {ref}" for row, ref in assumed.references[:SHOWN_REFERENCES]]
    found.by_name_count = len(assumed.by_name)
    found.by_name = [f"row {row}: {ref}" for row, ref in assumed.by_name[:SHOWN_REFERENCES]]
    found.statuses = statuses_sentence(plan, will)
    found.not_imported = [
        f"{sheet}: {', '.join(headers)}" for sheet, headers in assumed.not_imported.items() if headers
    ]
    return found
