"""The framework schema: one source of truth for what a council's partnership framework file holds.

Each council framework is a YAML file validated by these pydantic models (structure) and by
`accord.frameworks.checks` (cross-references, band tables, citations). Every rule carries `cite`:
the seed file and section it comes from, so any result can say why. Where a seed is silent the
item says `specified: false` and a `note` on the documented default (docs/frameworks.md).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from accord.register import states

from .schema_base import (  # noqa: F401 (re-exported)
    ANCHORS,
    CITE,
    DOCUMENT_NAME,
    DURATION,
    IDENT,
    UNCERTAIN_ANCHORS,
    Cited,
    Item,
    ScoreNames,
    Strict,
    cite_text,
)
from .schema_case import (  # noqa: F401 (re-exported)
    PREFILL_FACTS,
    BusinessCase,
    CasePart,
    CaseQuestion,
    Choice,
    Condition,
    Declaration,
)
from .schema_council import (  # noqa: F401 (re-exported)
    COUNCIL_ANCHORS,
    CouncilEvidence,
    CouncilObligation,
)
from .schema_monitoring import (  # noqa: F401 (re-exported: the schema is one namespace)
    ASSURANCE_LEVELS,
    ASSURANCE_MEASURES,
    MONITORING_RECORDS,
    REMINDER_ROLES,
    REPORT_BACK_TRIGGERS,
    Assurance,
    AssuranceLevel,
    AssuranceRule,
    Monitoring,
    MonitoringRecord,
    Reminders,
    ReportBack,
)
from .schema_parts import (  # noqa: F401 (re-exported)
    ExitPlanHeading,
    Leaving,
    LeavingReason,
    QuestionGroup,
    SubType,
)
from .schema_reports import REPORT_BLOCKS, REPORT_COUNTS, REPORT_PLACEHOLDERS, ReportSpec  # noqa: F401
from .schema_risk import Band, Category, LibraryRisk, RiskModel, ScalePoint, Strategy  # noqa: F401
from .schema_sources import Source, SourceDocument  # noqa: F401 (re-exported)

# The cycle's states a framework's stages name and its gates guard (defined once, in the register).
LIFECYCLE_STATES = states.CYCLE
# Facts about a partnership the engines know how to read (accord.frameworks.facts).
FACTS = ("statutory", "council_contribution", "council_role", "type", "duration_years", "key_partnership")


class RoleTitle(Item):
    """A role by the council's own title (Monitoring Officer, Head of Governance...)."""

    title: str = Field(description="The role as the council titles it, shown with approvals.")
    responsibilities: list[str] = Field(
        default_factory=list, description="What the framework says the role is to do, in its words."
    )


class Question(Item):
    text: str = Field(description="The question as a guided flow asks it.")
    wording: str = Field(default="", description="The framework's own words, quoted.")
    hint: str = Field("", description="Help shown under the question.")
    example: str = Field("", description="An example the document gives, shown with the question.")


class Definition(Cited):
    summary: str = Field(description="The definition in the framework's words.")
    criteria: list[Question] = Field(min_length=1, description="All must be answered yes.")
    exclusions: list[Question] = Field(
        default_factory=list, description="Any yes means it is not a partnership."
    )


class PartnershipTypeRule(Item):
    name: str = Field(description="The type as the framework names it.")
    description: str = Field("", description="The framework's description of it.")
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
    subtypes: list[SubType] = Field(
        default_factory=list,
        description="Sub-types the framework divides the type into (Bury App 5 (ii)); none means none.",
    )


class Parameter(Item):
    name: str = Field(description="What the threshold is.")
    value: Decimal | int | str = Field(description="The threshold a gte/gt test compares a fact with.")
    unit: str = Field("", description="Its unit, e.g. GBP.")
    specified: bool = Field(description="False where the seed gives no figure and a default is used.")
    note: str = Field("", description="For maintainers only, never rendered.")


class Test(Item):
    """One test that can put a partnership in a tier: a fact compared, or a question answered yes."""

    name: str = Field(description="What the test is, shown in the reasons for the tier.")
    kind: Literal["fact", "question"] = Field(description="A register fact, or a question answered yes.")
    fact: str | None = Field(None, description="The fact compared.")
    op: Literal["is_true", "gte", "gt", "in"] | None = Field(None, description="How the fact is compared.")
    parameter: str | None = Field(default=None, description="Parameter id holding the threshold.")
    values: list[str] = Field(default_factory=list, description="For op 'in'.")
    question: str | None = Field(default=None, description="For kind 'question': what to ask.")


