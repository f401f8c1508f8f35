"""The framework schema's sections for monitoring and review (issue 6): governance assurance
ratings, reminders and escalation, which monitoring records meet which artefacts, and the
report-back duties of representatives. Part of `accord.frameworks.schema`, which re-exports them."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .schema_base import ANCHORS, DURATION, Cited, Item, Strict

# Governance assurance ratings (accord.frameworks.assurance): the four levels, best first, and the
# measures a rule can test, with the direction in which each gets worse.
ASSURANCE_LEVELS = ("substantial", "reasonable", "limited", "weak")
ASSURANCE_MEASURES = {
    "no_review": "flag",  # no review completed yet
    "low_answers": "up",  # answers scored 1 ("No – action required") or answered No
    "low_answer_share": "up",  # those as a share of the answers scored (0 to 1)
    "average_score": "down",  # the average score, 1 to 3 (Yes = 3, No = 1 on yes/no banks)
    "overdue_obligations": "up",  # obligations overdue, other than the review itself
    "agreement_missing": "flag",  # an agreement the framework requires is not in place
    "risk_review_overdue": "flag",  # the risk register's reviews are overdue (risk rule risk_review)
    "overdue_actions": "up",  # review actions open past their due date
    "business_case_not_reconfirmed": "flag",  # the review did not re-confirm the business case
}


class AssuranceLevel(Strict):
    id: str = Field(description=f"One of {', '.join(ASSURANCE_LEVELS)}, in that order.")
    name: str = Field(description="Its name as shown.")
    description: str = Field("", description="What it means, shown when a reviewer confirms the rating.")


class AssuranceRule(Item):
    """Caps the rating at a level when a measure crosses a threshold."""

    name: str = Field(description="The reason as the reviewer reads it.")
    measure: str = Field(description=f"One of: {', '.join(ASSURANCE_MEASURES)}")
    op: Literal["is_true", "gte", "gt", "lte", "lt"] = Field(
        description="The comparison, in the direction in which the measure gets worse."
    )
    threshold: Decimal | None = Field(default=None, description="Not used by is_true.")
    cap: str = Field(description="The best level a partnership can have while the rule applies.")
    note: str = Field("", description="For maintainers only, never rendered.")


class Assurance(Cited):
    """How Accord proposes a governance assurance rating after a review (docs/frameworks.md)."""

    specified: bool = Field(description="False where the seed has no rating scale (Accord's default).")
    note: str = Field("", description="For maintainers only, never rendered.")
    levels: list[AssuranceLevel] = Field(min_length=4, max_length=4, description="The levels, best first.")
    rules: list[AssuranceRule] = Field(
        default_factory=list,
        description="The rules that cap a review's rating: a measure compared with a threshold.",
    )
    rereview_after: str = Field(
        default="P6M", description="A partnership rated below the top level is reviewed again this soon."
    )


# Register roles (accord.register.models.RoleType) a reminder or an escalation can go to.
REMINDER_ROLES = (
    "lead_officer",
    "link_officer",
    "sponsoring_officer",
    "accountable_head_of_service",
    "budget_holder",
    "council_representative",
)


class Reminders(Cited):
    """Who is reminded of what is due, and when an overdue item is escalated (accord.outputs.reminders)."""

    owners: list[str] = Field(
        default_factory=lambda: ["lead_officer", "link_officer"],
        min_length=1,
        description="Register roles that own a partnership's obligations, in order: the first role with "
        "someone who can be emailed is reminded.",
    )
    escalate_after: str = Field(
        default="P14D", description="How long after the due date an overdue item is escalated, e.g. P14D."
    )
    escalate_to: list[str] = Field(
        default_factory=lambda: ["accountable_head_of_service"],
        min_length=1,
        description="Register roles emailed when an item is escalated.",
    )
    action_due_soon: str = Field(
        default="P14D", description="How long before its due date a review action shows as due soon."
    )
    specified: bool = Field(description="False where the seed sets no figure and Accord's default is used.")
    note: str = Field("", description="For maintainers only, never rendered.")

    @field_validator("owners", "escalate_to")
    @classmethod
    def _known_roles(cls, value: list[str]) -> list[str]:
        unknown = [role for role in value if role not in REMINDER_ROLES]
        if unknown:
            raise ValueError(f"unknown register role {unknown[0]!r} (known: {', '.join(REMINDER_ROLES)})")
        return value

    @field_validator("escalate_after", "action_due_soon")
    @classmethod
    def _duration(cls, value: str) -> str:
        if not DURATION.match(value):
            raise ValueError(f"'{value}' is not a duration like P14D, P2W or P1M")
        return value


# Monitoring records (accord.domain.monitoring) that can meet a framework artefact.
MONITORING_RECORDS = ("progress_report", "period_values", "exception_report", "delivery_plan")


class MonitoringRecord(Cited):
    """One kind of monitoring record in Accord that meets one of the framework's artefacts:
    `progress_report` a submitted progress report written on `template`; `period_values` indicator
    values recorded for a period; `exception_report` a period's values with every one off target
    given its corrective action; `delivery_plan` milestones entered for a year's delivery plan."""

    artefact: str = Field(description="The artefact the record meets.")
    record: Literal["progress_report", "period_values", "exception_report", "delivery_plan"] = Field(
        description="The kind of record that meets it."
    )
    template: str | None = Field(
        default=None, description="For progress_report: the template it is written on (else the artefact's)."
    )
    note: str = Field("", description="For maintainers only, never rendered.")


