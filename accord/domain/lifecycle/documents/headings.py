"""Which of the register's facts fill each template heading, keyed by the heading's id.

The frameworks' templates (committee reports, MoUs, terms of reference, registration and leaving
forms) share heading ids where they ask for the same thing, so one table serves them all. A
heading not in `FILL` becomes a gap with the template's own guidance; `NEVER_KNOWN` lists the
headings Accord holds nothing for (codes of conduct, quorum, voting...), so a test can tell a
new heading in a framework file from one left to the author on purpose.

Chorley's report to Executive Cabinet must demonstrate eight points (consultation/procurement;
impact on priorities; risk and liabilities incl. credit checks; structure and reasons; resource
implications in cost and staff time; insurable risks and ownership; governance and risk
management incl. terms of reference; member and officer accountabilities): each has an entry.
"""

from .. import leaving as exit_rules
from .blocks import Block, Gap, fact
from .facts import Dossier
from .fillers import (
    Filler,
    accountability,
    agreement,
    aims,
    answers,
    authorisation,
    bank_answers,
    combine,
    completer,
    consultation,
    continues_text,
    contributions,
    council_representation,
    decision_date,
    from_leaving_form,
    funding,
    governance,
    insurance,
    introduction,
    legal_status,
    local_needs,
    members,
    name,
    notice,
    partners,
    priorities,
    purpose,
    recorded,
    representation,
    representatives,
    resources,
    resources_of,
    review,
    risk_management,
    risk_register,
    risks,
    roles,
    secretarial_support,
    strategic_linkage,
    structure,
    termination,
)

