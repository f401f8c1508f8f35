"""The partnership's governing document: the agreement, its signatories and its coverage.

The governing document is the framework's agreement for the partnership's type or, where the
framework governs it by a board's terms of reference (Central Bedfordshire 2.9.1), those
(accord.frameworks.evidence_rules.governing_artefact). Saving it also saves the `agreement` artefact
record (its revisions are what approvers approve); whether it counts as evidence is decided from the
agreement itself by lifecycle.evidence with the rules in lifecycle.governing: the status
the framework requires, and every heading covered or each gap explained (ADR 0024). Its signing date
is the `agreement_signed` anchor.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from accord.frameworks import defaults
from accord.frameworks.durations import Duration, parse
from accord.frameworks.duty_rules import in_words
from accord.frameworks.engine import framework_type
from accord.frameworks.evidence_rules import governing_artefact
from accord.frameworks.schema import Artefact, Framework, Heading, Template
from accord.frameworks.store import partnerships_changed
from accord.kernel.audit.bulk import insert_returning, insert_rows
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.models import AuditEvent
from accord.kernel.audit.service import event, snapshot
from accord.kernel.audit.service import record as audit
from accord.register.models import Partnership
from accord.register.services import lock_open_many

from . import governing, recording
from .models import Agreement, AgreementStatus, ArtefactRecord, Signatory

SLOT = "agreement"
CHUNK = 500  # partnerships a query
DONE_STATUSES = (AgreementStatus.AGREED, AgreementStatus.SIGNED)
AGREEMENT_FIELDS = (
    "document_type",
    "title",
    "status",
    "agreed_on",
    "signed_on",
    "next_review_on",
    "termination_notice",
)


class NoAgreement(Exception):
    """The agreement has not been recorded yet."""


def agreement_for(partnership: Partnership) -> Agreement | None:
    return Agreement.objects.filter(partnership=partnership).first()


@dataclass(frozen=True)
class ReviewRule:
    """How often the council's framework has the governing document reviewed (Bury 7.5: "at least
    annually"): the review obligation counted from the agreement's signing."""

    every: str  # the framework's period, "P1Y"
    cite: str  # the clause as users read it, "Bury 7.5"

    @property
    def within(self) -> Duration:
        return parse(self.every)

    @property
    def period(self) -> str:
        """'a year', '6 months'."""
        words = in_words(self.every)
        return f"a {words}" if words in ("year", "month", "week", "day") else words


def review_rule(framework: Framework) -> ReviewRule | None:
    """The framework's rule for reviewing the agreement, if it has one. Only where it sets one does
    the agreement's next review date have a limit: one council's clause is never applied under
    another's framework."""
    kinds = {a.id: a.kind for a in framework.artefacts}
    for obligation in framework.obligations:
        if (
            obligation.anchor == "agreement_signed"
            and obligation.repeat
            and kinds.get(obligation.artefact) == "review"
        ):
            clause = obligation.cite.split(" ", 1)[-1]
            return ReviewRule(obligation.repeat, f"{framework.council.removesuffix(' Council')} {clause}")
    return None


def review_limit(agreement_date: date, today: date, within: Duration) -> date:
    """The latest next review date allowed: `within` the agreement or, for an agreement older than
    that (recorded after the event), `within` today."""
    limit = within.after(agreement_date)
    return limit if limit >= today else within.after(today)


# Coverage ------------------------------------------------------------------------------------


def agreement_artefact(framework: Framework, partnership: Partnership) -> Artefact | None:
    """The framework's governing document for this partnership: the agreement whose requirements
    apply to its type, else the terms of reference that do; failing both, the first agreement."""
    type_id = framework_type(framework, partnership.partnership_type.name)
    found = governing_artefact(framework, type_id)
    return found or next((a for a in framework.artefacts if a.kind == "agreement"), None)


def _template(framework: Framework, template_id: str | None) -> Template | None:
    if not template_id:
        return None
    return next((t for t in framework.templates if t.id == template_id), None)


def coverage_template(framework: Framework, partnership: Partnership) -> Template:
    """The headings the agreement must cover: its artefact's template, else the framework's MoU
    template (its own, or the model framework's where its file adopts it)."""
    return template_for(framework, agreement_artefact(framework, partnership))


def template_for(framework: Framework, artefact: Artefact | None) -> Template:
    """The headings a governing document must cover: its own template (the framework checks it has
    one), else the framework's MoU template (its own, or the model's where its file adopts it)."""
    found = _template(framework, artefact.template if artefact else None) or defaults.document_template(
        framework, "mou"
    )
    if found is None:
        raise LookupError(f"The {framework.name} names no template for its agreement")
    return found