class Monitoring(Cited):
    """How performance monitoring and progress reports in Accord meet the framework's artefacts."""

    records: list[MonitoringRecord] = Field(
        default_factory=list, description="Which record (progress report, review) meets which artefact."
    )
    specified: bool = Field(default=True, description="False where the seed asks for no such reporting.")
    note: str = Field("", description="For maintainers only, never rendered.")


# Outside-body duties (accord.frameworks.duty_rules, accord.domain.representation): who the council sends to
# a partnership of a type, and when and to whom its representatives report back (Bury App 5 (ii)).
REPORT_BACK_TRIGGERS = {
    "regular": "Regularly",
    "policy_issues": "Only if policy issues arise",
    "performance_issues": "Only if performance issues arise",
    "policy_or_performance_issues": "Only if policy or performance issues arise",
    "issues": "On an exception basis, if significant issues arise",
    "as_agreed": "As agreed with the lead officer",
}


class ReportBack(Cited):
    """When the council's representatives on a partnership of a type report back, and to whom.
    A `regular` report-back is an obligation (due `every` period from `anchor`); the others are
    shown to representatives as what to do when the trigger arises."""

    register_names: list[str] = Field(
        default_factory=list,
        description="The register types (among the type's register_names) this rule is for; empty means "
        "every other register type of the framework type.",
    )
    subtypes: list[str] = Field(
        default_factory=list,
        description="The type's sub-types (ids) this rule is for; a partnership of one of them takes it.",
    )
    specified: bool = Field(default=True, description="False where the seed does not say (then give a note).")
    involvement: str = Field(default="", description="Who the council sends, e.g. 'Member or Officer'.")
    to: str = Field(default="", description="Who representatives report back to, e.g. 'Executive'.")
    trigger: (
        Literal[
            "regular",
            "policy_issues",
            "performance_issues",
            "policy_or_performance_issues",
            "issues",
            "as_agreed",
        ]
        | None
    ) = Field(
        None, description="When they report back: regularly, on policy issues, by exception, as agreed."
    )
    every: str | None = Field(default=None, description="For a regular report-back: how often, e.g. P1Y.")
    anchor: str = Field(default="activated", description="What a regular report-back is counted from.")
    wording: str = Field(default="", description="The framework's own words, quoted.")
    guidance: str = Field(
        default="", description="What representatives do, in the council's words (shown; `note` is not)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> ReportBack:
        if self.specified and self.trigger is None:
            raise ValueError("a specified report-back rule needs a trigger")
        if (self.trigger == "regular") != (self.every is not None):
            raise ValueError("a regular report-back needs `every` (and only a regular one has it)")
        if self.every is not None and not DURATION.match(self.every):
            raise ValueError(f"'{self.every}' is not a duration like P6M or P1Y")
        if self.anchor not in ANCHORS:
            raise ValueError(f"anchor must be one of {', '.join(ANCHORS)}")
        if not self.specified and not self.guidance:
            raise ValueError("say in `guidance` what representatives do where the framework sets no rule")
        return self
