"""The register's spreadsheet layout: one sheet per concern, each column named as the export writes it.

The exporter writes these headers and the importer recognises them (and a few common alternatives),
so an exported workbook imports again unchanged (ADR 0013). `key` is what a column mapping stores.
"""

import functools
import re
from dataclasses import dataclass, field

from accord.register.models import (
    ContributionCategory,
    CouncilRole,
    FinanceForm,
    LegalIncorporation,
    MemberRole,
    PartnershipStatus,
    PersonKind,
    RoleType,
    Sector,
    StatutoryStatus,
    YesNoUnknown,
)

# Kinds of cell: how a value is read and written.
TEXT, DATE, MONEY, WHOLE, YESNO, CHOICE, YEAR, TYPE, DIRECTORATE, ORG_ID = (
    "text date money whole yesno choice year type directorate org_id".split()
)


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str = TEXT
    required: bool = False
    max_length: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()
    width: int = 18
    yes_no: tuple[str, str] | tuple[()] = ()  # a choice's codes for a yes and a no answer (Y/N, ✓/✗)
    import_only: bool = False  # read from a council's own sheet, never exported (plan_extras lands it)


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    importable: bool = True
    notes: str = ""
    by_key: dict[str, Column] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        self.by_key.update({c.key: c for c in self.columns})

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]

    @property
    def exported(self) -> tuple[Column, ...]:
        """The columns an export writes: all but those only a council's own sheet has."""
        return tuple(c for c in self.columns if not c.import_only)


def _choices(choices) -> tuple[tuple[str, str], ...]:
    return tuple((str(value), str(label)) for value, label in choices)


def text(header, key, max_length, required=False, width=30, aliases=()) -> Column:
    return Column(header, key, TEXT, required, max_length, aliases=aliases, width=width)


def choice(header, key, choices, required=False, aliases=(), yes_no=()) -> Column:
    return Column(
        header, key, CHOICE, required, choices=_choices(choices), aliases=aliases, width=22, yes_no=yes_no
    )


def date_column(header, key, required=False, aliases=()) -> Column:
    return Column(header, key, DATE, required, aliases=aliases, width=14)


def yesno(header, key, aliases=()) -> Column:
    return Column(header, key, YESNO, aliases=aliases, width=12)


def landing(header, key, kind=TEXT, max_length=None, aliases=()) -> Column:
    """A column of a council's own one-sheet register that lands in another record (plan_extras)."""
    return Column(header, key, kind, False, max_length, aliases=aliases, width=24, import_only=True)


REFERENCE = text("Partnership reference", "partnership", 30, True, 20, ("reference", "partnership ref"))