def missing_headings(template: Template, coverage: dict[str, Any]) -> list[Heading]:
    return [h for h in template.headings if not str(coverage.get(h.id) or "").strip()]


def coverage_summary(template: Template, agreement: Agreement | None) -> governing.Coverage:
    """Which headings the agreement covers, which it leaves out with a reason, and which without."""
    if agreement is None:
        return governing.coverage_of(template, {}, {})
    return governing.coverage_of(template, agreement.coverage or {}, agreement.gap_reasons or {})


@dataclass(frozen=True)
class Standing:
    """What the framework requires of the governing document, and how the recorded one stands."""

    artefact: Artefact | None
    coverage: governing.Coverage
    counts: bool  # it is evidence (for some tiers at least)
    shortfall: str  # why it does not count ('' when it does)
    explain_gaps: bool  # a heading left out may be explained, for the approvers to accept

    @property
    def needs(self) -> str:
        """'signed' or 'agreed'."""
        return governing.required_status(self.artefact) if self.artefact else "agreed"


def standing(
    framework: Framework, partnership: Partnership, agreement: Agreement | None, tier_id: str
) -> Standing:
    """How the recorded governing document stands for a partnership in this tier."""
    artefact = agreement_artefact(framework, partnership)
    template = template_for(framework, artefact)
    coverage = coverage_summary(template, agreement)
    explain = (
        artefact is not None
        and artefact.coverage == "explained"
        and tier_id not in artefact.complete_in_tiers
    )
    if artefact is None or agreement is None:
        return Standing(artefact, coverage, False, "", explain)
    counts, shortfall = governing.judge(framework, artefact, agreement.status, coverage)
    applies = shortfall is not None and (not shortfall.tiers or tier_id in shortfall.tiers)
    return Standing(artefact, coverage, counts and not applies, shortfall.text if applies else "", explain)


# Changes -------------------------------------------------------------------------------------


def _snapshot(agreement: Agreement | None) -> dict[str, tuple[str, str]]:
    return snapshot(agreement, exclude=("partnership", "coverage"))


@transaction.atomic
def save_agreement(actor, partnership: Partnership, values: dict[str, Any], reason: str = "") -> Agreement:
    """Record or change the agreement; its artefact record follows (a new revision when it changed).
    `reason` is kept in the history (an import gives its file)."""
    locked = recording.lock_open(partnership)
    agreement = Agreement.objects.select_for_update().filter(partnership=locked).first()
    before = _snapshot(agreement)
    if agreement is None:
        agreement = Agreement(partnership=locked)
    _apply(agreement, values)
    after = _snapshot(agreement)
    if before == after:
        return agreement
    agreement.save()
    audit(
        actor=actor,
        instance=agreement,
        action=AuditAction.CHANGED if before else AuditAction.CREATED,
        before=before,
        after=after,
        reason=reason,
        partnership=locked,
    )
    title, done, produced_on = _record_of(agreement)
    recording.save_record(
        actor, locked, SLOT, kind="agreement", title=title, complete=done, produced_on=produced_on, answers={}
    )
    return agreement


def _apply(agreement: Agreement, values: dict[str, Any]) -> None:
    for name in AGREEMENT_FIELDS:
        setattr(agreement, name, values.get(name) if name.endswith("_on") else values.get(name) or "")


def _record_of(agreement: Agreement) -> tuple[str, bool, date | None]:
    """The agreement's artefact record: its title, whether it is done, and when."""
    done = agreement.status in DONE_STATUSES
    return agreement.title, done, (agreement.signed_on or agreement.agreed_on) if done else None


@transaction.atomic
def create_many(actor, wanted: Sequence[tuple[Partnership, dict[str, Any]]], reason: str = "") -> None:
    """`save_agreement` for many partnerships (an import's): where a partnership has neither an agreement
    nor its record yet (a new one always), both are saved in bulk with the same history events, in the
    same order, and the obligations kept in step once; any other goes through `save_agreement`."""
    locked = lock_open_many([partnership.pk for partnership, _ in wanted])
    ids = sorted(locked)
    existing: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        existing |= set(
            Agreement.objects.filter(partnership_id__in=chunk).values_list("partnership_id", flat=True)
        )
        existing |= set(
            ArtefactRecord.objects.filter(partnership_id__in=chunk, slot=SLOT).values_list(
                "partnership_id", flat=True
            )
        )
    fresh: list[Agreement] = []
    later: list[tuple[Partnership, dict[str, Any]]] = []  # saved one by one, after the new ones
    for partnership, values in wanted:
        if partnership.pk in existing:
            later.append((partnership, values))
            continue
        existing.add(partnership.pk)  # a second agreement for the same partnership changes the first
        agreement = Agreement(partnership=locked[partnership.pk])
        _apply(agreement, values)
        fresh.append(agreement)
    insert_returning(Agreement, fresh)
    records = recording.create_records(
        actor, SLOT, "agreement", [(a.partnership, *_record_of(a)) for a in fresh]
    )
    events: list[AuditEvent] = []
    for agreement, record_event in zip(fresh, records, strict=True):
        created = event(
            actor=actor,
            instance=agreement,
            action=AuditAction.CREATED,
            before={},
            after=_snapshot(agreement),
            reason=reason,
            partnership=agreement.partnership,
        )
        events += [e for e in (created, record_event) if e is not None]
    insert_rows(AuditEvent, events)
    if fresh:
        partnerships_changed([a.partnership_id for a in fresh])
    for partnership, values in later:
        save_agreement(actor, partnership, values, reason)