FILL: dict[str, Filler] = {
    # Chorley: report to Executive Cabinet on a new key partnership (the eight points and two more)
    "strategic_linkage": strategic_linkage,
    "consultation_procurement": consultation,
    "impact_on_priorities": combine(priorities, answers("smart_outcomes")),
    "risk_and_liabilities": risks,
    "structure": structure,
    "resource_implications": resources,
    "insurable_risks": insurance,
    "governance_and_risk_management": governance,
    "accountabilities": combine(representatives, accountability),
    "fitness_value_added_value": combine(
        answers("value_for_money", "added_value"), bank_answers("partnership_tests")
    ),
    # Business case (Redditch App 2a; Central Bedfordshire 2.10)
    "nature": answers("nature"),
    "authorisation": authorisation,
    "name": name,
    "statutory": combine(legal_status, answers("statutory")),
    "reasons": answers(
        "aims", "fit_with_plans", "accountable_to", "council_role", "members", "missing_players"
    ),
    "other_options": answers("other_options", "why_rejected", "partnership_most_effective"),
    "benefits": answers("value_for_money", "added_value", "smart_outcomes"),
    "risks_and_opportunities": answers(
        "risks_opportunities", "equality_impact", "reputation_if_not", "funding_if_not"
    ),
    "costs_and_timescales": combine(
        contributions, answers("resources", "funding_end", "lifespan", "exit_strategy")
    ),
    "vision": combine(aims, purpose),
    "costs_and_benefits": combine(contributions, answers("value_for_money", "added_value")),
    "service_improvement": answers("smart_outcomes", "added_value"),
    "development": answers("lifespan"),
    "local_needs": local_needs,
    # Agreements: MoU (Redditch App 10, Chorley), heads of terms (Bury App 4), terms of reference
    # (Central Bedfordshire 2.9.1), written agreement (Northampton App 1)
    "aims_and_objectives": aims,
    "terms_of_reference": purpose,
    "roles_and_responsibilities": roles,
    "responsibilities": roles,
    "membership_and_terms_of_office": combine(members, representatives),
    "equalities_and_inclusion": answers("equality_impact"),
    "equality_and_diversity": answers("equality_impact"),
    "accountability": accountability,
    "audit_and_scrutiny": accountability,
    "meetings": accountability,
    "meeting_frequency": accountability,
    "decision_making": representatives,
    "secretarial_support": secretarial_support,
    "termination": termination,
    "resignation": lambda d: fact("Notice a partner must give to leave", notice(d)),
    "exit_strategy": termination,
    "review_and_alteration": review,
    "risk_management": risk_management,
    "data_quality": recorded("data_quality_charter"),
    "safeguarding_children": recorded("safeguarding_assurance"),
    "safeguarding_adults": recorded("safeguarding_assurance"),
    "business_continuity": recorded("business_continuity_arrangements", "business_continuity_plan"),
    "a_introduction": introduction,
    "b_vision_objectives": aims,
    "c_service_provision": combine(
        purpose, lambda d: fact("Starts", d.start_date) + fact("Planned to end", d.proposed_end_date)
    ),
    "d_running_the_partnership": combine(roles, accountability),
    "e_financial_matters": combine(
        contributions, funding, lambda d: fact("Accountable body", d.accountable_body)
    ),
    "g_dissolution": termination,
    "h_review": review,
    "i_other_considerations": insurance,
    "parties": partners,
    "legal_status": legal_status,
    "status": combine(legal_status, agreement),
    "lead_authority": lambda d: (
        fact("Lead organisation", d.lead_organisation) + fact("Accountable body", d.accountable_body)
    ),
    "services_and_payment": combine(contributions, funding),
    "working_together": combine(lambda d: fact("The council's role", d.council_role), accountability),
    # Registration form (Northampton App 2)
    "completer_name": completer("name"),
    "completer_title": completer("job_title"),
    "completer_directorate": completer("directorate"),
    "completer_extension": completer("phone"),
    "completer_role": completer("roles"),
    "partnership_name": name,
    "council_role": council_representation,
    "representatives": representation,
    "corporate_plan_contribution": priorities,
    "partners_and_lead": partners,
    "resources_financial": resources_of("finance"),
    "resources_officer": resources_of("officer_time"),
    "resources_other": resources_of("finance", "officer_time", exclude=True),
    "risk_register": risk_register,
    # Leaving a partnership (Redditch App 5)
    "decision_date": decision_date,
    "end_date": from_leaving_form("end_date"),
    "why_ended": from_leaving_form("why_ended", exit_rules.reason_text),
    "system_failures": from_leaving_form("system_failures"),
    "system_failures_detail": from_leaving_form("system_failures_detail"),
    "continue_without_council": from_leaving_form("continue_without_council", continues_text),
    "successor_arrangements": from_leaving_form("successor_arrangements"),
    "successor_arrangements_detail": from_leaving_form("successor_arrangements_detail"),
    "achievements": from_leaving_form("achievements"),
    "best_practice": from_leaving_form("best_practice"),
    "could_do_better": from_leaving_form("could_do_better"),
    "completed_by": from_leaving_form("completed_by"),
}

# Headings the register holds nothing for: always left to the author, with the template's guidance.
NEVER_KNOWN = frozenset(
    {
        "partnership_principles",
        "disrepute_and_conflict_resolution",
        "code_of_conduct",
        "whistleblowing",
        "anti_fraud_and_corruption",
        "sustainable_procurement",
        "dispute_resolution",
        "f_special_circumstances",
        "delegated_powers",
        "co_option",
        "chairman",
        "openness",
        "quorum",
        "voting",
        "payback",
        "risk_responsible",
        "signed",
        "date",
    }
)


def fill(heading_id: str, dossier: Dossier) -> list[Block]:
    """The blocks under a heading. A business case question with the heading's id is the framework's
    own answer to it (ADR 0028: Chorley's eight points): it comes first, and once it is answered the
    register's gaps under the heading are covered by it."""
    filler = FILL.get(heading_id)
    blocks = filler(dossier) if filler else []
    own = dossier.business_case.get(heading_id)
    if own is None:
        return blocks
    rest = [b for b in blocks if b != own and not (own.text and isinstance(b, Gap))]
    return [own, *rest]


__all__ = ["FILL", "NEVER_KNOWN", "fill"]
