"""What each artefact holds and when it is complete: rules as data, checked by pure functions.

- `slot_for`: where an artefact's record lives (singletons by kind, the rest by artefact id).
- `BUSINESS_CASE`: the business case's sections (Redditch App 2a), each answer with its evidence.
- `bank_gaps` / `business_case_gaps`: what is still unanswered ("an empty comment is not an answer",
  Bury App 2).
- `warnings`: the 'no' answers to the questions before setting up and the factors against that
  are present (Redditch App 8 Appendix A), shown prominently to approvers.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from accord.frameworks import loader, places
from accord.frameworks.schema import Artefact, Framework, QuestionBank

SINGLETON_KINDS = ("business_case", "sign_off", "agreement", "exit_decision", "exit_report")
APP_2A = "004_0d99c29b5f1d20f0.txt App 2a"


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


@dataclass(frozen=True)
class Section:
    id: str
    group: str
    label: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # a choice instead of free text


NATURE: tuple[tuple[str, str], ...] = (
    ("set_up", "Setting up a partnership"),
    ("join", "Joining an existing partnership"),
)
NATURE += (("review", "Reviewing an existing partnership"),)
YES_NO = (("yes", "Yes"), ("no", "No"))

BUSINESS_CASE: tuple[Section, ...] = (
    Section("nature", "Nature of the business case", "What is this business case for?", choices=NATURE),
    Section("statutory", "Nature of the business case", "Is the partnership statutory?", choices=YES_NO),
    Section(
        "aims", "Reasons for the partnership", "What are the key aims and objectives of the partnership?"
    ),
    Section(
        "fit_with_plans",
        "Reasons for the partnership",
        "How do they fit with the council's plans?",
        "The Corporate Plan, the community strategy and the council's operational outcomes.",
    ),
    Section("accountable_to", "Reasons for the partnership", "To whom is the partnership accountable?"),
    Section("council_role", "Reasons for the partnership", "What is the role of the council?"),
    Section("members", "Reasons for the partnership", "Which organisations make up the partnership?"),
    Section(
        "missing_players", "Reasons for the partnership", "Are any key players missing who should be in it?"
    ),
    Section("other_options", "Other options considered", "What other working arrangements were considered?"),
    Section("why_rejected", "Other options considered", "Why were they rejected?"),
    Section(
        "partnership_most_effective",
        "Other options considered",
        "Is a partnership the most effective way to deliver the council's outcomes?",
    ),
    Section(
        "value_for_money", "Benefits of the partnership", "How does the partnership offer value for money?"
    ),
    Section(
        "added_value", "Benefits of the partnership", "Give specific examples of the added value it delivers."
    ),
    Section(
        "smart_outcomes",
        "Benefits of the partnership",
        "What are its SMART outcomes and targets?",
        "Specific, measurable, achievable, realistic and time-bound.",
    ),
    Section(
        "risks_opportunities",
        "Risks and opportunities",
        "What are the main risks and opportunities?",
        "Attach the risk assessment as evidence.",
    ),
    Section(
        "equality_impact",
        "Risks and opportunities",
        "What did the equality impact assessment find?",
        "Attach the completed equality impact assessment as evidence.",
    ),
    Section(
        "reputation_if_not",
        "Risks and opportunities",
        "Could the council's reputation suffer if it does not join, or leaves? How would that be managed?",
    ),
    Section(
        "funding_if_not",
        "Risks and opportunities",
        "Would the council lose any funding if it does not join, or leaves?",
    ),
    Section(
        "resources",
        "Costs and timescales",
        "What resources will the council provide?",
        "Finance, staff, accommodation, IT, administration, training and anything else.",
    ),
    Section("funding_end", "Costs and timescales", "When does any external funding end?"),
    Section("lifespan", "Costs and timescales", "What is the expected lifespan of the partnership?"),
    Section("exit_strategy", "Costs and timescales", "What is the exit strategy?"),
)
SECTION_IDS = tuple(s.id for s in BUSINESS_CASE)


def bank(framework: Framework, bank_id: str) -> QuestionBank | None:
    """A question bank by id, from the council's framework or, failing that, the model framework."""
    for source in (framework, loader.get("model")):
        for candidate in source.question_banks:
            if candidate.id == bank_id:
                return candidate
    return None


def business_case_banks(framework: Framework) -> list[QuestionBank]:
    """The question banks asked in the business case: the framework's, plus the model framework's
    questions before setting up and factors against (Redditch App 8 Appendix A) where it has none."""
    ids = [b for a in framework.artefacts if a.kind == "business_case" for b in a.banks]
    banks = [found for i in dict.fromkeys(ids) if (found := bank(framework, i))]
    purposes = {b.purpose for b in banks}
    for purpose in ("before_setting_up", "factors_against"):
        if purpose not in purposes:
            banks += [b for b in loader.get("model").question_banks if b.id == purpose]
    return banks


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


def business_case_gaps(framework: Framework, answers: dict[str, Any]) -> list[str]:
    """Labels of the sections and question banks still to answer."""
    sections = answers.get("sections", {})
    gaps = [s.label for s in BUSINESS_CASE if not str((sections.get(s.id) or {}).get("answer") or "").strip()]
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
