"""The plain data the generated documents are written from (see accord.domain.lifecycle.documents.dossier).

Everything here is already text for a reader (labels, dates in words); nothing reads the database.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.ui.formatting import govuk_date, money
from accord.register.models import PersonKind


@dataclass(frozen=True)
class Member:
    organisation: str
    role: str
    sector: str
    is_council: bool


@dataclass(frozen=True)
class Representative:
    name: str
    job_title: str
    organisation: str
    kind: str  # PersonKind value
    role: str  # the role's label
    since: str

    @property
    def line(self) -> str:
        title = f", {self.job_title}" if self.job_title else ""
        since = f" (since {self.since})" if self.since else ""
        return f"{self.role}: {self.name}{title}, {self.organisation}{since}"


@dataclass(frozen=True)
class Resource:
    category: str  # ContributionCategory value
    label: str
    amount: Decimal | None
    detail: str  # form of finance, officer and hours, description


@dataclass(frozen=True)
class Answer:
    """One business case section: its question, the answer (empty if none) and the evidence."""

    id: str
    group: str
    label: str
    hint: str
    text: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class BankAnswers:
    id: str
    name: str
    purpose: str
    scale: str
    rows: tuple[tuple[str, str, str], ...]  # (question, answer shown, comment); answer empty if none


@dataclass(frozen=True)
class AgreementFacts:
    kind: str
    title: str
    status: str
    agreed_on: str
    signed_on: str
    next_review_on: str
    termination_notice: str
    signatories: tuple[str, ...]


@dataclass(frozen=True)
class Consulted:
    department: str
    key_areas: str
    officer: str
    advice: str
    followed: bool
    why_not_followed: str

    @property
    def line(self) -> str:
        outcome = (
            "followed" if self.followed else f"not followed: {self.why_not_followed or 'no reason given'}"
        )
        return f"{self.department} ({self.officer}) on {self.key_areas}: {self.advice} (Advice {outcome}.)"


@dataclass(frozen=True)
class Recorded:
    """A completed artefact record: what it is and when it was produced."""

    title: str
    produced_on: str
    summary: str

    @property
    def line(self) -> str:
        when = f" ({self.produced_on})" if self.produced_on else ""
        return f"{self.title}{when}" + (f": {self.summary}" if self.summary else "")


@dataclass(frozen=True)
class Completer:
    name: str
    job_title: str = ""
    directorate: str = ""
    phone: str = ""
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dossier:
    council: str
    framework: Framework
    name: str
    reference: str
    description: str
    purpose: str
    vision: str
    aims_objectives: str
    type_name: str
    statutory: str
    statutory_basis: str
    legal_status: str
    themes: str
    area: str
    client_groups: str
    lead_organisation: str
    accountable_body: str
    council_role: str
    directorate: str
    status: str
    start_date: str
    proposed_end_date: str
    funding_end_date: str
    funding_sources: str
    accountable_to: str
    monitoring_arrangements: str
    insurance_arrangements: str
    exit_strategy: str
    tier_id: str
    type_id: str | None
    tier_name: str
    tier_reasons: tuple[str, ...]
    members: tuple[Member, ...]
    representatives: tuple[Representative, ...]
    priorities: tuple[str, ...]
    contribution_year: str
    contribution_total: Decimal | None
    resources: tuple[Resource, ...]
    business_case: dict[str, Answer]
    banks: tuple[BankAnswers, ...]
    warnings: tuple[str, ...]
    approvals: tuple[str, ...]  # approvals of the business case
    agreement: AgreementFacts | None
    consultees: tuple[Consulted, ...]
    records: dict[str, Recorded]  # completed artefact records by slot and by kind
    exit_decision: dict[str, Any]
    exit_decided_on: str
    exit_report: dict[str, Any]
    completer: Completer
    today: str = field(default_factory=lambda: govuk_date(clock.today()))

    def answer(self, section_id: str) -> str:
        found = self.business_case.get(section_id)
        return found.text if found else ""

    def record(self, *keys: str) -> Recorded | None:
        return next((self.records[k] for k in keys if k in self.records), None)


def as_text(value: Any) -> str:
    """An answer as text, whatever shape it was stored in."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        parts = [as_text(value.get(k)) for k in ("answer", "text", "value", "comment")]
        return "\n".join(p for p in parts if p)
    if isinstance(value, list | tuple):
        return "\n".join(t for t in (as_text(v) for v in value) if t)
    return str(value).strip()


def councillors(dossier: Dossier) -> tuple[Representative, ...]:
    return tuple(r for r in dossier.representatives if r.kind == PersonKind.MEMBER)


def officers(dossier: Dossier) -> tuple[Representative, ...]:
    return tuple(r for r in dossier.representatives if r.kind == PersonKind.OFFICER)


def resource_lines(resources: tuple[Resource, ...]) -> list[str]:
    return [
        f"{r.label}: {money(r.amount) if r.amount is not None else 'not costed'}"
        + (f" ({r.detail})" if r.detail else "")
        for r in resources
    ]
