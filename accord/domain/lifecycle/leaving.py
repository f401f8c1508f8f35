"""Leaving a partnership: the decision to leave, the exit plan and the leaving form.

The rules are data here, each with the clause it comes from:

- `reason_choices` / `exit_plan`: why the council's involvement ends and what the exit plan covers,
  from the framework's `leaving` (its own words; the model's only where the file adopts it).
  Decisions store the reason's words and the plan's headings they were recorded with.
- `FORM_QUESTIONS`: how each question of the leaving form (Redditch App 5, the framework's
  `leaving_form` template) is answered and what it says when left unanswered.

The decision is the `exit_decision` record (its date counts as `decided_to_leave`, the anchor of
the leaving form's obligation); the leaving form is the `exit_report` record.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from accord.frameworks import defaults
from accord.frameworks.durations import parse
from accord.frameworks.schema import Framework, Leaving, Template
from accord.kernel import clock
from accord.register.models import Partnership

from . import cycle, recording
from .models import ArtefactRecord

DECISION_SLOT = "exit_decision"
REPORT_SLOT = "exit_report"

# The states in which a decision to leave can be recorded.
OPEN_STATES = (cycle.ACTIVE, cycle.UNDER_REVIEW, cycle.LEAVING)

OTHER = "other"
# "a clear exit strategy needs to be in place for both the planned and unplanned cessation" (Bury 9.21)
PLANNED_CHOICES = (("planned", "Planned"), ("unplanned", "Unplanned"))
# "This does not necessarily mean that the partnership itself will cease." (Redditch 11)
CONTINUES_CHOICES = (("yes", "Yes"), ("no", "No"), ("not_known", "Not known"))
YES_NO = (("yes", "Yes"), ("no", "No"))

# Decisions recorded before the reasons and exit-plan headings were the framework's (schema v2) were
# keyed by Accord's own ids; these labels keep them readable. Nothing new is offered from them.
LEGACY_REASONS = {
    "achieved": "The partnership achieved all that it set out to do",
    "objectives_changed": "The objectives of the council or its partners changed",
    "not_delivering": (
        "On review, the partnership is not delivering the outputs and outcomes it was set up to do"
    ),
    "replaced": "The partnership is replaced with another partnership or working arrangement",
    "funding_ceased": "External funding sources or resources ceased",
    "adverse_risk": "On review, an adverse level of risk of continuing the partnership was identified",
    "legal_framework_changed": "The legal framework on which the partnership was founded changed",
}
LEGACY_PLAN = {
    "termination": "Termination provisions",
    "notice": "Notice periods",
    "liabilities": "Liabilities",
    "assets": "Assets",
    "final_reporting": "Final reporting",
    "informing": "Informing funders and stakeholders",
    "learning": "Sharing what was learned",
}
PLAN = "plan"  # the single exit plan of a framework that names no headings
PLAN_LABEL = "The exit plan"


@dataclass(frozen=True)
class PlanHeading:
    id: str
    label: str
    hint: str
    cite: str


def rules(framework: Framework) -> Leaving | None:
    """The framework's reasons for leaving and exit-plan headings (its own, or the model's where
    the file adopts them); None where it has neither."""
    return defaults.leaving(framework)


def reason_choices(framework: Framework) -> tuple[tuple[str, str], ...]:
    """The reasons to choose from, in the framework's words, then Other; none where the framework
    lists no reasons (the reason is then given in words)."""
    found = rules(framework)
    if found is None or not found.reasons:
        return ()
    return (*((r.id, r.text) for r in found.reasons), (OTHER, "Other"))


def exit_plan(framework: Framework) -> tuple[PlanHeading, ...]:
    """The exit plan's headings, in the framework's words; one plan in words where it names none."""
    found = rules(framework)
    if found is None or not found.exit_plan:
        return (
            PlanHeading(
                PLAN, PLAN_LABEL, "How the council will leave: notice, liabilities, assets, reporting.", ""
            ),
        )
    return tuple(PlanHeading(h.id, h.label, h.hint, h.cite) for h in found.exit_plan)


def plan_headings(answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(id, label) of the exit plan's headings as recorded with the decision: the framework's at the
    time (stored with it), else Accord's earlier headings for a decision recorded before."""
    stored = answers.get("plan_headings")
    if stored:
        return [(str(item[0]), str(item[1])) for item in stored]
    plan = answers.get("plan") or {}
    if not plan:
        return []
    others = [(key, PLAN_LABEL if key == PLAN else key) for key in plan if key not in LEGACY_PLAN]
    return [*LEGACY_PLAN.items(), *others]


