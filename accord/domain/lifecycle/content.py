"""What each artefact holds and when it is complete: rules as data, checked by pure functions.

- `slot_for`: where an artefact's record lives (singletons by kind, the rest by artefact id).
- `business_case`: the framework's own business case (its parts and questions, ADR 0028); answers
  live under `sections` by question id, the evidence for each part under `evidence` by part id.
- `answer_gaps` / `business_case_gaps`: what is still unanswered ("an empty comment is not an
  answer", Bury App 2); a question the register answers (`prefill`) is not asked again.
- `warnings`: the 'no' answers to the questions before setting up and the factors against that
  are present, shown prominently to approvers.
"""

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from accord.frameworks import places
from accord.frameworks.schema import Artefact, BusinessCase, CasePart, CaseQuestion, Framework, QuestionBank

SINGLETON_KINDS = ("business_case", "sign_off", "agreement", "exit_decision", "exit_report")


def slot_for(artefact: Artefact) -> str:
    return artefact.kind if artefact.kind in SINGLETON_KINDS else artefact.id


def done_elsewhere(framework: Framework, artefact: Artefact) -> str | None:
    """The URL name of the page that does this artefact when it is not done in the cycle: reviews
    are carried out on the Reviews pages (with a decision and a rating), progress reports and
    performance records on the monitoring pages. None when the cycle's own pages do it."""
    if page := places.page_for_kind(artefact.kind):  # registered by the app that does it
        return page
    monitoring = getattr(framework, "monitoring", None)
    for record in monitoring.records if monitoring else ():
        if record.artefact == artefact.id:
            return places.page_for_record(record.record)
    return None


def real_period(answers: Mapping[str, Any]) -> tuple[date, date] | None:
    """The period a report recorded in the cycle covers (`answers["period"]`, ISO dates), if it is a
    real one: it ends after it starts (ADR 0024)."""
    period = answers.get("period") or {}
    try:
        start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if end > start else None


def business_case(framework: Framework) -> BusinessCase | None:
    """The framework's own business case (ADR 0028); None when the framework has none."""
    return framework.business_case


def bank(framework: Framework, bank_id: str) -> QuestionBank | None:
    """A question bank of the council's framework, by id (never another framework's)."""
    return next((b for b in framework.question_banks if b.id == bank_id), None)


def business_case_banks(framework: Framework) -> list[QuestionBank]:
    """The question banks the business case must pass: those its artefacts name, in the framework."""
    ids = [b for a in framework.artefacts if a.kind == "business_case" for b in a.banks]
    return [found for i in dict.fromkeys(ids) if (found := bank(framework, i))]


def is_answered(question: CaseQuestion, answers: Mapping[str, Any], prefilled: Collection[str] = ()) -> bool:
    """A question is answered when the register answers it (prefill) or its answer is not blank."""
    given = answers.get("sections", {}).get(question.id) or {}
    return question.id in prefilled or bool(str(given.get("answer") or "").strip())


def part_complete(part: CasePart, answers: Mapping[str, Any], prefilled: Collection[str] = ()) -> bool:
    return all(is_answered(q, answers, prefilled) for q in part.questions)


def answer_gaps(question_bank: QuestionBank, answers: dict[str, Any]) -> list[str]:
    """Ids of questions in the bank not yet properly answered."""
    gaps = []
    for question in question_bank.questions:
        given = answers.get(question.id) or {}
        answer = str(given.get("answer") or "")
        comment = str(given.get("comment") or "").strip()
        if question_bank.scale == "text":
            ok = bool(comment)
        elif question_bank.scale == "score_1_3":
            ok = answer in {"1", "2", "3"}
        else:
            ok = answer in {"yes", "no", "not_applicable"}
            if question_bank.scale == "yes_no_comment":
                ok = ok and bool(comment)
        if not ok:
            gaps.append(question.id)
    return gaps


def banks_complete(framework: Framework, bank_ids: list[str], answers: dict[str, Any]) -> bool:
    by_bank = answers.get("banks", {})
    for bank_id in bank_ids:
        found = bank(framework, bank_id)
        if found is None or answer_gaps(found, by_bank.get(bank_id, {})):
            return False
    return True


def business_case_gaps(
    framework: Framework, answers: dict[str, Any], prefilled: Collection[str] = ()
) -> list[str]:
    """The questions and question banks still to answer (a question the register answers is not)."""
    case = business_case(framework)
    questions = case.questions() if case else []
    gaps = [q.text for q in questions if not is_answered(q, answers, prefilled)]
    for question_bank in business_case_banks(framework):
        if answer_gaps(question_bank, answers.get("banks", {}).get(question_bank.id, {})):
            gaps.append(question_bank.name)
    return gaps


def warnings(framework: Framework, answers: dict[str, Any]) -> list[tuple[QuestionBank, str]]:
    """(bank, question text) for each 'no' before setting up and each factor against that is present."""
    found = []
    for question_bank in business_case_banks(framework):
        given = answers.get("banks", {}).get(question_bank.id, {})
        flag = {"before_setting_up": "no", "factors_against": "yes"}.get(question_bank.purpose)
        if flag is None:
            continue
        for question in question_bank.questions:
            if (given.get(question.id) or {}).get("answer") == flag:
                found.append((question_bank, question.text))
    return found
