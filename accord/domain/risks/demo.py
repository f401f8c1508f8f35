"""Demo joint risk registers: a handful of scored risks on the demo council's partnerships, with
controls, actions and reviews, so the registers, heat maps and rules have something to show.

Everything goes through the risk services, as a user's changes would."""

from datetime import timedelta

from django.contrib.auth import get_user_model

from accord.frameworks import loader
from accord.kernel import clock
from accord.register.models import Partnership

from . import services

# (partnership reference, title, cause, event, consequence, inherent (L, I), current (L, I), target (L, I))
DEMO_RISKS = [
    (
        "CHO-KP-01",
        "Partner funding for diversionary activity ends",
        "Police and Crime Commissioner grant rounds are annual",
        "The grant for youth diversion is not renewed",
        "Activity stops and anti-social behaviour rises in hotspots",
        (3, 4),
        (3, 3),
        (2, 2),
    ),
    (
        "CHO-KP-01",
        "Information sharing between partners breaks down",
        "The information sharing agreement is out of date",
        "A partner withholds case data",
        "Victims are not identified early",
        (3, 3),
        (2, 3),
        (1, 2),
    ),
    (
        "CHO-KP-02",
        "Contractor performance falls below the agreed standard",
        "Staff shortages at the contractor",
        "Missed collections rise above target",
        "Complaints and reputational damage to the council",
        (4, 4),
        (3, 4),
        (2, 3),
    ),
    (
        "CHO-P-021",
        "Joint procurement timetable slips",
        "Both councils' decision cycles must align",
        "Tender is not issued by the planned date",
        "Existing contract has to be extended at higher cost",
        (3, 3),
        (3, 3),
        (2, 2),
    ),
]


def load(username: str = "officer") -> int:
    user = get_user_model().objects.filter(username=username).first()
    framework = loader.current()
    model = framework.risk_model
    category = model.categories[0].id if model.categories else ""
    strategy = model.strategies[0].id if model.strategies else ""
    today = clock.today()
    made = 0
    for reference, title, cause, event, consequence, inherent, current, target in DEMO_RISKS:
        partnership = Partnership.objects.filter(reference=reference).first()
        if partnership is None or partnership.is_finished:
            continue
        risk = services.create_risk(
            user,
            partnership,
            {
                "title": title,
                "cause": cause,
                "event": event,
                "consequence": consequence,
                "identified_on": today - timedelta(days=200),
                "owner": "Paul Sumner",
                "lead_officers": "Paul Sumner",
                "category_id": category,
                "strategy_id": strategy,
                "objective": partnership.purpose[:2000],
            },
            partners=[m.organisation for m in partnership.memberships.all()[:2]],
        )
        for stage, (likelihood, impact) in (("inherent", inherent), ("current", current), ("target", target)):
            services.assess(
                user,
                risk,
                stage,
                min(likelihood, len(model.likelihood)),
                min(impact, len(model.impact)),
                framework=framework,
            )
        services.save_child(
            user,
            risk,
            "control",
            {"description": "Reported quarterly to the partnership board", "status": "in_place"},
        )
        services.save_child(
            user,
            risk,
            "action",
            {
                "description": "Agree a fallback plan with partners",
                "owner": "Paul Sumner",
                "due_on": today + timedelta(days=45),
            },
        )
        made += 1
    return made
