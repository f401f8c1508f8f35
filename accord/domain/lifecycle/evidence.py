"""The partnership cycle as evidence for the framework engines (an `EvidenceSource`).

Completed artefact records count as evidence on the date they were produced, as far as
accord.domain.lifecycle.record_evidence says they count at all (ADR 0024), and `shortfalls` says why a
recorded one falls short; the cycle's decisions give the dates obligations count from (approved,
agreement signed, decided to leave).
`approvals` gives, for the gates, the latest decision in each role on each artefact that still
counts.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from accord.frameworks.apply import ENDED
from accord.frameworks.facts import Shortfall
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.register.models import Partnership
from accord.register.states import IN_BEING

from . import basis, record_evidence
from .models import Agreement, ArtefactRecord, Decision, Outcome, Transition

ANCHORING_MOVES = ("agreement", *IN_BEING, "closed", "rejected", "withdrawn")


class LifecycleEvidence:
    def __init__(self, partnerships: Sequence[Partnership], framework: Framework):
        self._framework = framework
        self._partnerships = {p.pk: p for p in partnerships}
        self._gathered: dict[tuple[int, ...], record_evidence.RecordEvidence] = {}

    def _records(self, ids: list[int]) -> record_evidence.RecordEvidence:
        key = tuple(ids)
        if key not in self._gathered:
            self._gathered[key] = record_evidence.gather(self._framework, self._partnerships, ids)
        return self._gathered[key]

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        ids = list(partnership_ids)
        found = self._records(ids).found
        return {pk: found.get(pk, {}) for pk in ids}

    def shortfalls(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, Shortfall]]:
        return self._records(list(partnership_ids)).shortfalls

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        """The cycle's events (ADR 0021): approved (the move into agreement), activated (the first
        move into being: active, or an existing partnership recorded as active, under review or
        leaving), agreement signed, decided to leave (the decision-to-leave record, else the move
        into leaving) and ended (closed, rejected or withdrawn)."""
        ids = list(partnership_ids)
        anchors: dict[int, dict[str, date | None]] = {pk: {} for pk in ids}
        moves = Transition.objects.filter(partnership_id__in=ids, to_status__in=ANCHORING_MOVES)
        for pk, to_status, decided_on in moves.order_by("at", "id").values_list(
            "partnership_id", "to_status", "decided_on"
        ):
            found = anchors[pk]
            if to_status == "agreement":
                found["approved"] = decided_on
            elif to_status in IN_BEING:
                found.setdefault("activated", decided_on)
                if to_status == "leaving":
                    found.setdefault("decided_to_leave", decided_on)
            else:
                found[ENDED] = decided_on
        for pk, partnership in self._partnerships.items():
            # A partnership in being with no move into being (recorded before Accord kept its cycle):
            # it became active when it began, as far as anyone recorded.
            if pk in anchors and partnership.status in IN_BEING and "activated" not in anchors[pk]:
                anchors[pk]["activated"] = partnership.start_date or clock.local_date(partnership.created_at)
        for pk, signed_on in Agreement.objects.filter(partnership_id__in=ids).values_list(
            "partnership_id", "signed_on"
        ):
            anchors[pk]["agreement_signed"] = signed_on
        decisions = ArtefactRecord.objects.filter(partnership_id__in=ids, slot="exit_decision", complete=True)
        for pk, produced_on in decisions.values_list("partnership_id", "produced_on"):
            if produced_on is not None:
                anchors[pk]["decided_to_leave"] = produced_on
        return anchors


def revisions(partnership: Partnership) -> dict[str, int]:
    """slot -> current revision of each artefact record the partnership has."""
    return dict(ArtefactRecord.objects.filter(partnership=partnership).values_list("slot", "revision"))


def approvals(partnership: Partnership, slots: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """(artefact id, role id) -> outcome of the latest decision on the artefact's current revision.

    `slots` maps each artefact id to the slot its record lives in."""
    return approvals_for([partnership.pk], slots).get(partnership.pk, {})


def approvals_for(ids: Sequence[int], slots: Mapping[str, str]) -> dict[int, dict[tuple[str, str], str]]:
    """`approvals` for many partnerships at once (a few queries): partnership id -> its approvals.
    A decision counts until something it was based on changes (accord.domain.lifecycle.basis)."""
    return basis.approvals_for(ids, slots)


def approved_artefacts(partnership: Partnership) -> set[str]:
    return set(
        Decision.objects.filter(partnership=partnership, outcome=Outcome.APPROVED).values_list(
            "artefact_id", flat=True
        )
    )