class Tier(Item):
    name: str = Field(description="The tier's name, shown on the partnership.")
    description: str = Field("", description="The framework's words for it.")
    match: Literal["any", "all", "default"] = Field(description="'default' is the tier for everything else.")
    tests: list[Test] = Field(default_factory=list, description="What puts a partnership in the tier.")


class Significance(Strict):
    parameters: list[Parameter] = Field(default_factory=list, description="Thresholds for the tests.")
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
DOCUMENTS = ("committee_report", "mou", "registration", "leaving_form", "business_case", "risk_register")


class Artefact(Item):
    name: str = Field(description="What the framework calls it, shown on gates, obligations and the cycle.")
    description: str = Field("", description="The framework's words about it.")
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
    # What counts as evidence of it (ADR 0024; accord.frameworks.evidence_rules checks these).
    must_be: Literal["agreed", "signed"] | None = Field(
        default=None,
        description="For a governing document (kind agreement or terms_of_reference): the status it needs "
        "to count ('signed' where the framework demands a signed agreement); none means agreed.",
    )
    coverage: Literal["complete", "explained"] = Field(
        default="explained",
        description="For a governing document: 'complete' when every heading of its template must be "
        "covered; 'explained' when a heading it leaves out counts once the gap is explained (and the "
        "requirement's approvers accept it by approving).",
    )
    complete_in_tiers: list[str] = Field(
        default_factory=list,
        description="Tiers in which no heading may be left out, whatever `coverage` says (Redditch 7).",
    )
    declaration: Declaration | None = Field(
        default=None, description="A declaration someone signs by name and dates to complete it (a sign-off)."
    )
    met_by_role: str | None = Field(
        default=None,
        description="A role on the register's People and roles (e.g. sponsoring_officer) whose holder "
        "meets it, dated from when they took the role on.",
    )

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in ARTEFACT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ARTEFACT_KINDS)}")
        return value


class Stage(Item):
    """A state of the partnership cycle as this framework names and describes it."""

    name: str = Field(description="The framework's name for the stage.")
    description: str = Field("", description="The framework's words about it.")
    action: str = Field(
        default="",
        description="What the button that moves a partnership into this stage says, in the framework's "
        "words; empty means Accord's plain words.",
    )

    @field_validator("id")
    @classmethod
    def _known_state(cls, value: str) -> str:
        if value not in LIFECYCLE_STATES:
            raise ValueError(f"stage must be one of {', '.join(LIFECYCLE_STATES)}")
        return value


class Requirement(Item):
    """An artefact that must be in place (and approved by whom) before a partnership enters a stage."""

    artefact: str = Field(description="What must be in place.")
    gate: str = Field(description="The stage this artefact is needed to enter.")
    tiers: list[str] = Field(default_factory=list, description="Empty means every tier.")
    types: list[str] = Field(default_factory=list, description="Empty means every type.")
    approvers: list[str] = Field(
        default_factory=list, description="Role ids who approve it: all of them, or one (`approve: any`)."
    )
    approve: Literal["all", "any"] = Field(
        default="all", description="'all': every approver must approve; 'any': one of them is enough."
    )
    when: Condition | None = Field(default=None, description="It applies only while this fact holds.")
    note: str = Field("", description="For maintainers only, never rendered.")


class Obligation(Item):
    """Something due on a cadence, counted from an event (ADR 0021)."""

    name: str = Field(description="What is due, shown on the partnership's obligations and reminders.")
    artefact: str = Field(description="The artefact whose completion meets it.")
    anchor: str = Field(description=f"The event it counts from, one of: {', '.join(ANCHORS)}")
    fallback_anchor: str | None = Field(
        default=None,
        description="The event it counts from when the partnership never records `anchor` (required for "
        f"{', '.join(UNCERTAIN_ANCHORS)}), so the obligation cannot silently never apply.",
    )
    first_due: str = Field(description="Duration after the anchor, e.g. P6M.")
    repeat: str | None = Field(default=None, description="Then every, e.g. P1Y; none for once only.")
    cadence: Literal["rolling", "fixed"] = Field(
        default="rolling",
        description="'rolling': each next due date is one `repeat` after the last time it was done, so "
        "the gap between two completions never exceeds it ('at least annually'); 'fixed': due on a grid of "
        "`first_due` + n × `repeat` from the anchor, each period needing its own completion (a quarterly "
        "report for each quarter).",
    )
    tiers: list[str] = Field(default_factory=list, description="The tiers it applies to.")
    types: list[str] = Field(default_factory=list, description="The types it applies to.")
    when: Condition | None = Field(default=None, description="It applies only while this fact holds.")
    due_soon: str = Field(default="P1M", description="How long before the due date it shows as due soon.")


