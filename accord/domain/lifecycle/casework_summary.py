"""The business case overview, as an approver reads it: each part's answers with their evidence,
the tests the case must pass, what to warn the approver about, and who has decided on it."""

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from markupsafe import Markup

from accord.frameworks import approvers
from accord.frameworks.engine import framework_type
from accord.frameworks.schema import CaseQuestion, Framework
from accord.kernel.ui.components import summary_row
from accord.register.models import Partnership

from . import basis, content, prefill, services
from .cycle import applies
from .forms_casework import ANSWER_LABELS, TESTS_PART
from .models import ArtefactRecord, EvidenceFile

SLOT = "business_case"


def _multiline(text: str) -> Markup:
    return Markup('<span class="accord-multiline">{}</span>').format(text)


def _files_html(files: list[EvidenceFile], pk: int) -> Markup:
    if not files:
        return Markup("")
    items = Markup("").join(
        Markup('<li><a class="govuk-link" href="{}">{}</a>{}</li>').format(
            reverse("evidence-file", args=[pk, f.pk]),
            f.name,
            Markup(" – {}").format(f.description) if f.description else "",
        )
        for f in files
    )
    return Markup(
        '<p class="govuk-body govuk-!-margin-bottom-1">Files:</p><ul class="govuk-list">{}</ul>'
    ).format(items)


def _question_value(question: CaseQuestion, given: dict[str, Any], prefilled: str | None) -> Markup | str:
    if prefilled is not None:
        return Markup('<p class="govuk-body">{}</p><p class="govuk-body-s">From the register.</p>').format(
            _multiline(prefilled)
        )
    answer = str(given.get("answer") or "").strip()
    if not answer:
        return Markup('<p class="govuk-body">Not answered yet</p>')
    shown = {c.id: c.label for c in question.choices}.get(answer, answer)
    return Markup('<p class="govuk-body">{}</p>').format(_multiline(shown))


def _evidence_value(text: str, files: list, pk: int) -> Markup | str:
    if not (text or files):
        return ""
    html = Markup('<p class="govuk-body">{}</p>').format(_multiline(text)) if text else Markup("")
    return html + _files_html(files, pk)


def _bank_rows(bank, given: dict[str, Any], number_from: int) -> list[dict[str, Any]]:
    rows = []
    for number, question in enumerate(bank.questions, start=number_from):
        answer = (given.get(question.id) or {}).get("answer") or ""
        comment = str((given.get(question.id) or {}).get("comment") or "").strip()
        value = Markup("")
        if bank.scale != "text":
            value += Markup('<p class="govuk-body">{}</p>').format(
                ANSWER_LABELS.get(answer, "Not answered yet")
            )
        if comment:
            value += Markup('<p class="govuk-body">{}</p>').format(_multiline(comment))
        elif bank.scale in ("yes_no_comment", "text"):
            value += Markup('<p class="govuk-body">No comment yet</p>')
        rows.append(summary_row(f"{number}. {question.text}", value, html=True))
    return rows


def _authorisation(partnership: Partnership, framework: Framework, ids: list[str]) -> dict[str, Any]:
    """Who must approve the business case, where each stands, and every decision on it."""
    now = services.state(partnership, framework)
    roles = {r.id: r.title for r in framework.roles}
    needed = []
    type_id = framework_type(framework, now.facts.register_type)
    for requirement in framework.requirements:
        if requirement.artefact in ids and applies(requirement, now.tier_id, type_id, now.facts.conditions):
            outcomes = approvers.outcomes_of(now.facts.approvals, requirement.artefact)
            if requirement.approve == "any":  # one entry: any of them may approve (ADR 0028)
                approved = approvers.is_approved(requirement, outcomes)
                refused = all(outcomes.get(r) == "refused" for r in requirement.approvers)
                outcome = "approved" if approved else ("refused" if refused else "awaiting")
                needed.append(
                    {"role": approvers.joined(requirement, lambda r: roles.get(r, r)), "outcome": outcome}
                )
                continue
            for role_id in requirement.approvers:
                given = outcomes.get(role_id)
                needed.append({"role": roles.get(role_id, role_id), "outcome": given or "awaiting"})
    # Newest first, each with whether it still counts and, if not, which change voided it.
    decisions = [(d, s) for d, s in reversed(basis.standings(partnership, now)) if d.artefact_id in ids]
    return {"needed": needed, "decisions": decisions}


def business_case_parts(
    answers: dict[str, Any], framework: Framework, prefilled: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each part of the framework's business case, then its tests, with whether each is complete."""
    case = content.business_case(framework)
    parts = [
        {"slug": p.id, "title": p.name, "complete": content.part_complete(p, answers, prefilled)}
        for p in (case.parts if case else [])
    ]
    banks = content.business_case_banks(framework)
    if case and banks:
        given = answers.get("banks", {})
        tests_done = all(not content.answer_gaps(b, given.get(b.id, {})) for b in banks)
        parts.append({"slug": TESTS_PART, "title": case.tests_name, "complete": tests_done})
    return parts


def overview(
    partnership: Partnership, framework: Framework, record: ArtefactRecord | None, can_change: bool
) -> dict[str, Any]:
    """Everything the business case page shows."""
    pk = partnership.pk
    case = content.business_case(framework)
    answers = record.answers if record else {}
    prefilled = prefill.record_values(partnership, framework)
    files = list(EvidenceFile.objects.filter(partnership=partnership, slot=SLOT))
    by_part: dict[str, list[EvidenceFile]] = {}
    for evidence in files:
        by_part.setdefault(evidence.section, []).append(evidence)
    sections = answers.get("sections", {})
    parts = business_case_parts(answers, framework, prefilled)
    for part in parts:
        change = reverse("business-case-part", args=[pk, part["slug"]]) if can_change else None
        part["href"] = change
        found = case.part(part["slug"]) if case else None
        if found is None:
            continue
        part["rows"] = [
            summary_row(q.text, _question_value(q, sections.get(q.id) or {}, prefilled.get(q.id)), html=True)
            for q in found.questions
        ]
        shown = _evidence_value(
            str((answers.get("evidence") or {}).get(found.id) or "").strip(), by_part.get(found.id, []), pk
        )
        if shown:
            part["rows"].append(summary_row("Evidence", shown, html=True))
    banks, number_from = [], 1
    for bank in content.business_case_banks(framework):
        given = answers.get("banks", {}).get(bank.id, {})
        banks.append({"bank": bank, "rows": _bank_rows(bank, given, number_from)})
        number_from += len(bank.questions)
    artefacts = [a for a in framework.artefacts if a.kind == "business_case"]
    known = {p.id for p in case.parts} if case else set()
    return {
        "case": case,
        "artefacts": artefacts,
        "written": bool(sections or answers.get("banks") or answers.get("evidence")),
        "parts": parts,
        "banks": banks,
        "warnings": content.warnings(framework, answers),
        "gaps": content.business_case_gaps(framework, answers, prefilled),
        "other_files": [f for f in files if f.section not in known],
        "authorisation": _authorisation(partnership, framework, [a.id for a in artefacts]),
    }
