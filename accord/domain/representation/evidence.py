"""Report-backs as evidence for the framework engines (an `EvidenceSource`): the dates on which a
partnership's representatives reported back to the council meet its regular report-back obligation
(accord.frameworks.duty_rules, evidence key `report_back`). One query for any number of partnerships.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from accord.frameworks.duty_rules import REPORT_BACK
from accord.frameworks.schema import Framework
from accord.register.models import Partnership

from .models import ReportBack

CHUNK = 2000


def report_back_dates(partnership_ids: Iterable[int]) -> dict[int, tuple[date, ...]]:
    ids = list(partnership_ids)
    if not ids:
        return {}
    found: dict[int, list[date]] = {}
    rows = (
        ReportBack.objects.filter(partnership_id__in=ids)
        .order_by("partnership_id", "reported_on")
        .values_list("partnership_id", "reported_on")
        .distinct()
    )
    for pk, day in rows.iterator(chunk_size=CHUNK):
        found.setdefault(pk, []).append(day)
    return {pk: tuple(days) for pk, days in found.items()}


class RepresentationEvidence:
    """Registered with accord.frameworks.sources in this app's AppConfig.ready()."""

    def __init__(self, partnerships: Sequence[Partnership], framework: Framework):
        del framework  # every source is given the framework; this one reads the same under any
        """Made with the partnerships like every source; the methods name the ones wanted."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        return {pk: {REPORT_BACK: days} for pk, days in report_back_dates(partnership_ids).items()}

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        return {}
