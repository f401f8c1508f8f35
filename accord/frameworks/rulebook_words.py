"""The framework's rules in plain English, for the Rulebook (accord.frameworks.rulebook): durations,
the events an obligation counts from, conditions, tiers and types, approvers and the values of the
significance parameters. Pure: no database, no request. Never an identifier: where the file names
something by its id, the words come from the framework (a role's title, a tier's name) or from here."""

from __future__ import annotations

from decimal import Decimal

from accord.kernel.ui.formatting import govuk_date, money
from accord.register.models import RoleType

from .duty_rules import in_words
from .schema import (
    Condition,
    CouncilObligation,
    Framework,
    Obligation,
    Parameter,
    Requirement,
    Test,
)

ANCHOR_WORDS = {
    "registered": "the partnership was entered in the register",
    "approved": "the partnership was approved",
    "activated": "the partnership became active",
    "agreement_signed": "the partnership's agreement was signed",
    "decided_to_leave": "the council decided to leave the partnership",
}
CONDITION_WORDS = {
    "council_is_accountable_body": (
        "the council is the accountable body",
        "the council is not the accountable body",
    ),
    "has_procurement_functions": (
        "the partnership has procurement functions",
        "the partnership has no procurement functions",
    ),
    "works_with_children": (
        "the partnership's work involves access to children",
        "the partnership's work does not involve access to children",
    ),
}
SCALE_WORDS = {
    "yes_no": "Yes or no",
    "yes_no_comment": "Yes or no, with a comment",
    "score_1_3": "A score from 1 to 3",
    "text": "A written answer",
}
PURPOSE_WORDS = {
    "checklist": "A checklist",
    "sign_off": "Sign-off",
    "before_setting_up": "Before setting up a partnership",
    "factors_against": "Reasons not to go ahead",
    "risk_allocation": "How risks are shared",
    "risk_management": "Managing risk",
    "insurance": "Insurance",
    "review": "Reviewing a partnership",
    "setting_up": "Setting up a partnership",
    "report": "A report",
}
DOCUMENT_WORDS = {
    "committee_report": "Report to a committee",
    "mou": "The partnership's agreement",
    "registration": "Registration form",
    "leaving_form": "Leaving form",
    "business_case": "Business case",
    "risk_register": "Risk register",
}
RECORD_WORDS = {
    "progress_report": "A progress report written and submitted in Accord",
    "period_values": "Indicator values recorded for the period",
    "exception_report": (
        "An exception report: the period's values, with corrective action for each one off target"
    ),
    "delivery_plan": "Milestones entered for the year's delivery plan",
}
COUNCIL_ANCHOR_WORDS = {
    "financial_year": (
        "the start of the financial year (1 April) in which Accord began tracking the council's duties"
    ),
}
MUST_BE_WORDS = {"signed": "It must be signed.", "agreed": "It must be agreed."}


def amount(text: str) -> str:
    """A duration with its number: '1 year', '6 months', '2 weeks'."""
    words = in_words(text)
    return f"1 {words}" if words in ("year", "month", "week", "day") else words


def joined(items: list[str], word: str = "and") -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def anchor(name: str) -> str:
    return ANCHOR_WORDS.get(name, "")


def cadence(item: Obligation | CouncilObligation, counted_from: str) -> str:
    """When something is due, in words: 'Every year, counted from when the partnership became active'."""
    if item.repeat is None:
        return f"Once, {amount(item.first_due)} after {counted_from}"
    if item.repeat == item.first_due:
        return f"Every {in_words(item.repeat)}, counted from when {counted_from}"
    return f"First {amount(item.first_due)} after {counted_from}, then every {in_words(item.repeat)}"


def counted_from(obligation: Obligation) -> str:
    words = anchor(obligation.anchor)
    if obligation.fallback_anchor:
        words += f" (or, if that is never recorded, when {anchor(obligation.fallback_anchor)})"
    return words


def council_counted_from(duty: CouncilObligation, framework: Framework) -> str:
    if duty.anchor == "effective_date":
        when = govuk_date(framework.effective_date)
        return f"the framework took effect ({when})" if when else "the framework took effect"
    if duty.anchor == "date":
        return govuk_date(duty.anchor_date)
    return COUNCIL_ANCHOR_WORDS["financial_year"]


def council_cadence(duty: CouncilObligation, framework: Framework) -> str:
    start = council_counted_from(duty, framework)
    if duty.repeat is None:
        return f"Once, {amount(duty.first_due)} after {start}"
    return f"First {amount(duty.first_due)} after {start}, then every {in_words(duty.repeat)}"


def rolling(cadence_kind: str, repeat: str | None) -> str:
    if repeat is None:
        return "Done once."
    if cadence_kind == "fixed":
        return (
            f"Fixed dates: due every {in_words(repeat)} on a set timetable; each period needs its own, "
            "however late the last one was done."
        )
    return (
        f"Rolling: each next due date is {amount(repeat)} after it was last done, so there is never more "
        f"than {amount(repeat)} between two."
    )


def condition(when: Condition | None) -> str:
    if when is None:
        return ""
    holds, fails = CONDITION_WORDS.get(when.fact, ("", ""))
    return f"Only while {holds if when.holds else fails}"


def tiers(framework: Framework, ids: list[str]) -> str:
    if not ids:
        return "Every tier"
    names = {t.id: t.name for t in framework.significance.tiers}
    return joined([names.get(i, "") for i in ids if names.get(i)])


def types(framework: Framework, ids: list[str]) -> str:
    if not ids:
        return "Every type"
    names = {t.id: t.name for t in framework.types}
    return joined([names.get(i, "") for i in ids if names.get(i)])


def applies_to(framework: Framework, item: Obligation | Requirement) -> str:
    parts = [tiers(framework, item.tiers)] if item.tiers else []
    if item.types:
        parts.append(types(framework, item.types))
    if item.when is not None:
        parts.append(condition(item.when).lower())
    return "; ".join(parts) if parts else "Every partnership"


def role_title(framework: Framework, role_id: str) -> str:
    return next((r.title for r in framework.roles if r.id == role_id), "")


def approvers(framework: Framework, requirement: Requirement) -> str:
    titles = [role_title(framework, r) for r in requirement.approvers]
    titles = [t for t in titles if t]
    if not titles:
        return "No approval needed"
    if requirement.approve == "any" and len(titles) > 1:
        return "One of: " + joined(titles, "or")
    return joined(titles)


def register_roles(roles: list[str], word: str = "or else") -> str:
    labels = [str(RoleType(r).label) for r in roles if r in RoleType.values]
    return labels[0] + (f" ({word} {joined(labels[1:], 'or')})" if len(labels) > 1 else "")


def parameter_value(parameter: Parameter) -> str:
    value = parameter.value
    if parameter.unit == "GBP" and not isinstance(value, str):
        return money(Decimal(value))
    return f"{value} {parameter.unit}".strip()


def test_words(framework: Framework, test: Test) -> str:
    """A tier test in words: the framework's name for it, and what it compares or asks."""
    if test.kind == "question" and test.question:
        return f"{test.name}: “{test.question}”"
    if test.parameter:
        parameter = next((p for p in framework.significance.parameters if p.id == test.parameter), None)
        if parameter is not None and test.op == "gte":
            return f"{test.name} ({parameter_value(parameter)} or more)"
        if parameter is not None and test.op == "gt":
            return f"{test.name} (more than {parameter_value(parameter)})"
    return test.name
