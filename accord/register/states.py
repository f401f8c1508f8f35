"""The partnership cycle's states, defined once: their ids and Accord's plain names.

Everything else takes its vocabulary from here: the register's `PartnershipStatus` (what is
stored), the framework schema (the stages a framework may name and gates it may guard) and the
cycle's engine (`accord.domain.lifecycle.cycle`). A framework gives a state its own name in its
`stages` (e.g. Bury's "Partnership in operation" for active); where it names none, the plain name
below is shown. Plain Python, no Django: the pure engines import it.
"""

PROPOSED = "proposed"
BUSINESS_CASE = "business_case"
AWAITING_APPROVAL = "awaiting_approval"
AGREEMENT = "agreement"
ACTIVE = "active"
UNDER_REVIEW = "under_review"
LEAVING = "leaving"
CLOSED = "closed"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"

# Every state with its plain name, in the cycle's order.
NAMES: dict[str, str] = {
    PROPOSED: "Proposed",
    BUSINESS_CASE: "Business case",
    AWAITING_APPROVAL: "Awaiting approval",
    AGREEMENT: "Agreement",
    ACTIVE: "Active",
    UNDER_REVIEW: "Under review",
    LEAVING: "Leaving",
    CLOSED: "Closed",
    REJECTED: "Rejected",
    WITHDRAWN: "Withdrawn",
}

# The states a framework's stages describe and its gates guard (a proposal rejected or withdrawn
# is an outcome, not a stage a framework names).
CYCLE = (PROPOSED, BUSINESS_CASE, AWAITING_APPROVAL, AGREEMENT, ACTIVE, UNDER_REVIEW, LEAVING, CLOSED)

# The main path (Redditch App 1): each state's gates are checked when entering it from the one before.
MAIN_PATH = (PROPOSED, BUSINESS_CASE, AWAITING_APPROVAL, AGREEMENT, ACTIVE)

# The states of a partnership in being: agreed and working, under review, or being left.
IN_BEING = (ACTIVE, UNDER_REVIEW, LEAVING)

# A partnership in one of these states keeps its record and history but can no longer be changed.
FINISHED = frozenset({CLOSED, REJECTED, WITHDRAWN})
