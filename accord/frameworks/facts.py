"""What the engines know about a partnership: plain facts, no database.

`PartnershipFacts` is the single interface through which the engines learn about a partnership.
Facts that later parts of Accord will supply (documents produced, reviews held, risk registers
kept, lifecycle dates) arrive through `evidence` and `anchors`, filled by an `EvidenceSource`, so
those parts plug in without changing the engines.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple, Protocol


class RiskFact(NamedTuple):
    """One open risk (or opportunity) on a partnership's joint risk register, as the risk rules see it."""

    reference: str
    current_band: str  # band id of the latest current score; "" when not yet scored
    current_impact: int | None
    inherent_impact: int | None
    has_contingency_plan: bool
    escalated: bool  # flagged to the Partnership Board and the departmental risk register
    next_review_on: date | None
    identified_on: date
    opportunity: bool = False


class RatingFact(NamedTuple):
    """The latest governance assurance rating of a partnership (domain.reviews), for the re-review rule."""

    level: str  # substantial | reasonable | limited | weak
    rated_on: date


class Shortfall(NamedTuple):
    """Why what was recorded for an artefact does not meet it (ADR 0024), in plain words: "covers 7 of
    9 heads: H. Review and I. Other missing". With `tiers`, it falls short only in those tiers (and
    counts in the others)."""

    text: str
    tiers: tuple[str, ...] = ()


class OverrideFact(NamedTuple):
    """An administrator's override of one missing gate item (accord.domain.lifecycle.overrides)."""

    by: str  # who overrode it, as named in the record
    on: date
    reason: str


@dataclass(frozen=True)
class PartnershipFacts:
    partnership_id: int
    register_type: str = ""  # the register's type name, mapped to the framework's types
    subtype: str = ""  # the sub-type of its type the register records (a framework sub-type id)
    statutory: bool = False
    council_contribution: Decimal = Decimal("0")
    council_role: str = ""
    duration_years: float | None = None
    key_partnership: bool = False
    answers: Mapping[str, bool] = field(default_factory=dict)  # significance question id -> yes/no
    evidence: Mapping[str, tuple[date, ...]] = field(default_factory=dict)  # artefact id -> dates met
    anchors: Mapping[str, date | None] = field(default_factory=dict)  # anchor id -> date
    # (artefact id, role id) -> "approved" | "refused": the latest decision on the current revision
    approvals: Mapping[tuple[str, str], str] = field(default_factory=dict)
    risks: tuple[RiskFact, ...] = ()  # the open risks on its joint risk register
    rating: RatingFact | None = None  # its latest assurance rating, if it has one
    status: str = ""  # its state in the partnership cycle (proposed, active, closed...)
    ended_on: date | None = None  # when it was closed, rejected or withdrawn: nothing is due after
    tracking_from: date | None = None  # the day Accord began tracking the council's duties (go-live)
    # obligation id -> when it was last done before Accord tracked it, as recorded by the council
    last_done: Mapping[str, date] = field(default_factory=dict)
    # The cycle's own checks (accord.domain.lifecycle.cycle): whether its significance is assessed (a stored
    # assessment, or a framework that asks nothing), its latest "Is it a partnership?" result (None:
    # not taken) and administrators' overrides of missing gate items, by (gate, item id).
    significance_assessed: bool = False
    is_partnership: bool | None = None
    gate_overrides: Mapping[tuple[str, str], OverrideFact] = field(default_factory=dict)
    # artefact id -> why what was recorded for it falls short (evidence sources' `shortfalls`)
    shortfalls: Mapping[str, Shortfall] = field(default_factory=dict)
    # condition fact -> whether it holds (schema v2 `when`): council_is_accountable_body,
    # has_procurement_functions, works_with_children
    conditions: Mapping[str, bool] = field(default_factory=dict)


class EvidenceSource(Protocol):
    """Supplies, for many partnerships at once, when each artefact was produced and the dates
    obligations count from. The register supplies what it knows; later issues add documents,
    reviews and risk registers by adding sources."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]: ...

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]: ...


class RiskSource(Protocol):
    """An evidence source may also supply each partnership's open risks (a `risks` method);
    `accord.domain.risks.evidence.RiskEvidence` does."""

    def risks(self, partnership_ids: Iterable[int]) -> Mapping[int, tuple[RiskFact, ...]]: ...


class RatingSource(Protocol):
    """An evidence source may also supply each partnership's latest assurance rating (a `ratings`
    method); `accord.domain.reviews.evidence.ReviewEvidence` does."""

    def ratings(self, partnership_ids: Iterable[int]) -> Mapping[int, RatingFact]: ...