def _new_revision(partnership: Partnership) -> None:
    """What approvers approve is the agreement as it stands: any change needs approving again."""
    recording.new_revision(partnership, [SLOT])


def _locked_agreement(partnership: Partnership) -> tuple[Partnership, Agreement]:
    locked = recording.lock_open(partnership)
    agreement = Agreement.objects.select_for_update().filter(partnership=locked).first()
    if agreement is None:
        raise NoAgreement("Record the agreement first.")
    return locked, agreement


GAP = "gap_"  # the key of a heading's reason for leaving it out, in `save_coverage`'s entries


@transaction.atomic
def save_coverage(actor, partnership: Partnership, template: Template, entries: dict[str, str]) -> Agreement:
    """Where the agreement covers each of the template's headings (an empty entry means not covered)
    and, under `gap_<heading id>`, why a heading left out is left out. A reason is kept only for a
    heading not covered; the change is a new revision, so the approvers accept the gaps afresh."""
    locked, agreement = _locked_agreement(partnership)
    coverage = dict(agreement.coverage or {})
    reasons = dict(agreement.gap_reasons or {})
    before, after = {}, {}
    for heading in template.headings:
        label = f"Covers: {heading.text}"[:200]
        why_label = f"Left out: {heading.text}"[:200]
        before[heading.id] = (label, str(coverage.get(heading.id) or ""))
        before[GAP + heading.id] = (why_label, str(reasons.get(heading.id) or ""))
        text = str(entries.get(heading.id) or "").strip()
        why = "" if text else str(entries.get(GAP + heading.id) or "").strip()
        for store, key, value in ((coverage, heading.id, text), (reasons, heading.id, why)):
            if value:
                store[key] = value
            else:
                store.pop(key, None)
        after[heading.id] = (label, text)
        after[GAP + heading.id] = (why_label, why)
    if before == after:
        return agreement
    agreement.coverage = coverage
    agreement.gap_reasons = reasons
    agreement.save(update_fields=["coverage", "gap_reasons"])
    _new_revision(locked)
    audit(
        actor=actor,
        instance=agreement,
        action=AuditAction.CHANGED,
        before=before,
        after=after,
        reason=f"Coverage checked against {template.name}",
        partnership=locked,
    )
    return agreement


def _signatory_snapshot(signatory: Signatory) -> dict[str, tuple[str, str]]:
    return snapshot(signatory, exclude=("agreement",))


@transaction.atomic
def add_signatory(actor, partnership: Partnership, values: dict[str, Any]) -> Signatory:
    locked, agreement = _locked_agreement(partnership)
    organisation = values["organisation"]
    if not locked.memberships.filter(organisation=organisation).exists():
        raise ValueError(f"{organisation} is not a member of this partnership")
    signatory = Signatory.objects.create(
        agreement=agreement,
        name=values["name"],
        position=values.get("position") or "",
        organisation=organisation,
        signed_on=values.get("signed_on"),
    )
    _new_revision(locked)
    audit(
        actor=actor,
        instance=signatory,
        action=AuditAction.CREATED,
        before={},
        after=_signatory_snapshot(signatory),
        reason=f"Signatory of {agreement.title}",
        partnership=locked,
    )
    return signatory


@transaction.atomic
def remove_signatory(actor, partnership: Partnership, signatory: Signatory) -> None:
    locked, agreement = _locked_agreement(partnership)
    if signatory.agreement_id != agreement.pk:
        raise NoAgreement("That signatory is not on this partnership's agreement.")
    before = _signatory_snapshot(signatory)
    audit(
        actor=actor,
        instance=signatory,
        action=AuditAction.REMOVED,
        before=before,
        after={},
        reason=f"Removed from the signatories of {agreement.title}",
        partnership=locked,
    )
    signatory.delete()
    _new_revision(locked)