DECISION_REQUIRED = ("decided_on", "decided_by", "reference", "planned", "continues")


@dataclass(frozen=True)
class FormQuestion:
    """How one question of the leaving form is answered."""

    kind: str  # text | long_text | date | choice | list
    missing: str  # the error when it is not answered
    choices: tuple[tuple[str, str], ...] = ()
    only_if_yes: str = ""  # needed only when this other question is answered yes
    item: str = ""  # for a list: what each entry is called ("Achievement" -> Achievement 1, 2, 3)


LIST_SIZE = 3  # "State up to 3 things..." (Redditch App 5 questions 8 to 10)
FAILURE_CHOICES = (*YES_NO, ("no_failure", "No failure to deliver was identified"))
FORM_QUESTIONS: dict[str, FormQuestion] = {
    "name": FormQuestion("text", "Enter the name of the partnership"),
    "decision_date": FormQuestion("date", "Enter the date the formal decision was taken"),
    "end_date": FormQuestion("date", "Enter the date active involvement ended or will end"),
    "why_ended": FormQuestion("long_text", "Enter why involvement was ended"),
    "system_failures": FormQuestion(
        "choice", "Select whether a failure to deliver was a result of system failures", FAILURE_CHOICES
    ),
    "system_failures_detail": FormQuestion(
        "long_text", "Enter what the system failures were", only_if_yes="system_failures"
    ),
    "continue_without_council": FormQuestion(
        "choice", "Select whether the partnership will continue without the council", CONTINUES_CHOICES
    ),
    "successor_arrangements": FormQuestion(
        "choice", "Select whether the council is looking to develop other working arrangements", YES_NO
    ),
    "successor_arrangements_detail": FormQuestion(
        "long_text", "Enter what the other working arrangements are", only_if_yes="successor_arrangements"
    ),
    "achievements": FormQuestion(
        "list", "Enter at least one thing the partnership achieved", item="Achievement"
    ),
    "best_practice": FormQuestion("list", "Enter at least one example of best practice", item="Example"),
    "could_do_better": FormQuestion(
        "list", "Enter at least one thing the partnership could have done better", item="Thing"
    ),
    "completed_by": FormQuestion("text", "Enter who completed the form, with their job title and contact"),
}
DEFAULT_QUESTION = FormQuestion("long_text", "Answer this question")


class LeavingRefused(Exception):
    """A leaving step refused; the message says why."""


def question(heading_id: str) -> FormQuestion:
    return FORM_QUESTIONS.get(heading_id, DEFAULT_QUESTION)


def leaving_template(framework: Framework) -> Template | None:
    """The leaving form's questions: the framework's `leaving_form` document template (its own, or
    the model framework's where its file adopts it); None where the council has no leaving form."""
    return defaults.document_template(framework, "leaving_form")


@dataclass(frozen=True)
class Due:
    on: date
    name: str
    cite: str


def report_due(framework: Framework, decided_on: date) -> Due | None:
    """When the leaving form is due: the framework's own obligation counted from the decision to
    leave (Redditch: within three months); None where the framework sets no such duty."""
    kinds = {a.id: a.kind for a in framework.artefacts}
    for obligation in framework.obligations:
        if obligation.anchor == "decided_to_leave" and kinds.get(obligation.artefact) == "exit_report":
            return Due(parse(obligation.first_due).after(decided_on), obligation.name, obligation.cite)
    return None


def artefact_title(framework: Framework, kind: str, default: str) -> str:
    return next((a.name for a in framework.artefacts if a.kind == kind), default)


def record(partnership: Partnership, slot: str) -> ArtefactRecord | None:
    return ArtefactRecord.objects.filter(partnership=partnership, slot=slot).first()


