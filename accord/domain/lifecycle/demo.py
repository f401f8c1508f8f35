"""The demo council's partnership cycle: one proposal is taken as far as the council's framework
allows towards approval, so the approver has a real case to decide on.

It goes through the same services as a user would: the business case is written by its lead
officer, every question answered, then the partnership moves on until a gate needs a decision.
"""

from django.contrib.auth import get_user_model

from accord.frameworks import loader
from accord.frameworks.schema import CaseQuestion
from accord.register.models import Partnership

from . import content, cycle, prefill, recording, services

DEMO_REFERENCE = "CHO-P-021"
ANSWER = "Considered by the project board on 3 November 2026; recorded in its minutes."


def _business_case_answers(partnership: Partnership, framework, prefilled: dict[str, str]) -> dict:
    case = content.business_case(framework)
    sections = {
        q.id: {"answer": _answer(partnership, q)}
        for q in (case.questions() if case else [])
        if q.id not in prefilled
    }
    banks = {}
    for bank in content.business_case_banks(framework):
        good = "no" if bank.purpose == "factors_against" else "yes"  # no factor against is present
        banks[bank.id] = {
            q.id: {
                "answer": "3" if bank.scale == "score_1_3" else (good if bank.scale != "text" else ""),
                "comment": ANSWER,
            }
            for q in bank.questions
        }
    return {"sections": sections, "banks": banks}


def _answer(partnership: Partnership, question: CaseQuestion) -> str:
    if question.choices:
        return question.choices[0].id
    return f"{question.text.rstrip('?')}: set out in the options appraisal presented to the project board."


def stage(officer_username: str = "officer") -> Partnership | None:
    """Write the demo proposal's business case and move it on as far as its gates allow."""
    partnership = Partnership.objects.filter(reference=DEMO_REFERENCE, status=cycle.PROPOSED).first()
    officer = get_user_model().objects.filter(username=officer_username).first()
    if partnership is None or officer is None:
        return None
    framework = loader.current()
    if content.business_case(framework) is None:
        return partnership
    prefilled = prefill.record_values(partnership, framework)
    answers = _business_case_answers(partnership, framework, prefilled)
    recording.save_record(
        officer,
        partnership,
        "business_case",
        kind="business_case",
        title=framework.business_case.name if framework.business_case else "",
        complete=not content.business_case_gaps(framework, answers, prefilled),
        answers=answers,
    )
    for target in (cycle.BUSINESS_CASE, cycle.AWAITING_APPROVAL):
        partnership.refresh_from_db()
        try:
            services.move(
                officer, partnership, target, expected_status=partnership.status, framework=framework
            )
        except services.CycleError:
            break
    partnership.refresh_from_db()
    return partnership
