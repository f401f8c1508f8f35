"""Demo performance records: indicators with six quarters of values (some off target, with the
corrective action agreed), this year's delivery plan, budget against actual, and progress reports on
the council framework's template, on a few of the demo council's partnerships.

Everything goes through the monitoring services, as a user's changes would."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Sum

from accord.frameworks import loader
from accord.kernel import clock
from accord.register.models import Partnership

from . import performance, progress, rules, services

D = Decimal

# partnership reference -> indicators: (name, definition, unit, baseline, target, direction, tolerance,
# source, six quarterly actuals oldest first); ACTIONS has the corrective action for a value off target
INDICATORS = {
    "CHO-KP-01": [
        (
            "Anti-social behaviour incidents reported",
            "Incidents of anti-social behaviour reported to the police in the borough in the quarter.",
            "incidents",
            D("520"),
            D("450"),
            "lower",
            D("20"),
            "Lancashire Constabulary incident data",
            ["505", "470", "446", "431", "462", "489"],
        ),
        (
            "Residents satisfied with their area",
            "Residents answering 'very' or 'fairly satisfied' with their area as a place to live.",
            "%",
            D("81"),
            D("85"),
            "higher",
            D("2"),
            "Quarterly residents' panel survey",
            ["82", "84", "86", "85", "83.5", "86"],
        ),
    ],
    "CHO-KP-02": [
        (
            "Leisure centre visits",
            "Paid and member visits to the council's three leisure centres in the quarter.",
            "visits",
            D("165000"),
            D("180000"),
            "higher",
            D("5000"),
            "Active Nation booking system",
            ["171200", "178400", "183900", "176300", "168900", "181500"],
        ),
    ],
    "CHO-KP-03": [
        (
            "Missed bin collections",
            "Missed collections reported per 100,000 collections made in the quarter.",
            "per 100,000",
            D("62"),
            D("50"),
            "lower",
            D("5"),
            "Veolia contract monitoring return",
            ["58", "52", "49", "47", "61", "48"],
        ),
        (
            "Household waste recycled or composted",
            "Share of household waste sent for reuse, recycling or composting in the quarter.",
            "%",
            D("44"),
            D("47"),
            "higher",
            D("1"),
            "WasteDataFlow return",
            ["45.2", "46.8", "47.4", "47.9", "46.1", "47.2"],
        ),
    ],
}
ACTIONS = {
    "Anti-social behaviour incidents reported": "Extra patrols in the two hotspot wards agreed at the Board.",
    "Residents satisfied with their area": "Targeted clean-ups and a 'you said, we did' campaign.",
    "Leisure centre visits": "Winter membership offer and longer opening at the main centre.",
    "Missed bin collections": "Contractor to add a reserve crew; weekly checks until back on target.",
    "Household waste recycled or composted": "Doorstep campaign on food waste in low-recycling streets.",
}
# (milestone, days after the financial year starts it is due)
MILESTONES = [
    ("Agree the year's priorities with partners", 30),
    ("Publish the annual performance summary", 120),
    ("Complete the mid-year review of targets", 200),
    ("Refresh the information sharing agreement", 260),
    ("Agree next year's delivery plan", 340),
]
ANSWERS = {
    "key_achievements": "Targets met in most quarters; the hotspot project cut repeat incidents.",
    "council_role": "The council chairs the Board, provides the analyst and hosts the case meetings.",
    "contributions": "Core grant and officer time, as recorded in the register.",
    "finance_monitoring": "Spend is within budget for the year; see budget against actual.",
    "corporate_objectives": "Safer, cleaner neighbourhoods and residents proud of their area.",
    "work_plan": "Refresh the information sharing agreement and extend the hotspot approach.",
    "contribution_to_objectives": "Fewer incidents and higher satisfaction in the priority wards.",
    "other_comments": "None.",
    "performance_against_targets": "Four of five indicators on or near target; see the exception report.",
    "emerging_issues": "The contract is on budget; recruitment of drivers remains a risk.",
    "partner_strength": "The partner's latest accounts and governance check show no concerns.",
    "changes": "No change to membership or terms this period.",
}


def _values(user, indicator, figures: list[str], today) -> None:
    period = performance.period_containing("quarterly", today)
    periods = []
    for _ in figures:
        period = performance.previous_period("quarterly", period)
        periods.append(period)
    for period, figure in zip(reversed(periods), figures, strict=True):
        actual = D(figure)
        status = performance.status_against_target(
            actual, indicator.target, indicator.direction, indicator.tolerance
        )
        action = ACTIONS[indicator.name] if status == performance.OFF_TARGET else ""
        services.record_value(user, indicator, period, actual, corrective_action=action)


def _milestones(user, partnership: Partnership, today) -> None:
    """Last year's plan and this year's: those due already done (one missed), the next on track,
    then one at risk — so the demo has a finished plan whatever day of the year it is loaded."""
    this_year = performance.period_containing("annual", today)
    last_year = performance.previous_period("annual", this_year)
    for period in (last_year, this_year):
        upcoming = iter(["on_track", "at_risk"])
        for index, (title, days) in enumerate(MILESTONES):
            due = period.start + timedelta(days=days)
            values = {
                "plan_year": performance.financial_year_of(period.start),
                "title": title,
                "owner": "Paul Sumner",
                "due_on": due,
            }
            if due < today:
                values |= {"status": "missed"} if index == 1 else {"status": "done", "completed_on": due}
            else:
                values["status"] = next(upcoming, "not_started")
            services.save_milestone(user, partnership, values)


def _budget(user, partnership: Partnership, today) -> None:
    year = performance.financial_year_of(today)
    for offset, ratio, explanation in (
        (2, D("0.97"), ""),
        (1, D("1.04"), "Unplanned repairs agreed mid-year"),
    ):
        spent = partnership.contributions.filter(year=year - offset, amount__isnull=False).aggregate(
            t=Sum("amount")
        )
        if not spent["t"]:
            continue
        budget = spent["t"]
        values = {"year": year - offset, "budget": budget, "actual": (budget * ratio).quantize(D("1"))}
        services.save_budget_year(user, partnership, values | {"explanation": explanation})


def _progress(user, partnership: Partnership, today) -> None:
    framework = loader.current()
    kinds = rules.progress_kinds(framework)
    if not kinds:
        return
    kind = kinds[0]
    answers = {h.id: ANSWERS.get(h.id, h.text) for h in kind.template.headings}
    answers.update(name=partnership.name, officer="Paul Sumner")
    first = progress.save_draft(
        user,
        partnership,
        kind,
        today - timedelta(days=365),
        today - timedelta(days=183),
        answers,
        framework=framework,
    )
    progress.submit(user, first, kind, framework=framework)
    progress.save_draft(
        user,
        partnership,
        kind,
        today - timedelta(days=182),
        today,
        {"name": partnership.name},
        framework=framework,
    )


def load(username: str = "officer") -> int:
    user = get_user_model().objects.filter(username=username).first()
    today = clock.today()
    made = 0
    for reference, indicators in INDICATORS.items():
        partnership = Partnership.objects.filter(reference=reference).first()
        if partnership is None or partnership.is_finished:
            continue
        for name, definition, unit, baseline, target, direction, tolerance, source, figures in indicators:
            indicator = services.save_indicator(
                user,
                partnership,
                {
                    "name": name,
                    "definition": definition,
                    "unit": unit,
                    "baseline": baseline,
                    "target": target,
                    "direction": direction,
                    "tolerance": tolerance,
                    "frequency": "quarterly",
                    "source": source,
                    "owner": "Paul Sumner",
                },
            )
            _values(user, indicator, figures, today)
        _milestones(user, partnership, today)
        _budget(user, partnership, today)
        _progress(user, partnership, today)
        made += 1
    return made
