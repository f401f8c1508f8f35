"""The partnership cycle as evidence for the framework engines (an `EvidenceSource`).

Completed artefact records count as evidence on the date they were produced, as far as
accord.lifecycle.record_evidence says they count at all (ADR 0024), and `shortfalls` says why a
recorded one falls short; the cycle's decisions give the dates obligations count from (approved,
agreement signed, decided to leave).
`approvals` gives, for the gates, the latest decision in each role on each artefact's current
revision.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from accord.frameworks import loader
from accord.frameworks.facts import Shortfall
from accord.register.models import Partnership

from . import record_evidence
from .models import Agreement, ArtefactRecord, Decision, Outcome, Transition


class LifecycleEvidence:
    def __init__(self, partnerships: Sequence[Partnership]):
        self._partnerships = {p.pk: p for p in partnerships}
        self._gathered: dict[tuple[int, ...], record_evidence.RecordEvidence] = {}

    def _records(self, ids: list[int]) -> record_evidence.RecordEvidence:
        key = tuple(ids)
        if key not in self._gathered:
            self._gathered[key] = record_evidence.gather(loader.current(), self._partnerships, ids)
        return self._gathered[key]

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        ids = list(partnership_ids)
        found = self._records(ids).found
        return {pk: found.get(pk, {}) for pk in ids}

    def shortfalls(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, Shortfall]]:
        return self._records(list(partnership_ids)).shortfalls

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        ids = list(partnership_ids)
        anchors: dict[int, dict[str, date | None]] = {pk: {} for pk in ids}
        moves = Transition.objects.filter(partnership_id__in=ids, to_status__in=("agreement", "active"))
        for pk, to_status, decided_on in moves.order_by("at", "id").values_list(
            "partnership_id", "to_status", "decided_on"
        ):
            if to_status == "agreement":
                anchors[pk]["approved"] = decided_on
            elif self._partnerships.get(pk) is not None and self._partnerships[pk].start_date is None:
                anchors[pk].setdefault("joined", decided_on)
        for pk, signed_on in Agreement.objects.filter(partnership_id__in=ids).values_list(
            "partnership_id", "signed_on"
        ):
            anchors[pk]["agreement_signed"] = signed_on
        decisions = ArtefactRecord.objects.filter(partnership_id__in=ids, slot="exit_decision", complete=True)
        for pk, produced_on in decisions.values_list("partnership_id", "produced_on"):
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
    """`approvals` for many partnerships at once (two queries): partnership id -> its approvals."""
    current: dict[int, dict[str, int]] = {}
    for pk, slot, revision in ArtefactRecord.objects.filter(partnership_id__in=ids).values_list(
        "partnership_id", "slot", "revision"
    ):
        current.setdefault(pk, {})[slot] = revision
    latest: dict[int, dict[tuple[str, str], str]] = {}
    for pk, artefact_id, role_id, revision, outcome in (
        Decision.objects.filter(partnership_id__in=ids)
        .order_by("at", "id")
        .values_list("partnership_id", "artefact_id", "role_id", "revision", "outcome")
    ):
        if current.get(pk, {}).get(slots.get(artefact_id, artefact_id), 1) == revision:
            latest.setdefault(pk, {})[(artefact_id, role_id)] = outcome
    return latest


def approved_artefacts(partnership: Partnership) -> set[str]:
    return set(
        Decision.objects.filter(partnership=partnership, outcome=Outcome.APPROVED).values_list(
            "artefact_id", flat=True
        )
    )
