"""Small helpers that put the records the reports read in place: moves through the cycle, ratings,
reviews, indicators and their values, budgets, milestones and risks. Each takes only what a test
needs to state."""

from datetime import date
from decimal import Decimal

from accord.domain.lifecycle.models import Transition
from accord.domain.monitoring.models import BudgetYear, Indicator, IndicatorValue, Milestone
from accord.domain.reviews.models import AssuranceRating, Review, ReviewAction
from accord.domain.risks.models import Risk


def moved(partnership, to_status: str, on: date, from_status: str = "") -> Transition:
    return Transition.objects.create(
        partnership=partnership,
        from_status=from_status,
        to_status=to_status,
        decided_on=on,
        reason=f"Moved to {to_status}",
        recorded_by_name="Test",
        framework_id="chorley",
        framework_version="1.0",
    )


def rated(partnership, level: str, on: date, reasons: list[str] = ()) -> AssuranceRating:
    return AssuranceRating.objects.create(
        partnership=partnership,
        level=level,
        proposed_level=level,
        reasons=[{"text": text, "cite": "003 test"} for text in reasons],
        rated_on=on,
        framework_id="chorley",
        framework_version="1.0",
    )


def reviewed(partnership, on: date, decision: str = "continue", reconfirmed: bool | None = True) -> Review:
    return Review.objects.create(
        partnership=partnership,
        artefact_id="review",
        bank_id="review",
        period_start=date(on.year - 1, on.month, 1),
        period_end=on,
        started_on=on,
        status="complete",
        decision=decision,
        business_case_reconfirmed=reconfirmed,
        completed_on=on,
    )


def action(review: Review, description: str, due: date, owner: str = "Olive Officer") -> ReviewAction:
    return ReviewAction.objects.create(
        partnership=review.partnership, review=review, description=description, owner_name=owner, due_on=due
    )


def indicator(partnership, name: str, target: str, unit: str = "%", direction: str = "higher") -> Indicator:
    return Indicator.objects.create(
        partnership=partnership,
        name=name,
        definition=f"How we count {name.lower()}",
        unit=unit,
        target=Decimal(target),
        direction=direction,
        frequency="quarterly",
        source="Partnership dashboard",
        owner="Olive Officer",
    )


def value(indicator: Indicator, start: date, end: date, actual: str, status: str, action: str = ""):
    return IndicatorValue.objects.create(
        indicator=indicator,
        period_label=f"{start:%B %Y} to {end:%B %Y}",
        period_start=start,
        period_end=end,
        actual=Decimal(actual),
        target=indicator.target,
        status=status,
        corrective_action=action,
    )


def budget(partnership, year: int, planned: str, actual: str | None, why: str = "") -> BudgetYear:
    return BudgetYear.objects.create(
        partnership=partnership,
        year=year,
        budget=Decimal(planned),
        actual=Decimal(actual) if actual is not None else None,
        explanation=why,
    )


def milestone(partnership, title: str, due: date, status: str) -> Milestone:
    return Milestone.objects.create(
        partnership=partnership,
        plan_year=due.year if due.month >= 4 else due.year - 1,
        title=title,
        due_on=due,
        owner="Olive Officer",
        status=status,
    )


def risk(partnership, reference: str, title: str, band: str, score: int, **extra) -> Risk:
    return Risk.objects.create(
        partnership=partnership,
        reference=reference,
        title=title,
        identified_on=extra.pop("identified_on", date(2025, 5, 1)),
        owner=extra.pop("owner", "Olive Officer"),
        current_band=band,
        current_score=score,
        **extra,
    )
