"""What the cycle knows about one partnership at a moment (built by accord.domain.lifecycle.case_state)."""

from dataclasses import dataclass

from accord.frameworks.facts import PartnershipFacts
from accord.frameworks.schema import Framework


@dataclass(frozen=True)
class State:
    """The framework's view of one partnership now: tier, facts (with approvals) and slots."""

    framework: Framework
    tier_id: str
    facts: PartnershipFacts
    slots: dict[str, str]  # artefact id -> slot
