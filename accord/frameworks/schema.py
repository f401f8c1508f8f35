"""The framework schema: one source of truth for what a council's partnership framework file holds.

Each council framework is a YAML file validated by these pydantic models (structure) and by
`accord.frameworks.checks` (cross-references, band tables, citations). Every rule carries `cite`:
the seed file and section it comes from, so any result can say why. Where a seed is silent the
item says `specified: false` and a `note` on the documented default (docs/frameworks.md).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CITE = re.compile(r"^(?P<file>\d{3}_[0-9a-f]{16}\.txt) (?P<section>\S.*)$")
DURATION = re.compile(
    r"^P(?=\d)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?$"
)
IDENT = r"^[a-z][a-z0-9_]*$"

# The lifecycle states Accord implements (the partnership cycle); gates name the state they guard.
LIFECYCLE_STATES = (
    "proposed",
    "business_case",
    "awaiting_approval",
    "agreement",
    "active",
    "under_review",
    "leaving",
    "closed",
)
# Facts about a partnership the engines know how to read (accord.frameworks.facts).
FACTS = ("statutory", "council_contribution", "council_role", "type", "duration_years", "key_partnership")
# Dates an obligation can count from.
ANCHORS = ("joined", "approved", "agreement_signed", "decided_to_leave", "registered")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cited(Strict):
    cite: str = Field(description="Seed file and section, e.g. '001_c825c913872835d1.txt App 10'.")

    @field_validator("cite")
    @classmethod
    def _cite_shape(cls, value: str) -> str:
        if not CITE.match(value.strip()):
            raise ValueError("cite must be a seed file and a section, like '001_c825c913872835d1.txt App 10'")
        return value.strip()


class Item(Cited):
    id: str = Field(pattern=IDENT)


class Source(Strict):
    document: str = Field(description="The seed file, e.g. 003_6cf6fd1a73ee76f7.txt")
    title: str
    status: str = Field(default="", description="e.g. 'draft', 'adopted November 2012'")


class RoleTitle(Item):
    """A role by the council's own title (Monitoring Officer, Head of Governance...)."""

    title: str


class Question(Item):
    text: str = Field(description="The question as a guided flow asks it.")
    wording: str = Field(default="", description="The framework's own words, quoted.")
    hint: str = ""
    example: str = ""


class Definition(Cited):
    summary: str
    criteria: list[Question] = Field(min_length=1, description="All must be answered yes.")
    exclusions: list[Question] = Field(
        default_factory=list, description="Any yes means it is not a partnership."
    )


class PartnershipTypeRule(Item):
    name: str
    description: str = ""
    register_names: list[str] = Field(
        default_factory=list, description="Names of the register's partnership types that count as this type."
    )
    attributes: dict[str, str] = Field(
        default_factory=dict, description="What the framework attaches to the type, e.g. representation."
    )
    report_back: list[ReportBack] = Field(
        default_factory=list,
        description="Representatives' report-back rules (accord.frameworks.duty_rules); none means not set.",
    )


class Parameter(Item):
    name: str
    value: Decimal | int | str
    unit: str = ""
    specified: bool = Field(description="False where the seed gives no figure and a default is used.")
    note: str = ""


class Test(Item):
    """One test that can put a partnership in a tier: a fact compared, or a question answered yes."""

    name: str
    kind: Literal["fact", "question"]
    fact: str | None = None
    op: Literal["is_true", "gte", "gt", "in"] | None = None
    parameter: str | None = Field(default=None, description="Parameter id holding the threshold.")
    values: list[str] = Field(default_factory=list, description="For op 'in'.")
    question: str | None = Field(default=None, description="For kind 'question': what to ask.")


class Tier(Item):
    name: str
    description: str = ""
    match: Literal["any", "all", "default"] = Field(description="'default' is the tier for everything else.")
    tests: list[Test] = Field(default_factory=list)


class Significance(Strict):
    parameters: list[Parameter] = Field(default_factory=list)
    tiers: list[Tier] = Field(
        min_length=1, description="Highest first; a partnership takes the first it meets."
    )


