"""Which significance tier a partnership is in, and whether anything about it must be asked.

A stored assessment records the answers to the framework's significance questions (and who gave
them, when, under which version). The tier in force is an administrator's override if there is
one; otherwise the engine's result on today's facts with those answers, so a contribution
recorded after the assessment still moves the partnership into the tier the framework says
(ADR 0022).
"""

from .engine import TierResult
from .models import SignificanceAssessment
from .schema import Framework


def asks_questions(framework: Framework) -> bool:
    """Whether any of the framework's tiers is reached by a question someone must answer; a
    framework whose tests are all facts from the register asks nothing."""
    return any(test.kind == "question" for tier in framework.significance.tiers for test in tier.tests)


def is_assessed(framework: Framework, stored: SignificanceAssessment | None) -> bool:
    """A partnership's significance is assessed once its assessment is stored, or when the
    framework has nothing to ask (the register's facts decide the tier)."""
    return stored is not None or not asks_questions(framework)


def tier_in_force(result: TierResult, stored: SignificanceAssessment | None) -> tuple[str, str]:
    """(tier id, tier name): the administrator's override, or the engine's result."""
    if stored is not None and stored.overridden:
        return stored.override_tier_id, stored.override_tier_name
    return result.tier_id, result.tier_name
