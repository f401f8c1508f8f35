"""The committee reports a framework declares (ADR 0032): each report's title, audience, cadence and
the partnerships it covers, its summary and sections in the council's words, and the building
blocks (tables) each section shows, from a closed list Accord implements (the reports app,
`accord.outputs.reports.blocks`; the frameworks never import it, ADR 0026). Part of the one schema
namespace, re-exported by `schema`."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .schema_base import IDENT, Cited, Strict

# The building blocks a section can show, each one or more tables Accord builds from the record.
REPORT_BLOCKS: dict[str, str] = {
    "partnerships_by_tier": "each partnership with its type, tier, status and assurance rating",
    "changes": "moves through the cycle decided in the period, and assurance ratings that changed",
    "ratings_up_down": "assurance ratings that went up or down in the period",
    "limited_or_weak": "partnerships rated at the lowest two assurance levels at the end of the period",
    "overdue": "reviews and reports overdue",
    "resources": "the council's contribution, and the budget against actual spending, by partnership",
    "budgets": "each budget year against actual spending, and whether it is on budget",
    "key_risks": "open risks in the highest band, or escalated",
    "new_risks": "risks in the highest band, or escalated, that arose in the period",
    "risk_management": "each risk register's open risks, those in the highest band, those past review",
    "performance_summary": "indicators by partnership, counted by the status of their latest value",
    "indicators": "each active indicator against its target",
    "exceptions": "indicators off target in the period, with the corrective action",
    "reviews_held": "reviews completed in the period, with the decision and the rating",
    "reviews_missing": "partnerships without a review in the period, with the review's status",
    "targets_milestones": "indicators on, near and off target, and the delivery plan's milestones",
    "review_actions": "actions from reviews still open",
    "monitoring_obligations": "the monitoring reports and reviews the framework requires, and their status",
    "strength_stability": "the assurance rating, open high risks, overdue obligations, last review decision",
    "contracts": "each partnership's lead organisation or contractor, dates, rating and last review decision",
    "submitted_reports": "the partnerships' own progress or performance reports submitted for the period",
    "monitoring_flags": "monitoring arrangements, and whether additional monitoring is required",
}
REPORT_CADENCES = ("year", "half_year", "twelve_months")
# Which partnerships a report covers (each in being at the end of the period; `key` ones also if they
# ended in it, so the report can tell members of the change).
REPORT_COVERS: dict[str, str] = {
    "all": "every partnership in being at the end of the period",
    "key": "the partnerships the register lists as key (the council's own list)",
    "key_or_key_tier": "those listed as key, and those the significance rules put in the 'key' tier",
    "public_sector": "partnerships that are not private sector partnerships",
    "private_sector": "private sector partnerships (the framework's private sector type, or a private lead)",
}
_COVERS = REPORT_COVERS.items()
# Counts a summary can say and a suggested recommendation can depend on.
REPORT_COUNTS: dict[str, str] = {
    "off_target": "indicators off target at their latest value in the period",
    "overspent": "budgets whose actual spending is over budget",
    "reviewed": "partnerships that completed a review in the period",
    "not_reviewed": "partnerships that did not",
    "limited_or_weak": "partnerships rated at the lowest two assurance levels at the end of the period",
    "overdue": "reviews and reports overdue",
    "key_risks": "open risks in the highest band, or escalated",
    "additional_monitoring": "partnerships whose additional monitoring is required",
}
REPORT_PLACEHOLDERS: dict[str, str] = {
    "count": "how many partnerships the report covers",
    "period": "the period, e.g. 2025/26 second half",
    "council": "the council's name",
    **REPORT_COUNTS,
}
# {name} or {name|singular|plural}: "{count|key partnership|key partnerships}" says "1 key partnership".
PLACEHOLDER = re.compile(r"\{(?P<name>[a-z_]+)(?:\|(?P<one>[^|{}]*)\|(?P<many>[^|{}]*))?\}")
RESERVED_SECTIONS = ("summary", "recommendations")  # Accord writes these two itself


def _placeholders(value: str) -> str:
    for match in PLACEHOLDER.finditer(value):
        name = match["name"]
        if name not in REPORT_PLACEHOLDERS:
            raise ValueError(f"unknown placeholder '{{{name}}}' (known: {', '.join(REPORT_PLACEHOLDERS)})")
        if match["one"] is not None and name not in ("count", *REPORT_COUNTS):
            raise ValueError(f"'{{{name}|…|…}}' needs a count")
    stray = PLACEHOLDER.sub("", value)
    if "{" in stray or "}" in stray:
        raise ValueError("a brace that is not a placeholder: write {name} or {name|one|many}")
    return value


Words = Annotated[str, AfterValidator(_placeholders)]  # the council's words, with placeholders


class ReportBlock(Strict):
    """One building block a section shows: its tables, with a caption or id of the council's own."""

    block: str = Field(description=f"One of: {', '.join(REPORT_BLOCKS)}.")
    caption: str = Field(default="", description="The table's caption, if not the block's own.")
    table: str = Field(
        default="",
        pattern=r"^$|" + IDENT,
        description="The table's id in issued reports, if not the block's own: keep it once a report is "
        "issued (issued reports are compared table by table).",
    )
    empty: str = Field(
        default="", description="What the table says when it has no rows, if not the block's own."
    )


class ReportSection(Strict):
    id: str = Field(pattern=IDENT, description="Its id in issued reports and on the page.")
    heading: str = Field(min_length=1, description="The section's heading, in the council's words.")
    paragraphs: list[Words] = Field(default_factory=list, description="Its words before the tables.")
    blocks: list[ReportBlock] = Field(
        default_factory=list, description="The building blocks whose tables it shows, in order."
    )


class SuggestedRecommendation(Strict):
    text: Words = Field(min_length=1, description="In the council's words; placeholders as in the summary.")
    when: str = Field(
        default="",
        description=f"Suggested only when this count is above zero ({', '.join(REPORT_COUNTS)}); "
        "empty: always.",
    )


class ReportSpec(Cited):
    """A committee report the framework declares, built from the live record by Accord's blocks."""

    id: str = Field(
        pattern=r"^[a-z][a-z0-9-]*$",
        description="Its id in URLs and issued reports, e.g. key-partnerships: keep it once issued.",
    )
    title: str = Field(min_length=1, description="e.g. 'Key partnerships performance report'.")
    audience: str = Field(min_length=1, description="Who receives it, e.g. 'Executive Cabinet'.")
    cadence: Literal["year", "half_year", "twelve_months"] = Field(
        description="The periods it is written for: financial years, their halves, or the last 12 months."
    )
    description: str = Field(min_length=1, description="One or two sentences for the list of reports.")
    recommendations: bool = Field(
        default=True, description="Whether the administrator writes recommendations when issuing it."
    )
    covers: Literal["all", "key", "key_or_key_tier", "public_sector", "private_sector"] = Field(
        description="Which partnerships it covers: " + "; ".join(f"{k}: {v}" for k, v in _COVERS)
    )
    summary: list[Words] = Field(
        default_factory=list,
        description="The summary's paragraphs; placeholders {name} or {name|one|many} from: "
        f"{', '.join(REPORT_PLACEHOLDERS)}.",
    )
    sections: list[ReportSection] = Field(
        min_length=1, description="Its sections after the summary, in order; recommendations come last."
    )
    suggested: list[SuggestedRecommendation] = Field(
        default_factory=list, description="Recommendations suggested from the record on the live report."
    )


ACCORD_REPORTS = ("annual", "pack")  # the ids of Accord's own reports, offered under every framework