ARTEFACT_KINDS = (
    "business_case",
    "checklist",
    "sign_off",
    "approval",
    "agreement",
    "registration",
    "risk_register",
    "equality_impact_assessment",
    "exit_strategy",
    "progress_report",
    "performance_report",
    "review",
    "exit_report",
    "exit_decision",
    "terms_of_reference",
    "other",
)
# Documents Accord generates from the record, each laid out by one of the framework's templates.
DOCUMENTS = ("committee_report", "mou", "registration", "leaving_form", "business_case")


class Artefact(Item):
    name: str
    description: str = ""
    kind: str = Field(
        default="other",
        description="What kind of thing it is, so evidence from the register and later parts of "
        f"Accord can be matched to it: one of {', '.join(ARTEFACT_KINDS)}.",
    )

    banks: list[str] = Field(
        default_factory=list,
        description="Question banks answered to complete it (a checklist, or the tests in a business case).",
    )
    template: str | None = Field(
        default=None, description="The template whose headings it must cover (e.g. an MoU's headings)."
    )

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in ARTEFACT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ARTEFACT_KINDS)}")
        return value


class Stage(Item):
    """A state of the partnership cycle as this framework names and describes it."""

    name: str
    description: str = ""

    @field_validator("id")
    @classmethod
    def _known_state(cls, value: str) -> str:
        if value not in LIFECYCLE_STATES:
            raise ValueError(f"stage must be one of {', '.join(LIFECYCLE_STATES)}")
        return value


class Requirement(Item):
    """An artefact that must be in place (and approved by whom) before a partnership enters a stage."""

    artefact: str
    gate: str = Field(description="The stage this artefact is needed to enter.")
    tiers: list[str] = Field(default_factory=list, description="Empty means every tier.")
    types: list[str] = Field(default_factory=list, description="Empty means every type.")
    approvers: list[str] = Field(default_factory=list, description="Role ids who must approve it.")
    note: str = ""


class Obligation(Item):
    """Something due on a cadence, counted from an anchor date."""

    name: str
    artefact: str
    anchor: str = Field(description=f"One of: {', '.join(ANCHORS)}")
    first_due: str = Field(description="Duration after the anchor, e.g. P6M.")
    repeat: str | None = Field(default=None, description="Then every, e.g. P1Y; none for once only.")
    tiers: list[str] = Field(default_factory=list)
    types: list[str] = Field(default_factory=list)
    due_soon: str = Field(default="P1M", description="How long before the due date it shows as due soon.")


class QuestionBank(Item):
    name: str
    purpose: Literal[
        "checklist",
        "sign_off",
        "before_setting_up",
        "factors_against",
        "risk_allocation",
        "risk_management",
        "insurance",
        "review",
        "setting_up",
        "report",
    ]
    scale: Literal["yes_no", "yes_no_comment", "score_1_3", "text"]
    questions: list[Question] = Field(min_length=1)


class Heading(Strict):
    id: str = Field(pattern=IDENT)
    text: str
    guidance: str = ""


class Template(Item):
    name: str
    headings: list[Heading] = Field(min_length=1)


class ScalePoint(Strict):
    value: int = Field(ge=1)
    name: str
    descriptor: str = ""


