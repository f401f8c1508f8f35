"""Which of the cycle's records count as evidence, and why some fall short (ADR 0024).

- A complete artefact record counts on the day it was produced, except:
  - a record for a review artefact: a review counts only when carried out on the Reviews pages, with
    its decision and rating (accord.domain.reviews.evidence) — a checklist never stands in for it;
  - a record for an artefact done on the monitoring pages (progress reports, period values...);
  - a record for an artefact met in its natural place: a risk register (the Risks tab), an exit
    strategy (the register's field or the exit plan), a role (People and roles);
  - the governing document's record: the agreement itself decides (below).
- A report recorded in the cycle counts only for a real period (its end after its start).
- The exit plan written with the decision to leave is an exit strategy once every part is written.
- The governing document counts when its status and coverage are what the framework requires
  (accord.domain.lifecycle.governing); otherwise it falls short, and the gates say why.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from accord.frameworks.apply import ARTEFACT_KEY
from accord.frameworks.engine import framework_type
from accord.frameworks.evidence_rules import governing_artefact
from accord.frameworks.facts import Shortfall
from accord.frameworks.schema import Artefact, Framework
from accord.kernel import clock
from accord.register.models import Partnership

from . import agreements, content, governing
from .content import real_period
from .leaving import DECISION_SLOT, plan_headings
from .models import Agreement, ArtefactRecord

Found = dict[int, dict[str, tuple[date, ...]]]
Shortfalls = dict[int, dict[str, Shortfall]]
REPORT_KINDS = ("progress_report", "performance_report")
NATURAL_KINDS = ("risk_register", "exit_strategy")  # met on the Risks tab, the register and the exit plan
EXIT_STRATEGY = "exit_strategy"
CHUNK = 2000


def natural_place(artefact: Artefact) -> bool:
    """Whether the artefact is met where the fact is naturally recorded, not by a record of its own."""
    return artefact.kind in NATURAL_KINDS or artefact.met_by_role is not None


def never_counts(framework: Framework, artefact: Artefact) -> bool:
    """Whether a record in the cycle for this artefact can never be evidence of it."""
    return (
        artefact.kind == "review"
        or content.done_elsewhere(framework, artefact) is not None
        or natural_place(artefact)
        or artefact.kind == "agreement"
    )


def needs_period(framework: Framework, artefact: Artefact) -> bool:
    """A report recorded in the cycle (not on the monitoring pages) states the period it covers."""
    return artefact.kind in REPORT_KINDS and not never_counts(framework, artefact)


def plan_written(answers: Mapping[str, Any]) -> bool:
    plan = answers.get("plan") or {}
    headings = plan_headings(answers)
    return bool(headings) and all(str(plan.get(key) or "").strip() for key, _ in headings)


def _add(found: Found, pk: int, key: str, day: date) -> None:
    kinds = found.setdefault(pk, {})
    kinds[key] = (*kinds.get(key, ()), day)


def _key(slot: str) -> str:
    # Singletons (business case, sign-off...) meet every artefact of their kind; any other record
    # meets its own artefact only.
    return slot if slot in content.SINGLETON_KINDS else ARTEFACT_KEY + slot


class RecordEvidence:
    """Evidence and shortfalls from the cycle's records and agreements, for many partnerships at once."""

    def __init__(self, framework: Framework, partnerships: Mapping[int, Partnership]):
        self.framework = framework
        self.partnerships = partnerships
        slots = {content.slot_for(a): a for a in framework.artefacts}
        self.never = {slot for slot, a in slots.items() if never_counts(framework, a)}
        self.with_period = {slot for slot, a in slots.items() if needs_period(framework, a)}
        self.found: Found = {}
        self.shortfalls: Shortfalls = {}
        self._governing: dict[str, Artefact | None] = {}  # by register type name

    def governing(self, pk: int) -> Artefact | None:
        partnership = self.partnerships.get(pk)
        if partnership is None:
            return None
        name = partnership.partnership_type.name
        if name not in self._governing:
            self._governing[name] = governing_artefact(self.framework, framework_type(self.framework, name))
        return self._governing[name]

    def gather(self, ids: list[int]) -> "RecordEvidence":
        self._records(ids)
        self._with_answers(ids)
        self._agreements(ids)
        return self

    def _records(self, ids: list[int]) -> None:
        skip = self.never | self.with_period
        records = (
            ArtefactRecord.objects.filter(partnership_id__in=ids, complete=True)
            .exclude(slot__in=skip)
            .values_list("partnership_id", "slot", "produced_on", "updated_at")
        )
        for pk, slot, produced_on, updated_at in records.iterator(chunk_size=CHUNK):
            governing_doc = self.governing(pk)
            if governing_doc is not None and slot == content.slot_for(governing_doc):
                continue  # the governing document counts from the agreement page (below)
            _add(self.found, pk, _key(slot), produced_on or clock.local_date(updated_at))

    def _with_answers(self, ids: list[int]) -> None:
        """Reports recorded in the cycle (their period) and the exit plan (written with the decision)."""
        rows = ArtefactRecord.objects.filter(
            partnership_id__in=ids, slot__in=[*self.with_period, DECISION_SLOT]
        ).values_list("partnership_id", "slot", "complete", "produced_on", "updated_at", "answers")
        for pk, slot, complete, produced_on, updated_at, answers in rows.iterator(chunk_size=CHUNK):
            day = produced_on or clock.local_date(updated_at)
            if slot == DECISION_SLOT:
                if plan_written(answers or {}):
                    _add(self.found, pk, EXIT_STRATEGY, clock.local_date(updated_at))
                continue
            if not complete:
                continue
            if real_period(answers or {}) is None:
                text = "it covers no period: a report counts only for a period that ends after it starts"
                self.shortfalls.setdefault(pk, {})[slot] = Shortfall(text)
                continue
            _add(self.found, pk, _key(slot), day)

    def _agreements(self, ids: list[int]) -> None:
        rows = Agreement.objects.filter(partnership_id__in=ids).values_list(
            "partnership_id", "status", "agreed_on", "signed_on", "coverage", "gap_reasons"
        )
        for pk, status, agreed_on, signed_on, covered, reasons in rows.iterator(chunk_size=CHUNK):
            artefact = self.governing(pk)
            if artefact is None:
                continue
            template = agreements.template_for(self.framework, artefact)
            coverage = governing.coverage_of(template, covered or {}, reasons or {})
            counts, shortfall = governing.judge(self.framework, artefact, status, coverage)
            if shortfall is not None:
                self.shortfalls.setdefault(pk, {})[artefact.id] = shortfall
            day = signed_on if status == "signed" else agreed_on
            if counts and day is not None:
                _add(self.found, pk, ARTEFACT_KEY + artefact.id, day)


def gather(
    framework: Framework, partnerships: Mapping[int, Partnership], ids: Iterable[int]
) -> RecordEvidence:
    return RecordEvidence(framework, partnerships).gather(list(ids))
