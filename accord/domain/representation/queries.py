"""What the representatives' page reads: the partnership's representatives and substitutes (register
roles), its meetings and attendance, report-backs, and what the framework expects of them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from accord.frameworks import apply, duty_rules, engine
from accord.frameworks.schema import Framework
from accord.register.models import Partnership, PartnershipRole, Person
from accord.register.models.people import RoleType

from .duties import AttendanceFact
from .models import Attendance

DUTY_ROLES = (RoleType.COUNCIL_REPRESENTATIVE, RoleType.SUBSTITUTE)


def _current(today: date) -> Q:
    return Q(end_date__isnull=True) | Q(end_date__gte=today)


def duty_roles(partnership: Partnership) -> QuerySet[PartnershipRole]:
    """Representatives and substitutes, current and past, representatives first."""
    return (
        partnership.roles.filter(role__in=DUTY_ROLES)
        .select_related("person")
        .order_by("role", "person__name", "start_date")
    )


def is_current(role: PartnershipRole, today: date) -> bool:
    return role.end_date is None or role.end_date >= today


def current_representatives(partnership: Partnership, today: date) -> list[Person]:
    roles = partnership.roles.filter(_current(today), role=RoleType.COUNCIL_REPRESENTATIVE)
    return list(Person.objects.filter(partnership_roles__in=roles).distinct().order_by("name"))


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    """Everyone with a role on the partnership: who can be a substitute or report back."""
    return Person.objects.filter(partnership_roles__partnership=partnership).distinct().order_by("name")


def duty_people(partnership: Partnership) -> QuerySet[Person]:
    """The representatives and substitutes, current and past: who can report back."""
    return (
        Person.objects.filter(
            partnership_roles__partnership=partnership, partnership_roles__role__in=DUTY_ROLES
        )
        .distinct()
        .order_by("name")
    )


def attendance_facts(partnership: Partnership) -> list[AttendanceFact]:
    rows = (
        Attendance.objects.filter(meeting__partnership=partnership)
        .select_related("meeting", "person", "substitute")
        .order_by("-meeting__held_on", "person__name")
    )
    return [
        AttendanceFact(
            person_id=row.person_id,
            person_name=row.person.name,
            meeting_title=row.meeting.title,
            held_on=row.meeting.held_on,
            status=row.status,
            substitute_name=row.substitute.name if row.substitute else "",
            substitute_briefed=row.substitute_briefed,
            briefed_on=row.briefed_on,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class Expected:
    """What the framework expects of this partnership's representatives, and how the regular
    report-back (if there is one) stands today."""

    framework: Framework
    expectation: duty_rules.Expectation | None
    result: engine.ObligationResult | None


def expected(partnership: Partnership, framework: Framework, today: date) -> Expected:
    found = duty_rules.expectation(framework, partnership.partnership_type.name, partnership.subtype)
    result = None
    if found is not None and found.obligation is not None:
        facts = apply.facts_for(framework, [partnership])[partnership.pk]
        result = engine.evaluate(found.obligation, facts, "", found.type_rule.id, today)
    return Expected(framework, found, result)