class Band(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    min: int
    max: int
    action: str = ""
    review_every: str | None = None


class Strategy(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    description: str = ""


class Category(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    description: str = ""


class LibraryRisk(Item):
    category: str
    title: str
    description: str = ""
    controls: list[str] = Field(default_factory=list)


class RiskModel(Cited):
    likelihood: list[ScalePoint] = Field(min_length=2)
    impact: list[ScalePoint] = Field(min_length=2)
    grid: list[list[int]] | None = Field(
        default=None, description="grid[likelihood-1][impact-1] = score; omitted means likelihood × impact."
    )
    bands: list[Band] = Field(min_length=1)
    bands_note: str = Field(
        default="", description="How the file resolves the seed's band table, if it had to."
    )
    strategies: list[Strategy] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    library: list[LibraryRisk] = Field(default_factory=list)
    high_impact_from: int | None = Field(
        default=None,
        description="Impact at or above which a contingency plan is needed (Redditch App 8 3.8).",
    )
    escalate_bands: list[str] = Field(
        default_factory=list,
        description="Bands whose risks are flagged for the Partnership Board and the departmental risk "
        "register (Bury App 10, Northampton step 4); empty means the framework sets no such rule.",
    )
    escalate_cite: str = Field(default="", description="Seed file and section of the escalation rule.")


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
    name: str
    description: str = ""


class AssuranceRule(Item):
    """Caps the rating at a level when a measure crosses a threshold."""

    name: str = Field(description="The reason as the reviewer reads it.")
    measure: str = Field(description=f"One of: {', '.join(ASSURANCE_MEASURES)}")
    op: Literal["is_true", "gte", "gt", "lte", "lt"]
    threshold: Decimal | None = Field(default=None, description="Not used by is_true.")
    cap: str = Field(description="The best level a partnership can have while the rule applies.")
    note: str = ""


class Assurance(Cited):
    """How Accord proposes a governance assurance rating after a review (docs/frameworks.md)."""

    specified: bool = Field(description="False where the seed has no rating scale (Accord's default).")
    note: str = ""
    levels: list[AssuranceLevel] = Field(min_length=4, max_length=4)
    rules: list[AssuranceRule] = Field(default_factory=list)
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
    """Who is reminded of what is due, and when an overdue item is escalated (accord.reminders)."""

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
    note: str = ""

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


# Monitoring records (accord.monitoring) that can meet a framework artefact.
MONITORING_RECORDS = ("progress_report", "period_values", "exception_report", "delivery_plan")


class MonitoringRecord(Cited):
    """One kind of monitoring record in Accord that meets one of the framework's artefacts:
    `progress_report` a submitted progress report written on `template`; `period_values` indicator
    values recorded for a period; `exception_report` a period's values with every one off target
    given its corrective action; `delivery_plan` milestones entered for a year's delivery plan."""

    artefact: str
    record: Literal["progress_report", "period_values", "exception_report", "delivery_plan"]
    template: str | None = Field(
        default=None, description="For progress_report: the template it is written on (else the artefact's)."
    )
    note: str = ""


class Monitoring(Cited):
    """How performance monitoring and progress reports in Accord meet the framework's artefacts."""

    records: list[MonitoringRecord] = Field(default_factory=list)
    specified: bool = Field(default=True, description="False where the seed asks for no such reporting.")
    note: str = ""


# Outside-body duties (accord.frameworks.duty_rules, accord.representation): who the council sends to
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
    ) = None
    every: str | None = Field(default=None, description="For a regular report-back: how often, e.g. P1Y.")
    anchor: str = Field(default="joined", description="What a regular report-back is counted from.")
    wording: str = Field(default="", description="The framework's own words, quoted.")
    note: str = ""

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
        if not self.specified and not self.note:
            raise ValueError("say in `note` what the seed leaves open")
        return self


class Framework(Strict):
    id: str = Field(pattern=IDENT)
    name: str
    council: str
    version: str
    effective_date: date | None = None
    source: Source
    summary: str = ""
    roles: list[RoleTitle] = Field(default_factory=list)
    definition: Definition
    types: list[PartnershipTypeRule] = Field(default_factory=list)
    significance: Significance
    artefacts: list[Artefact] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    requirements: list[Requirement] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    question_banks: list[QuestionBank] = Field(default_factory=list)
    templates: list[Template] = Field(default_factory=list)
    risk_model: RiskModel
    documents: dict[str, str] = Field(
        default_factory=dict,
        description=f"Which template lays out each generated document ({', '.join(DOCUMENTS)}); "
        "a document the file does not name uses the model framework's template.",
    )
    assurance: Assurance | None = Field(
        default=None, description="Governance assurance rating rules; none means the model framework's."
    )
    reminders: Reminders | None = Field(
        default=None, description="Reminders and escalation of overdue items; none means Accord's defaults."
    )
    monitoring: Monitoring | None = Field(
        default=None, description="Which monitoring records meet which artefacts; none means none do."
    )
    not_specified: list[str] = Field(
        default_factory=list, description="What the seed is silent on, and the default used (plain words)."
    )
