"""Demo outside-body duties: meetings with the representatives' attendance (a substitute or two, one
not briefed) and report-backs on a few of the demo council's partnerships, recorded through the
services as a user would, dated relative to today."""

from datetime import timedelta

from django.contrib.auth import get_user_model

from accord.kernel import clock
from accord.register.models import Partnership, Person

from . import services

# Each meeting: (days ago, title, [(representative, status, substitute, briefed, days briefed before)]).
MEETINGS = {
    "CHO-KP-01": [
        (330, "Chorley Partnership Board", [("Alan Whittaker", "attended", None, False, None)]),
        (240, "Chorley Partnership Board", [("Alan Whittaker", "attended", None, False, None)]),
        (150, "Chorley Partnership Board", [("Alan Whittaker", "apologies", None, False, None)]),
        (60, "Chorley Partnership Board", [("Alan Whittaker", "attended", None, False, None)]),
    ],
    "CHO-P-016": [
        (300, "Health and Wellbeing Board", [("Alan Whittaker", "attended", None, False, None)]),
        (210, "Health and Wellbeing Board", [("Alan Whittaker", "substitute", "Yasmin Hussain", True, 3)]),
        (120, "Health and Wellbeing Board", [("Alan Whittaker", "attended", None, False, None)]),
        (30, "Health and Wellbeing Board", [("Alan Whittaker", "substitute", "Yasmin Hussain", False, None)]),
    ],
    "CHO-P-018": [
        (280, "Joint Advisory Committee", [("Graham Lund", "attended", None, False, None)]),
        (190, "Joint Advisory Committee", [("Graham Lund", "absent", None, False, None)]),
        (100, "Joint Advisory Committee", [("Graham Lund", "substitute", "Susan Brindle", True, 2)]),
        (10, "Joint Advisory Committee", [("Graham Lund", "attended", None, False, None)]),
    ],
    "CHO-P-022": [
        (90, "VCFS Forum quarterly meeting", [("Yasmin Hussain", "attended", None, False, None)]),
        (5, "VCFS Forum quarterly meeting", [("Yasmin Hussain", "apologies", None, False, None)]),
    ],
}

# (partnership, days ago, representative, reported to, summary, policy issues, performance issues)
REPORT_BACKS = [
    (
        "CHO-KP-01",
        320,
        "Alan Whittaker",
        "Executive Cabinet",
        "The Partnership Board refreshed the Sustainable Community Strategy priorities and agreed "
        "the delivery fund round for the year.",
        False,
        False,
    ),
    (
        "CHO-P-018",
        95,
        "Graham Lund",
        "Executive Cabinet",
        "The Committee proposes a shared approach to housing land supply that would change the "
        "council's local plan timetable; the Executive is asked to agree the council's position.",
        True,
        False,
    ),
    (
        "CHO-P-022",
        85,
        "Yasmin Hussain",
        "Executive Cabinet",
        "The Forum raised concerns about the time taken to pay small grants; officers are reviewing "
        "the process.",
        False,
        True,
    ),
]


def _person(name: str | None) -> Person | None:
    return Person.objects.filter(name=name).first() if name else None


def load(username: str = "officer") -> int:
    """Record the demo meetings and report-backs; returns how many meetings were recorded."""
    user = get_user_model().objects.filter(username=username).first()
    today = clock.today()
    made = 0
    for reference, meetings in MEETINGS.items():
        partnership = Partnership.objects.filter(reference=reference).first()
        if partnership is None or partnership.is_finished:
            continue
        for days_ago, title, attendance in meetings:
            held_on = today - timedelta(days=days_ago)
            rows = []
            for name, status, substitute, briefed, briefed_before in attendance:
                person = _person(name)
                if person is None:
                    continue
                rows.append(
                    {
                        "person": person,
                        "status": status,
                        "substitute": _person(substitute),
                        "substitute_briefed": briefed,
                        "briefed_on": held_on - timedelta(days=briefed_before) if briefed_before else None,
                        "notes": "",
                    }
                )
            services.record_meeting(
                user, partnership, {"held_on": held_on, "title": title, "notes": ""}, rows
            )
            made += 1
    for reference, days_ago, name, to, summary, policy, performance in REPORT_BACKS:
        partnership = Partnership.objects.filter(reference=reference).first()
        person = _person(name)
        if partnership is None or partnership.is_finished or person is None:
            continue
        values = {
            "person": person,
            "reported_on": today - timedelta(days=days_ago),
            "reported_to": to,
            "summary": summary,
            "policy_issues": policy,
            "performance_issues": performance,
        }
        services.record_report_back(user, partnership, values)
    return made
