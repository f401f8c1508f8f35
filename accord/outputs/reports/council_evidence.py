"""Issued reports as evidence of the council's own duties (ADR 0031): a council obligation met by a
report (`met_by: {report: private-sector}`) is met on each day that report was issued under the
framework in force. Registered with accord.frameworks.sources from the app's ready(), so the
frameworks never import the reports."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from accord.frameworks.council import Done
from accord.frameworks.schema import Framework
from accord.kernel import clock

from .builders import kinds_for
from .models import ReportSnapshot

PREFIX = "report:"


class IssuedReports:
    """The reports offered under a framework, and the snapshots issued under it."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework

    def reports(self) -> set[str]:
        return set(kinds_for(self.framework))

    def where(self, key: str) -> str | None:
        """The page where the report is written and issued."""
        kind = key.removeprefix(PREFIX)
        if not key.startswith(PREFIX) or kind not in self.reports():
            return None
        return reverse("report", args=[kind])

    def done(self, keys: Iterable[str]) -> dict[str, list[Done]]:
        kinds = {key.removeprefix(PREFIX): key for key in keys if key.startswith(PREFIX)}
        found: dict[str, list[Done]] = {}
        rows = (
            ReportSnapshot.objects.filter(kind__in=kinds, partnership=None, framework_id=self.framework.id)
            .order_by("issued_at", "id")
            .values_list("pk", "kind", "title", "issued_at")
        )
        for pk, kind, title, issued_at in rows:
            path = reverse("report-snapshot", args=[pk])
            found.setdefault(kinds[kind], []).append(Done(clock.local_date(issued_at), title, path))
        return found
