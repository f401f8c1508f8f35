"""The records the reports benchmark adds to a synthetic register (used by bench/reports.py): moves
through the cycle, reviews with actions, assurance ratings over two years, indicators with
quarterly values, budgets and milestones, all with bulk_create. Seeded, so the same seed and date
give the same data."""

import random
from datetime import date, timedelta
from decimal import Decimal

BATCH = 5000
LEVELS = ("substantial", "reasonable", "limited", "weak")
LEVEL_WEIGHTS = (30, 45, 18, 7)
QUARTERS = 8  # quarterly values for the last two years


def _quarters(today: date) -> list[tuple[date, date]]:
    """The last QUARTERS complete quarters (January, April, July and October starts), oldest first."""
    start = date(today.year, ((today.month - 1) // 3) * 3 + 1, 1)
    found = []
    for _ in range(QUARTERS):
        end = start - timedelta(days=1)
        start = date(end.year, end.month - 2, 1)
        found.append((start, end))
    return list(reversed(found))


def add(seed: int, today: date) -> dict[str, int]:
    from accord.domain.lifecycle.models import Transition
    from accord.domain.monitoring.models import BudgetYear, Indicator, IndicatorValue, Milestone
    from accord.domain.reviews.models import AssuranceRating, Review, ReviewAction
    from accord.register.models import Partnership

    rng = random.Random(seed + 6)
    made = dict.fromkeys(
        ("transitions", "reviews", "actions", "ratings", "indicators", "values", "budgets"), 0
    )
    made["milestones"] = 0
    partnerships = list(Partnership.objects.values_list("pk", "status", "start_date"))
    year = today.year if today.month >= 4 else today.year - 1
    moves, reviews, ratings, indicators, budgets, milestones = [], [], [], [], [], []
    for pk, status, start in partnerships:
        joined = start or today - timedelta(days=rng.randint(30, 3000))
        if status in ("active", "closed"):
            moves.append(
                Transition(
                    partnership_id=pk,
                    to_status="active",
                    decided_on=min(joined, today),
                    retrospective=True,
                    recorded_by_name="Benchmark",
                    framework_id="chorley",
                    framework_version="1.0",
                )
            )
        if status == "closed":
            moves.append(
                Transition(
                    partnership_id=pk,
                    from_status="leaving",
                    to_status="closed",
                    decided_on=today - timedelta(days=rng.randint(0, 700)),
                    recorded_by_name="Benchmark",
                    framework_id="chorley",
                    framework_version="1.0",
                )
            )
        if status != "active":
            continue
        completed = today - timedelta(days=rng.randint(20, 540))
        reviews.append(
            Review(
                partnership_id=pk,
                artefact_id="review",
                bank_id="review",
                period_start=completed - timedelta(days=365),
                period_end=completed,
                started_on=completed,
                status="complete",
                decision=rng.choice(["continue", "continue", "change", "withdraw"]),
                business_case_reconfirmed=rng.random() < 0.8,
                completed_on=completed,
            )
        )
        rated = completed - timedelta(days=365 * 2)
        for _ in range(rng.randint(1, 3)):
            rated += timedelta(days=rng.randint(120, 365))
            if rated > today:
                break
            level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
            ratings.append(
                AssuranceRating(
                    partnership_id=pk,
                    level=level,
                    proposed_level=level,
                    reasons=[{"text": "Synthetic reason", "cite": "bench"}],
                    rated_on=rated,
                    framework_id="chorley",
                    framework_version="1.0",
                )
            )
        for n in range(rng.randint(2, 4)):
            indicators.append(
                Indicator(
                    partnership_id=pk,
                    name=f"Indicator {n + 1}",
                    definition="Synthetic",
                    unit="%",
                    target=Decimal(rng.randint(50, 95)),
                    direction=rng.choice(["higher", "lower"]),
                    frequency="quarterly",
                    source="Synthetic",
                    owner="Benchmark",
                )
            )
        for y in (year - 1, year):
            planned = Decimal(rng.randint(5, 500) * 1000)
            actual = planned * Decimal(rng.randint(85, 115)) / 100 if y < year or rng.random() < 0.5 else None
            budgets.append(BudgetYear(partnership_id=pk, year=y, budget=planned, actual=actual))
        for n in range(rng.randint(2, 4)):
            due = date(year - 1, 4, 1) + timedelta(days=rng.randint(0, 700))
            milestones.append(
                Milestone(
                    partnership_id=pk,
                    plan_year=year - 1 if due < date(year, 4, 1) else year,
                    title=f"Milestone {n + 1}",
                    due_on=due,
                    owner="Benchmark",
                    status=rng.choice(["not_started", "on_track", "at_risk", "done", "missed"]),
                )
            )
    Transition.objects.bulk_create(moves, batch_size=BATCH)
    made_reviews = Review.objects.bulk_create(reviews, batch_size=BATCH)
    actions = [
        ReviewAction(
            partnership_id=r.partnership_id,
            review=r,
            description="Synthetic action",
            owner_name="Benchmark",
            due_on=r.completed_on + timedelta(days=rng.randint(30, 200)),
            status=rng.choice(["open", "in_progress", "done"]),
        )
        for r in made_reviews
        for _ in range(rng.randint(0, 3))
    ]
    ReviewAction.objects.bulk_create(actions, batch_size=BATCH)
    AssuranceRating.objects.bulk_create(ratings, batch_size=BATCH)
    made_indicators = Indicator.objects.bulk_create(indicators, batch_size=BATCH)
    values = []
    for indicator in made_indicators:
        for start, end in _quarters(today):
            actual = indicator.target + Decimal(rng.randint(-20, 15))
            better = (
                actual >= indicator.target if indicator.direction == "higher" else actual <= indicator.target
            )
            status = "on_target" if better else rng.choice(["near_target", "off_target"])
            values.append(
                IndicatorValue(
                    indicator=indicator,
                    period_label=f"{start:%B %Y} to {end:%B %Y}",
                    period_start=start,
                    period_end=end,
                    actual=actual,
                    target=indicator.target,
                    status=status,
                    corrective_action="Synthetic action" if status == "off_target" else "",
                )
            )
    IndicatorValue.objects.bulk_create(values, batch_size=BATCH)
    BudgetYear.objects.bulk_create(budgets, batch_size=BATCH)
    Milestone.objects.bulk_create(milestones, batch_size=BATCH)
    made.update(
        transitions=len(moves),
        reviews=len(reviews),
        actions=len(actions),
        ratings=len(ratings),
        indicators=len(indicators),
        values=len(values),
        budgets=len(budgets),
        milestones=len(milestones),
    )
    return made