PARTNERSHIPS = Sheet(
    "Partnerships",
    (
        text("Reference", "reference", 30, True, 14, ("ref", "partnership reference")),
        text("Name", "name", 200, True, 40, ("partnership name", "partnership", "title")),
        text("Description", "description", 5000, True, 50),
        Column("Type", "partnership_type", TYPE, True, aliases=("partnership type",), width=28),
        text("Sub-type", "subtype", 50, width=22, aliases=("sub type", "subtype")),
        choice(
            "Statutory status",
            "statutory_status",
            StatutoryStatus.choices,
            True,
            ("statutory",),
            yes_no=(StatutoryStatus.STATUTORY.value, StatutoryStatus.NON_STATUTORY.value),
        ),
        choice("Legal status", "incorporation", LegalIncorporation.choices, True, ("incorporation",)),
        text("Lead organisation", "lead_organisation", 200, True, 30, ("lead partner", "lead body")),
        Column("Lead organisation org-id", "lead_organisation_org_id", ORG_ID, width=18),
        text("Accountable body", "accountable_body", 200, width=30),
        Column("Accountable body org-id", "accountable_body_org_id", ORG_ID, width=18),
        choice("The council's role", "council_role", CouncilRole.choices, True, ("council role",)),
        Column(
            "Lead directorate or service",
            "directorate",
            DIRECTORATE,
            True,
            aliases=("directorate", "lead service", "service", "lead directorate"),
            width=28,
        ),
        choice("Status", "status", PartnershipStatus.choices),
        date_column("Start date", "start_date", aliases=("start", "date started")),
        date_column("Proposed end date", "proposed_end_date", aliases=("end date", "end")),
        date_column("Date external funding ends", "external_funding_end_date", aliases=("funding end date",)),
        text("Purpose", "purpose", 5000, width=50, aliases=("remit",)),
        text("Vision", "vision", 5000, width=50),
        text("Aims and objectives", "aims_objectives", 10000, width=50, aliases=("objectives", "aims")),
        text("Statutory basis", "statutory_basis", 300),
        text("Themes", "themes", 300),
        text("Geographical area", "geographical_area", 300, aliases=("area",)),
        text("Client groups", "client_groups", 300),
        text("Funding sources", "funding_sources", 3000, width=40),
        text("Accountable to", "accountable_to", 3000, width=40),
        text("Monitoring arrangements", "monitoring_arrangements", 5000, width=40),
        yesno("Additional monitoring required", "additional_monitoring_required"),
        choice(
            "Covers members' expenses",
            "covers_members_expenses",
            YesNoUnknown.choices,
            yes_no=(YesNoUnknown.YES.value, YesNoUnknown.NO.value),
        ),
        text("Insurance and indemnity", "insurance_arrangements", 3000, width=40),
        text("Exit strategy", "exit_strategy", 5000, width=40),
        yesno("Listed as a key partnership", "is_key_partnership", ("key partnership",)),
        yesno("Published to the public", "is_published", ("published",)),
        text("How it is governed", "governance_summary", 3000, width=40),
        text("How to complain or seek redress", "complaints_procedure", 3000, width=40),
        text("Complaints web page", "complaints_url", 300, aliases=("complaints url",)),
        choice(
            "Has a risk register",
            "has_risk_register",
            YesNoUnknown.choices,
            aliases=("risk register", "risk register?", "risk register y n", "risk register in place"),
            yes_no=(YesNoUnknown.YES.value, YesNoUnknown.NO.value),
        ),
        text("Notes", "notes", 5000, width=50, aliases=("comments", "note", "remarks")),
        # A council's own one-sheet register: each lands in another record (ADR 0041, plan_extras).
        landing("Lead officer", "lead_officer", TEXT, 200, ("lead officer name", "officer lead")),
        landing(
            "Council contribution",
            "council_contribution",
            MONEY,
            aliases=(
                "council contribution (£)",
                "contribution (£)",
                "contribution",
                "council funding",
                "annual contribution",
            ),
        ),
        landing("Contribution year", "contribution_year", YEAR, aliases=("financial year", "year")),
        landing(
            "In-kind support", "in_kind", TEXT, 500, ("in kind support", "in-kind contribution", "in kind")
        ),
        landing(
            "Partners",
            "partners",
            TEXT,
            5000,
            ("partner organisations", "partner organisation", "members", "member organisations"),
        ),
        landing(
            "Governance document",
            "governance_document",
            TEXT,
            300,
            ("governance documents", "governing document", "governance arrangements document"),
        ),
        landing(
            "Last reviewed",
            "last_reviewed",
            DATE,
            aliases=("date of last review", "last review date", "last review", "reviewed"),
        ),
    ),
)

ORGANISATIONS = Sheet(
    "Organisations",
    (
        text("Organisation", "name", 200, True, 40, ("name", "organisation name")),
        Column("Org-id", "org_id", ORG_ID, aliases=("organisation identifier", "org id"), width=20),
        choice("Sector", "sector", Sector.choices),
        yesno("Can act as accountable body", "can_be_accountable_body"),
        yesno("Can employ staff", "can_employ_staff"),
        text("Website", "website", 300),
        text("Notes", "notes", 5000, width=40),
    ),
)

MEMBERS = Sheet(
    "Members",
    (
        REFERENCE,
        text("Organisation", "organisation", 200, True, 40, ("member", "partner", "member organisation")),
        Column("Org-id", "org_id", ORG_ID, aliases=("organisation org-id", "org id"), width=20),
        choice("Role", "role", MemberRole.choices, aliases=("member role",)),
        date_column("Joined", "start_date", aliases=("start date",)),
        date_column("Left", "end_date", aliases=("end date",)),
        text("Notes", "notes", 500, width=40),
    ),
)

