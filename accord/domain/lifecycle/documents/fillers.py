"""The fillers: each turns the dossier into the blocks under one kind of template heading.

Fillers return [] when Accord knows nothing for the heading, so it becomes a gap. Some add a
`Gap` for the part the register never holds (e.g. credit checks under risks and liabilities).
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from accord.kernel.ui.formatting import govuk_date, money

from .. import leaving as exit_rules
from .blocks import Block, Bullets, Gap, Para, fact, listed
from .facts import Dossier, as_text, councillors, officers, resource_lines

Filler = Callable[[Dossier], list[Block]]


def answers(*ids: str) -> Filler:
    """The business case's answers to these questions, for those the framework's business case asks."""
    return lambda d: [d.business_case[i] for i in ids if i in d.business_case]


def combine(*fillers: Filler) -> Filler:
    return lambda d: [block for filler in fillers for block in filler(d)]


# --- the partnership ----------------------------------------------------------------------------


def aims(d: Dossier) -> list[Block]:
    return fact("Vision", d.vision) + fact("Aims and objectives", d.aims_objectives or d.answer("aims"))


def purpose(d: Dossier) -> list[Block]:
    return fact("Purpose", d.purpose) + fact("What the partnership is", d.description)


def name(d: Dossier) -> list[Block]:
    return [Para(f"{d.name} (reference {d.reference})")]


def members(d: Dossier) -> list[Block]:
    return listed("Members", (f"{m.organisation} ({m.role.lower()}, {m.sector.lower()})" for m in d.members))


def partners(d: Dossier) -> list[Block]:
    return fact("Lead organisation", d.lead_organisation) + members(d)


def introduction(d: Dossier) -> list[Block]:
    names = [m.organisation for m in d.members] or [d.lead_organisation]
    return [Para(f"This is a partnership agreement for {d.name} between {', '.join(names)}.")]


def legal_status(d: Dossier) -> list[Block]:
    basis = f" ({d.statutory_basis})" if d.statutory_basis else ""
    return fact("Legal status", d.legal_status) + fact("Statutory status", d.statutory + basis)


def structure(d: Dossier) -> list[Block]:
    return (
        fact("The council's role", d.council_role)
        + fact("Lead organisation", d.lead_organisation)
        + fact("Accountable body", d.accountable_body)
        + legal_status(d)
        + fact("Type", d.type_name)
        + members(d)
        + fact("Why a partnership", d.answer("partnership_most_effective"))
        + fact("Other options rejected because", d.answer("why_rejected"))
    )


def representatives(d: Dossier) -> list[Block]:
    return listed("Representatives and roles", (r.line for r in d.representatives))


def roles(d: Dossier) -> list[Block]:
    return (
        fact("The council's role", d.council_role)
        + fact("Lead organisation", d.lead_organisation)
        + fact("Accountable body", d.accountable_body)
        + members(d)
        + representatives(d)
    )


def priorities(d: Dossier) -> list[Block]:
    return listed("The council's priorities it contributes to", d.priorities)


def strategic_linkage(d: Dossier) -> list[Block]:
    return priorities(d) + fact("Fit with the council's plans", d.answer("fit_with_plans"))


def local_needs(d: Dossier) -> list[Block]:
    return fact("Area covered", d.area) + fact("People it serves", d.client_groups) + priorities(d)


# --- money and resources ------------------------------------------------------------------------


def contributions(d: Dossier) -> list[Block]:
    if d.contribution_total is None:
        return []
    total = money(d.contribution_total)
    intro = Para(f"The council's recorded contribution in {d.contribution_year}: {total} in total.")
    return [intro, Bullets(tuple(resource_lines(d.resources)))]


def funding(d: Dossier) -> list[Block]:
    return fact("Sources of funding", d.funding_sources) + fact("External funding ends", d.funding_end_date)


def resources(d: Dossier) -> list[Block]:
    return contributions(d) + funding(d) + answers("resources", "funding_end", "lifespan")(d)


def resources_of(*categories: str, exclude: bool = False) -> Filler:
    def filler(d: Dossier) -> list[Block]:
        rows = tuple(r for r in d.resources if (r.category in categories) != exclude)
        return listed(f"Recorded for {d.contribution_year}", resource_lines(rows)) if rows else []

    return filler


def secretarial_support(d: Dossier) -> list[Block]:
    rows = tuple(r for r in d.resources if r.category == "administration")
    return listed("Administrative support the council provides", resource_lines(rows))


# --- governance, risk and the agreement ---------------------------------------------------------


def agreement(d: Dossier) -> list[Block]:
    a = d.agreement
    if a is None:
        return []
    lines = [f"{a.kind}: {a.title} ({a.status.lower()})"]
    lines += [f"Agreed on {a.agreed_on}"] if a.agreed_on else []
    lines += [f"Signed on {a.signed_on}"] if a.signed_on else []
    lines += [f"Next review by {a.next_review_on}"] if a.next_review_on else []
    lines += [f"Notice to leave: {a.termination_notice}"] if a.termination_notice else []
    lines += [f"Signed by {s}" for s in a.signatories]
    return listed("Governing document", lines)


def risk_register(d: Dossier) -> list[Block]:
    found = d.record("risk_register")
    return fact("Risk register", f"Yes — {found.line}") if found else []


def accountability(d: Dossier) -> list[Block]:
    return fact("Accountable to", d.accountable_to) + fact(
        "Reporting and monitoring", d.monitoring_arrangements
    )


def governance(d: Dossier) -> list[Block]:
    return accountability(d) + agreement(d) + risk_register(d)


def risks(d: Dossier) -> list[Block]:
    warnings = listed("Found in the business case's tests", d.warnings)
    credit = Gap("any issues raised in commercial credit checks.")
    return answers("risks_opportunities", "reputation_if_not", "funding_if_not")(d) + warnings + [credit]


def risk_management(d: Dossier) -> list[Block]:
    return risk_register(d) + answers("risks_opportunities")(d)


def insurance(d: Dossier) -> list[Block]:
    return fact("Insurance and indemnity", d.insurance_arrangements)


def consultation(d: Dossier) -> list[Block]:
    consulted = listed("Consulted at sign-off", (c.line for c in d.consultees))
    return (consulted + [Gap("the procurement process followed, if any.")]) if consulted else []


def notice(d: Dossier) -> str:
    return d.agreement.termination_notice if d.agreement else ""


def termination(d: Dossier) -> list[Block]:
    return fact("Notice a partner must give to leave", notice(d)) + fact("Exit strategy", d.exit_strategy)


def review(d: Dossier) -> list[Block]:
    when = d.agreement.next_review_on if d.agreement else ""
    return fact("Next review of the agreement", when)


def recorded(*keys: str) -> Filler:
    def filler(d: Dossier) -> list[Block]:
        found = d.record(*keys)
        return fact("Recorded in Accord", found.line) if found else []

    return filler


def bank_answers(purpose: str) -> Filler:
    def filler(d: Dossier) -> list[Block]:
        rows = [
            f"{q} {a}." + (f" {c}" if c else "")
            for bank in d.banks
            if bank.purpose == purpose or bank.id == purpose
            for q, a, c in bank.rows
            if a
        ]
        return listed("Tests answered in the business case", rows)

    return filler


# --- the registration form ----------------------------------------------------------------------


def council_representation(d: Dossier) -> list[Block]:
    return fact("Role of the council", d.council_role) + fact(
        "Council representatives", "Yes" if councillors(d) or officers(d) else ""
    )


def representation(d: Dossier) -> list[Block]:
    who = councillors(d)
    staff = officers(d)
    blocks = listed(f"Councillors ({len(who)})", (r.line for r in who)) if who else []
    return blocks + (listed(f"Officers ({len(staff)})", (r.line for r in staff)) if staff else [])


def completer(attribute: str) -> Filler:
    def filler(d: Dossier) -> list[Block]:
        value = getattr(d.completer, attribute)
        return [Para(", ".join(value) if isinstance(value, tuple) else value)] if value else []

    return filler


# --- leaving (Redditch App 5; the decision to leave, Redditch 11 and Bury App 4 G) ---------------


def _shown(key: str, value: Any) -> str:
    """A leaving form answer as it reads: dates in words, choices by their labels."""
    text = as_text(value)
    asked = exit_rules.question(key)
    if asked.kind == "date" and text:
        try:
            return govuk_date(date.fromisoformat(text))
        except ValueError:
            return text
    return dict(asked.choices).get(text, text) if asked.choices else text


def from_leaving_form(key: str, decision: Callable[[dict[str, Any]], str] | None = None) -> Filler:
    """An answer from the leaving form, or failing that from the decision to leave."""

    def filler(d: Dossier) -> list[Block]:
        value = d.exit_report.get(key)
        condition = exit_rules.question(key).only_if_yes
        if condition and d.exit_report.get(condition) and d.exit_report.get(condition) != "yes":
            return [Para("Not applicable.")]
        if isinstance(value, list | tuple):
            return listed("", (as_text(v) for v in value))
        shown = _shown(key, value) or (decision(d.exit_decision) if decision and d.exit_decision else "")
        return [Para(shown)] if shown else []

    return filler


def _decided_on(answers: dict[str, Any]) -> str:
    return _shown("decision_date", answers.get("decided_on"))


def continues_text(answers: dict[str, Any]) -> str:
    return dict(exit_rules.CONTINUES_CHOICES).get(str(answers.get("continues") or ""), "")


def _authority(answers: dict[str, Any]) -> str:
    return ", ".join(as_text(answers.get(k)) for k in ("decided_by", "reference") if as_text(answers.get(k)))


AUTHORISATION = (
    "authorisation by the Director or Head of Service: name, job title, date, telephone and e-mail."
)


def authorisation(d: Dossier) -> list[Block]:
    """Who approved the business case in Accord (name, role, date, comment)."""
    return listed("Approved in Accord by", d.approvals)


def decision_date(d: Dossier) -> list[Block]:
    return from_leaving_form("decision_date", _decided_on)(d) + fact("Authority", _authority(d.exit_decision))


def exit_decision(d: Dossier) -> list[Block]:
    """The decision to leave and the exit plan, as recorded in Accord."""
    given = d.exit_decision
    if not given:
        return []
    planned = dict(exit_rules.PLANNED_CHOICES).get(str(given.get("planned") or ""), "")
    plan = given.get("plan") or {}
    return (
        fact("Decided on", _decided_on(given))
        + fact("Decided by", _authority(given))
        + fact("Reason", exit_rules.reason_text(given))
        + fact("Planned or unplanned", planned)
        + fact("Will the partnership continue without the council", continues_text(given))
        + listed(
            "Exit plan",
            (f"{label}: {plan[key]}" for key, label in exit_rules.plan_headings(given) if plan.get(key)),
        )
    )
