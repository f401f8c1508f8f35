"""Whether what was recorded for an artefact meets it, for a partnership in a tier (ADR 0024).

Evidence sources give the dates an artefact was produced (`facts.evidence`) and, where what was
recorded falls short, why (`facts.shortfalls`: an agreement not signed, headings left out). A
shortfall with tiers applies only in those tiers. Pure: used by the gates and the cycle's pages.
"""

from accord.frameworks.facts import PartnershipFacts


def why_not(facts: PartnershipFacts, artefact_id: str, tier_id: str) -> str:
    """Why what was recorded does not meet the artefact for this tier ('' when nothing says)."""
    shortfall = facts.shortfalls.get(artefact_id)
    if shortfall is None or (shortfall.tiers and tier_id not in shortfall.tiers):
        return ""
    return shortfall.text


def meets(facts: PartnershipFacts, artefact_id: str, tier_id: str) -> bool:
    return bool(facts.evidence.get(artefact_id)) and not why_not(facts, artefact_id, tier_id)
