"""What the council's framework says about monitoring: which artefacts are written as progress
reports (and on which template), and which artefacts each kind of monitoring record meets (the
framework file's `monitoring:` section). Pure: framework in, answers out."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from accord.frameworks.schema import Artefact, Framework, Heading, MonitoringRecord, Template

PROGRESS_REPORT, PERIOD_VALUES, EXCEPTION_REPORT, DELIVERY_PLAN = (
    "progress_report",
    "period_values",
    "exception_report",
    "delivery_plan",
)


@dataclass(frozen=True)
class ProgressKind:
    """A report the framework asks for that is written in Accord on one of its templates."""

    artefact: Artefact
    template: Template
    cite: str
    note: str

    @property
    def id(self) -> str:
        return self.artefact.id

    @property
    def name(self) -> str:
        return self.artefact.name


def records(framework: Framework) -> tuple[MonitoringRecord, ...]:
    return tuple(framework.monitoring.records) if framework.monitoring else ()


def progress_kinds(framework: Framework) -> list[ProgressKind]:
    """The framework's progress reports, in the order the file lists them."""
    artefacts = {a.id: a for a in framework.artefacts}
    templates = {t.id: t for t in framework.templates}
    kinds = []
    for record in records(framework):
        if record.record != PROGRESS_REPORT or record.artefact not in artefacts:
            continue
        artefact = artefacts[record.artefact]
        template = templates.get(record.template or artefact.template or "")
        if template is not None:
            kinds.append(ProgressKind(artefact, template, record.cite, record.note))
    return kinds


def progress_kind(framework: Framework, artefact_id: str) -> ProgressKind | None:
    return next((k for k in progress_kinds(framework) if k.id == artefact_id), None)


def artefacts_met_by(framework: Framework, record: str) -> tuple[str, ...]:
    """The artefact ids a kind of monitoring record meets in this framework."""
    known = {a.id for a in framework.artefacts}
    return tuple(r.artefact for r in records(framework) if r.record == record and r.artefact in known)


def missing_headings(headings: list[Heading], answers: Mapping[str, str]) -> list[Heading]:
    """The headings with no answer yet: a report cannot be submitted while any is empty."""
    return [h for h in headings if not str(answers.get(h.id, "")).strip()]


_FROM_TO = re.compile(r"from X to X( \[date\])?")


def heading_text(text: str, period_start: date | None, period_end: date | None) -> str:
    """A heading as the report reads: the template's placeholder "from X to X [date]" becomes the
    report's period."""
    if period_start and period_end:
        text = _FROM_TO.sub(f"from {period_start:%-d %B %Y} to {period_end:%-d %B %Y}", text)
    return text


def default_period(last_end: date | None, joined: date | None, today: date) -> tuple[date, date]:
    """A new report runs from the day after the last report ended (or from when the council joined,
    or six months back if neither is known) to today."""
    if last_end is not None and last_end < today:
        return last_end + timedelta(days=1), today
    if joined is not None and joined < today:
        return max(joined, date(today.year - 1, today.month, min(today.day, 28))), today
    return today - timedelta(days=182), today
