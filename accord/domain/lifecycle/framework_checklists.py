"""Everything the council's framework defines, reachable from the cycle (issue 16): its checklists
that no artefact answers (a bank of points to consider, a report's contents, a board's duties) and the
records it asks for that no gate needs. Each has a page; the cycle page links to every one."""

from collections.abc import Mapping
from typing import Any

from accord.frameworks import defaults
from accord.frameworks.schema import Artefact, Framework, QuestionBank

from . import content

SLOT_PREFIX = "checklist-"  # the record a standalone checklist's answers are kept in
ELSEWHERE_PURPOSES = ("risk_allocation",)  # answered on each risk's page (Redditch App 8 Appendix B)


def standalone_banks(framework: Framework) -> list[QuestionBank]:
    """The framework's own question banks that no artefact answers and no other page asks."""
    answered = {b for a in framework.artefacts for b in a.banks}
    return [
        b for b in framework.question_banks if b.id not in answered and b.purpose not in ELSEWHERE_PURPOSES
    ]


def slot_for_bank(bank: QuestionBank) -> str:
    return f"{SLOT_PREFIX}{bank.id}"


def only_when_not_met(framework: Framework, artefact_id: str, conditions: Mapping[str, bool] | None) -> bool:
    """Whether the framework asks for this artefact only in cases that do not hold for this
    partnership: every requirement and obligation naming it says `when`, and none is met (ADR 0028)."""
    whens = [r.when for r in framework.requirements if r.artefact == artefact_id]
    whens += [o.when for o in framework.obligations if o.artefact == artefact_id]
    return bool(whens) and all(when is not None and not when.met(conditions) for when in whens)


def recorded_as_a_record(framework: Framework, artefact: Artefact) -> bool:
    """An exit report under a framework with no leaving form (Bury's final reports at dissolution) is
    recorded as a record, not on a leaving form the council does not have (ADR 0027)."""
    return artefact.kind == "exit_report" and defaults.document_template(framework, "leaving_form") is None


def other_records(
    framework: Framework, shown: set[str], conditions: Mapping[str, bool] | None = None
) -> list[Artefact]:
    """The framework's artefacts not already listed on the cycle page (`shown`): each is recorded,
    done or decided on its own page, so it is reached from the cycle even when no gate needs it —
    except one the framework asks for only in cases this partnership is not (`conditions`)."""
    return [
        a
        for a in framework.artefacts
        if a.id not in shown
        and (a.kind not in (*content.SINGLETON_KINDS, "approval") or recorded_as_a_record(framework, a))
        and not a.banks
        and not only_when_not_met(framework, a.id, conditions)
    ]


def answer_rows(
    bank: QuestionBank, answers: dict[str, Any], labels: dict[str, str]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each question with its answer and comment, as summary list rows to read (for a role that may
    see the cycle but not change the partnership), under the framework's headings where the bank
    groups its questions: [(heading, rows)], one group with no heading otherwise."""
    rows = _rows(bank, answers, labels)
    if not bank.groups:
        return [("", list(rows.values()))]
    return [(g.heading, [rows[q] for q in g.questions if q in rows]) for g in bank.groups]


def _rows(bank: QuestionBank, answers: dict[str, Any], labels: dict[str, str]) -> dict[str, dict[str, Any]]:
    rows = {}
    for number, question in enumerate(bank.questions, start=1):
        given = answers.get(question.id) or {}
        answer = labels.get(str(given.get("answer") or ""), str(given.get("answer") or ""))
        comment = str(given.get("comment") or "")
        said = "; ".join(part for part in (answer, comment) if part)
        rows[question.id] = {
            "key": {"text": f"{number}. {question.text}"},
            "value": {"text": said or "Not answered yet"},
        }
    return rows