def decision_complete(answers: dict[str, Any]) -> bool:
    if any(not str(answers.get(name) or "").strip() for name in DECISION_REQUIRED):
        return False
    return bool(reason_text(answers).strip())


def reason_text(answers: Mapping[str, Any]) -> str:
    """The reason, in the words chosen when it was recorded."""
    if answers.get("reason") == OTHER or not answers.get("reason"):
        return str(answers.get("reason_detail") or "")
    if stored := answers.get("reason_text"):
        return str(stored)
    return LEGACY_REASONS.get(str(answers.get("reason") or ""), "")


def decided_on(decision: ArtefactRecord | None) -> date | None:
    if decision is None or not decision.complete:
        return None
    return decision.produced_on


def worded(framework: Framework, answers: dict[str, Any]) -> dict[str, Any]:
    """The decision with the words it was recorded in: the reason's text and the exit plan's
    headings as the framework gives them now (kept if the caller already gave them)."""
    found = dict(answers)
    reason = str(found.get("reason") or "")
    if "reason_text" not in found and reason and reason != OTHER:
        found["reason_text"] = dict(reason_choices(framework)).get(reason, "")
    if "plan_headings" not in found:
        found["plan_headings"] = [[h.id, h.label] for h in exit_plan(framework)]
    return found


@transaction.atomic
def save_exit_decision(
    actor, partnership: Partnership, answers: dict[str, Any], *, framework: Framework
) -> ArtefactRecord:
    """Record (or correct) the decision to leave and the exit plan. `answers` holds ISO dates."""
    locked = recording.lock_open(partnership)
    if locked.status not in OPEN_STATES:
        raise LeavingRefused(
            f"A partnership that is {locked.get_status_display().lower()} has no involvement to end."
        )
    answers = worded(framework, answers)
    complete = decision_complete(answers)
    return recording.save_record(
        actor,
        locked,
        DECISION_SLOT,
        kind="exit_decision",
        title=artefact_title(framework, "exit_decision", "Decision to leave the partnership"),
        complete=complete,
        answers=answers,
        summary=reason_text(answers)[:10000],
        produced_on=date.fromisoformat(answers["decided_on"]) if complete else None,
        reason=f"Decision to leave recorded ({answers.get('reference', '')})",
    )


def report_gaps(template: Template, answers: dict[str, Any]) -> list[str]:
    """Ids of the leaving form's questions not yet answered."""
    gaps = []
    for heading in template.headings:
        asked = question(heading.id)
        given = answers.get(heading.id)
        if asked.only_if_yes and answers.get(asked.only_if_yes) != "yes":
            continue
        if asked.kind == "list":
            answered = any(str(item).strip() for item in (given or []))
        else:
            answered = bool(str(given or "").strip())
        if not answered:
            gaps.append(heading.id)
    return gaps


@transaction.atomic
def save_leaving_form(
    actor, partnership: Partnership, answers: dict[str, Any], *, submit: bool, framework: Framework
) -> ArtefactRecord:
    """Save the leaving form as a draft, or submit it (refused while a question is unanswered)."""
    locked = recording.lock_open(partnership)
    if decided_on(record(locked, DECISION_SLOT)) is None:
        raise LeavingRefused("Record the decision to leave before the leaving form.")
    template = leaving_template(framework)
    if template is None:
        raise LeavingRefused(f"The {framework.name} has no leaving form.")
    gaps = report_gaps(template, answers)
    if submit and gaps:
        raise LeavingRefused(f"{len(gaps)} question(s) still to answer.")
    existing = record(locked, REPORT_SLOT)
    complete = submit
    produced_on = None
    if complete:
        kept = existing.produced_on if existing is not None and existing.complete else None
        produced_on = kept or clock.today()
    return recording.save_record(
        actor,
        locked,
        REPORT_SLOT,
        kind="exit_report",
        title=artefact_title(framework, "exit_report", template.name),
        complete=complete,
        answers=answers,
        produced_on=produced_on,
        reason="Leaving form submitted" if submit else "Leaving form saved as a draft",
    )
