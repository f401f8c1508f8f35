"""People and roles as evidence for the framework engines (an `EvidenceSource`, ADR 0024).

A role held on a partnership today meets the framework's artefacts that name it with `met_by_role`
(Northampton's allocation of a sponsoring officer, Bury's Budget Holder): the evidence is keyed
`role:<role type>` (accord.frameworks.apply maps it to those artefacts) and dated when the holder took
the role on, else when it was recorded. One query for any number of partnerships.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.db.models import Q

from accord.kernel import clock

from .models import Partnership, PartnershipRole

ROLE_KEY = "role:"  # evidence keyed by a role type; accord.frameworks.apply reads it
CHUNK = 2000


def role_dates(partnership_ids: Iterable[int], today: date) -> dict[int, dict[str, tuple[date, ...]]]:
    """partnership id -> `role:<type>` -> the dates current holders took each role on."""
    ids = list(partnership_ids)
    found: dict[int, dict[str, tuple[date, ...]]] = {}
    if not ids:
        return found
    rows = (
        PartnershipRole.objects.filter(partnership_id__in=ids)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .order_by()
        .values_list("partnership_id", "role", "start_date", "created_at", "partnership__created_at")
    )
    for pk, role, start_date, created_at, partnership_created in rows.iterator(chunk_size=CHUNK):
        day = start_date or clock.local_date(created_at or partnership_created)
        key = ROLE_KEY + role
        kinds = found.setdefault(pk, {})
        kinds[key] = (*kinds.get(key, ()), day)
    return found


class RoleEvidence:
    """Registered with accord.frameworks.sources by the frameworks' AppConfig.ready()."""

    def __init__(self, partnerships: Sequence[Partnership], framework: object):
        # The roles a partnership has are the same under any framework.
        """Made with the partnerships like every source; the methods name the ones wanted."""

    def evidence(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, tuple[date, ...]]]:
        return role_dates(partnership_ids, clock.today())

    def anchors(self, partnership_ids: Iterable[int]) -> Mapping[int, Mapping[str, date | None]]:
        return {}
