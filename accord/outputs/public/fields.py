"""The public allow-list: the one declaration of what the published register and open data may show.

Nothing else about a partnership is ever read for the public. The pages and the downloads load
partnership rows with `.values(*PARTNERSHIP_VALUES)` and related rows with the value lists below,
so a field that is not named here cannot reach a public page or file (ADR 0012). Adding a field to
the public means adding it here, to `COLUMNS` and to docs/open-data.md (a test checks the docs).

Never public: draft-stage partnerships, unpublished partnerships or progress reports, people's
email addresses and phone numbers, job titles, officers' names on contributions, risks, reviews,
assurance ratings, notes, insurance, exit strategies, monitoring arrangements, funding sources,
directorates, and everything in the partnership cycle (business cases, approvals, agreements).
"""

from dataclasses import dataclass

from accord.register.models import CouncilRole, MemberRole, PartnershipStatus, RoleType

# What counts as published: marked published by the council AND past the draft stages. A proposal,
# a business case or one awaiting approval is not yet a decision; a rejected or withdrawn proposal
# never became a partnership. From agreement onwards (agreed, active, under review, leaving,
# closed) the partnership is the council's public business.
PUBLISHED_STATUSES: tuple[str, ...] = (
    PartnershipStatus.AGREEMENT,
    PartnershipStatus.ACTIVE,
    PartnershipStatus.UNDER_REVIEW,
    PartnershipStatus.LEAVING,
    PartnershipStatus.CLOSED,
)

# Columns of the partnership row the public may see (the query loads these and nothing else).
PARTNERSHIP_VALUES: tuple[str, ...] = (
    "id",  # joins the related rows below; never shown (the public identifier is the reference)
    "reference",
    "name",
    "description",
    "purpose",
    "partnership_type__name",
    "status",
    "statutory_status",
    "statutory_basis",
    "themes",
    "geographical_area",
    "client_groups",
    "council_role",
    "lead_organisation__name",
    "lead_organisation__org_id",
    "accountable_body__name",
    "accountable_body__org_id",
    "governance_summary",
    "accountable_to",
    "complaints_procedure",
    "complaints_url",
)
# Dates the public may see, read as ISO text straight from the database (alias -> column): a download
# of 100,000 partnerships then spends no time turning them into Python dates and back into text.
PARTNERSHIP_DATES: dict[str, str] = {
    "start_on": "start_date",
    "end_on": "proposed_end_date",
    "changed_at": "updated_at",
}

# Partners: the organisations that are current members (name, org-id and role in the partnership).
MEMBERSHIP_VALUES: tuple[str, ...] = ("partnership_id", "organisation__name", "organisation__org_id", "role")

# Council representatives: names and their role on the partnership only, never contact details.
REPRESENTATIVE_ROLES: tuple[str, ...] = (
    RoleType.COUNCIL_REPRESENTATIVE,
    RoleType.SUBSTITUTE,
    RoleType.LEAD_OFFICER,
)
REPRESENTATIVE_VALUES: tuple[str, ...] = ("partnership_id", "person__name", "role")

# The council's contribution: the total of the amounts in each financial year (no categories'
# details, descriptions or officers).
CONTRIBUTION_VALUES: tuple[str, ...] = ("partnership_id", "year")

# The latest progress report that is submitted AND published: its period and what it says.
REPORT_VALUES: tuple[str, ...] = (
    "id",
    "partnership_id",
    "artefact_id",
    "period_start",
    "period_end",
    "submitted_on",
    "headings",
    "answers",
)

STATUS_LABELS = dict(PartnershipStatus.choices)
COUNCIL_ROLE_LABELS = dict(CouncilRole.choices)
MEMBER_ROLE_LABELS = dict(MemberRole.choices)
REPRESENTATIVE_LABELS = {role: RoleType(role).label for role in REPRESENTATIVE_ROLES}


@dataclass(frozen=True)
class Column:
    """One column of the open data: its name (CSV header and JSON key), type and meaning."""

    name: str
    type: str
    meaning: str


# The open data's columns, in their stable order. docs/open-data.md documents each (tested).
COLUMNS: tuple[Column, ...] = (
    Column("reference", "text", "The partnership's reference, unique in the register; it never changes."),
    Column("name", "text", "The partnership's name."),
    Column("description", "text", "What the partnership is."),
    Column("purpose", "text", "Its purpose or remit: why it exists."),
    Column("type", "text", "The type of partnership, as the council's framework names it."),
    Column(
        "status",
        "code",
        "Where it is in the partnership cycle: agreement, active, under_review, leaving or closed.",
    ),
    Column(
        "statutory_status",
        "code",
        "statutory if the council is required by law to take part, otherwise non_statutory.",
    ),
    Column("statutory_basis", "text", "The law it is set up under, if any."),
    Column("themes", "text", "The themes it works on."),
    Column("geographical_area", "text", "The area it covers."),
    Column("client_groups", "text", "The people it serves."),
    Column("lead_organisation", "text", "The name of the organisation that leads it."),
    Column(
        "lead_organisation_org_id", "org-id", "The lead organisation's identifier (org-id.guide), if known."
    ),
    Column(
        "accountable_body", "text", "The organisation that holds the money and is accountable for it, if any."
    ),
    Column("accountable_body_org_id", "org-id", "The accountable body's identifier, if known."),
    Column(
        "council_role", "code", "The council's role in it: lead, member, accountable_body, host or other."
    ),
    Column(
        "partners",
        "list",
        "The current member organisations. CSV: `Name (org-id)` separated by "
        "`; `; JSON: objects with name, org_id and role.",
    ),
    Column(
        "council_representatives",
        "list",
        "The council's current representatives, substitutes and "
        "lead officers. CSV: `Name (Role)` separated by `; `; JSON: objects with name and role.",
    ),
    Column(
        "council_contribution",
        "list",
        "The council's costed contribution in each financial year. "
        "CSV: `2025/26: 12000.00` separated by `; `, latest year first; JSON: objects with "
        "financial_year and amount (a decimal string, pounds).",
    ),
    Column("start_date", "date", "When it began or the council joined (YYYY-MM-DD), if known."),
    Column("proposed_end_date", "date", "When it is planned to end (YYYY-MM-DD), if known."),
    Column(
        "governance",
        "text",
        "How it is governed: its board or committee, how it makes decisions and who scrutinises it.",
    ),
    Column("accountable_to", "text", "To whom it is accountable."),
    Column(
        "complaints_procedure",
        "text",
        "How to complain or seek redress. When the partnership has "
        "not recorded one, the council's own complaints procedure applies.",
    ),
    Column("complaints_url", "url", "A web page with the complaints procedure, if there is one."),
    Column(
        "latest_report",
        "text",
        "Its latest published progress report, if any. CSV: its period as "
        "`YYYY-MM-DD/YYYY-MM-DD`; JSON: an object with name, period_start, period_end, submitted_on "
        "and sections (each a heading and its answer), or null.",
    ),
    Column("page_url", "url", "Its page on the published register."),
    Column("last_updated", "datetime", "When its main record was last changed (ISO 8601, UTC)."),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