REPRESENTATIVES = Sheet(
    "Representatives",
    (
        REFERENCE,
        text("Person", "person", 200, True, 28, ("name", "representative", "officer")),
        text("Job title", "job_title", 200, width=28),
        choice("Kind of person", "kind", PersonKind.choices, aliases=("kind",)),
        text("Works for", "organisation", 200, width=30, aliases=("person's organisation",)),
        Column("Works for org-id", "org_id", ORG_ID, width=18),
        text("Email", "email", 254, width=30, aliases=("email address",)),
        text("Phone", "phone", 40, width=16, aliases=("telephone",)),
        choice("Role", "role", RoleType.choices, True, ("role on partnership",)),
        date_column("Role start date", "start_date", aliases=("start date", "from")),
        date_column("Role end date", "end_date", aliases=("end date", "to")),
        text("Notes", "notes", 500, width=40),
    ),
)

CONTRIBUTIONS = Sheet(
    "Contributions",
    (
        REFERENCE,
        Column("Financial year", "year", YEAR, True, aliases=("year",), width=14),
        choice("Category", "category", ContributionCategory.choices, True, ("type of contribution",)),
        Column("Amount (£)", "amount", MONEY, aliases=("amount", "value", "amount (gbp)"), width=14),
        choice("Form of finance", "finance_form", FinanceForm.choices, aliases=("finance form",)),
        text("Officer", "person", 200, width=28, aliases=("officer name",)),
        Column("Hours a year", "hours", WHOLE, aliases=("hours",), width=12),
        text("Description", "description", 500, width=40),
    ),
)

RISKS = Sheet(
    "Risks",
    (
        REFERENCE,
        text("Risk reference", "reference", 20, True, 14),
        text("Kind", "kind", 20, width=12),
        text("Title", "title", 300, True, 40),
        text("Objective it threatens", "objective", 2000, width=40),
        text("Category", "category_id", 60),
        text("Cause", "cause", 3000, width=40),
        text("Event", "event", 3000, width=40),
        text("Consequence", "consequence", 3000, width=40),
        date_column("Date identified", "identified_on"),
        text("Risk owner", "owner", 200, width=24),
        text("Lead officer(s)", "lead_officers", 300, width=24),
        text("Strategy", "strategy_id", 60),
        text("Contingency plan", "contingency_plan", 5000, width=40),
        date_column("Next review", "next_review_on"),
        text("Status", "status", 10, width=10),
        *(
            Column(f"{stage.capitalize()} {part}", f"{stage}_{part}", WHOLE, width=12)
            for stage in ("inherent", "current", "target")
            for part in ("likelihood", "impact", "score")
        ),
        text("Current band", "current_band", 40),
    ),
    importable=False,
    notes="Risks are exported for reading; change them in each partnership's risk register.",
)

OBLIGATIONS = Sheet(
    "Obligations",
    (
        REFERENCE,
        text("Partnership", "partnership_name", 200, width=40),
        text("Significance tier", "tier", 100, width=20),
        text("Obligation", "obligation", 200, width=40),
        text("Obligation id", "obligation_id", 80, width=24),
        text("Status", "status", 40, width=14),
        date_column("Due", "due"),
        text("Why (framework clause)", "cite", 300, width=40),
    ),
    importable=False,
    notes="Obligations are worked out from the council's framework; they are not imported.",
)

SHEETS: tuple[Sheet, ...] = (
    PARTNERSHIPS,
    ORGANISATIONS,
    MEMBERS,
    REPRESENTATIVES,
    CONTRIBUTIONS,
    RISKS,
    OBLIGATIONS,
)
BY_NAME = {s.name.lower(): s for s in SHEETS}
IMPORTABLE = tuple(s for s in SHEETS if s.importable)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def squash(text_value: str) -> str:
    """A header or name as compared: lower case, punctuation and spacing ignored."""
    return _squash(str(text_value))


@functools.lru_cache(maxsize=1 << 16)
def _squash(text: str) -> str:
    """A file names the same organisations and people on thousands of rows."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def guess(sheet: Sheet, header: str) -> str:
    """The column key a header most likely holds, or '' if none."""
    wanted = squash(header)
    for column in sheet.columns:
        if wanted in {squash(column.header), squash(column.key), *(squash(a) for a in column.aliases)}:
            return column.key
    return ""