class QuestionBank(Item):
    name: str = Field(description="The bank's title, shown over its questions.")
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
    ] = Field(description="What the bank is for.")
    scale: Literal["yes_no", "yes_no_comment", "score_1_3", "text"] = Field(description="How it is answered.")
    scale_labels: dict[str, str] = Field(
        default_factory=dict,
        description="The scale's answers in the framework's words, by value ('1', 'yes'...); "
        "an answer not named here has Accord's plain label.",
    )
    groups: list[QuestionGroup] = Field(
        default_factory=list,
        description="Headings the questions are grouped under, in order; none means one list.",
    )
    questions: list[Question] = Field(min_length=1, description="The questions, in order.")


class Heading(Strict):
    id: str = Field(pattern=IDENT, description="The heading's key.")
    text: str = Field(description="The heading as printed.")
    guidance: str = Field("", description="What goes under it, shown as a hint.")


class Template(Item):
    name: str = Field(description="The document's title.")
    headings: list[Heading] = Field(min_length=1, description="Its headings, in order.")


class Framework(Strict):
    id: str = Field(pattern=IDENT, description="What ACCORD_FRAMEWORK names.")
    name: str = Field(description="The framework's title as the council knows it, shown with results.")
    council: str = Field(description="The council whose framework it is.")
    version: str = Field(description='Change it when the rules change; quote it ("1.0") so YAML reads text.')
    effective_date: date | None = Field(None, description="When the framework took effect, YYYY-MM-DD.")
    source: Source = Field(description="The main source document.")
    source_documents: list[SourceDocument] = Field(
        min_length=1,
        description="Every seed document the file cites, with the title users see in place of its file name.",
    )
    summary: str = Field("", description="What the framework is for, in its own words.")
    roles: list[RoleTitle] = Field(default_factory=list, description="Roles that approve and have duties.")
    definition: Definition = Field(description='The "is it a partnership?" test.')
    types: list[PartnershipTypeRule] = Field(default_factory=list, description="The partnership types.")
    significance: Significance = Field(description="Thresholds and tiers.")
    artefacts: list[Artefact] = Field(default_factory=list, description="Documents and decisions.")
    stages: list[Stage] = Field(default_factory=list, description="The cycle's states, named.")
    requirements: list[Requirement] = Field(default_factory=list, description="Gates and approvers.")
    obligations: list[Obligation] = Field(default_factory=list, description="What recurs or falls due.")
    council_obligations: list[CouncilObligation] = Field(
        default_factory=list,
        description="Duties on the council as a whole, each owned by a role (ADR 0031); none means none.",
    )
    question_banks: list[QuestionBank] = Field(default_factory=list, description="Checklists, question sets.")
    business_case: BusinessCase | None = Field(
        default=None, description="Its business case's parts and questions; none means it has none."
    )
    templates: list[Template] = Field(default_factory=list, description="Documents' required headings.")
    risk_model: RiskModel = Field(description="The risk matrix and its rules.")
    documents: dict[str, str] = Field(
        default_factory=dict,
        description=f"Which template lays out each generated document ({', '.join(DOCUMENTS)}); "
        "a document the file neither names nor adopts from the model has Accord's plain layout, or, for "
        "a council's own form (registration, leaving_form), is not offered.",
    )
    assurance: Assurance | None = Field(
        default=None, description="Governance assurance rating rules; none needs adopt_from_model."
    )
    leaving: Leaving | None = Field(
        default=None,
        description="The decision to leave's reasons and exit-plan headings; none needs adopt_from_model "
        "(leaving) or the decision asks only for the reason in words.",
    )
    adopt_from_model: list[str] = Field(
        default_factory=list,
        description="Parts of the model framework the council adopts (accord.frameworks.defaults.PARTS).",
    )
    reminders: Reminders | None = Field(
        default=None, description="Reminders and escalation of overdue items; none means Accord's defaults."
    )
    monitoring: Monitoring | None = Field(
        default=None, description="Which monitoring records meet which artefacts; none means none do."
    )
    reports: list[ReportSpec] = Field(
        default_factory=list,
        description="The council's committee reports, declared from Accord's building blocks (ADR 0032); "
        "Accord's own reports are offered besides.",
    )
    not_specified: list[str] = Field(
        default_factory=list, description="What the seed is silent on, and the default used (plain words)."
    )

    def document_titles(self) -> dict[str, str]:
        """Seed file name → the document's title as users know it."""
        return {d.file: d.title for d in self.source_documents}

    def cite_text(self, cite: str) -> str:
        """A stored citation in the user's words: the seed file name replaced by its document title
        ("Key Partnerships Framework, Monitoring and review arrangements")."""
        return cite_text(cite, self.document_titles())
