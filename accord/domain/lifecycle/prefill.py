"""What the register already says in answer to a business case question (`prefill` in the framework,
ADR 0028): the page shows the record's value instead of asking again, and the generated documents
print it. A question the register is silent on is asked like any other."""

from collections.abc import Callable

from accord.frameworks.schema import Framework
from accord.kernel.ui.formatting import govuk_date
from accord.register.access import current
from accord.register.models import Partnership


def _statutory(p: Partnership) -> str:
    if not p.statutory_status:
        return ""
    basis = f" ({p.statutory_basis})" if p.statutory_basis else ""
    return f"{p.get_statutory_status_display()}{basis}"


def _members(p: Partnership) -> str:
    found = current(p.memberships.select_related("organisation")).order_by("organisation__name")
    return "; ".join(f"{m.organisation.name} ({m.get_role_display().lower()})" for m in found)


FACTS: dict[str, Callable[[Partnership], str]] = {
    "statutory": _statutory,
    "council_role": lambda p: p.get_council_role_display() if p.council_role else "",
    "members": _members,
    "funding_end": lambda p: govuk_date(p.external_funding_end_date) if p.external_funding_end_date else "",
    "exit_strategy": lambda p: p.exit_strategy,
    "aims": lambda p: p.aims_objectives,
    "accountable_to": lambda p: p.accountable_to,
    "lead_organisation": lambda p: p.lead_organisation.name if p.lead_organisation_id else "",
    "area": lambda p: p.geographical_area,
    "insurance": lambda p: p.insurance_arrangements,
}


def record_values(partnership: Partnership, framework: Framework) -> dict[str, str]:
    """Question id -> the register's answer, for each prefilled question the register answers."""
    case = framework.business_case
    found: dict[str, str] = {}
    for question in case.questions() if case else ():
        if question.prefill and (value := (FACTS[question.prefill](partnership) or "").strip()):
            found[question.id] = value
    return found
