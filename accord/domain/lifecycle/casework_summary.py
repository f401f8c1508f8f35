"""The business case overview, as an approver reads it: each part's answers with their evidence,
the tests the case must pass, what to warn the approver about, and who has decided on it."""

from typing import Any

from django.urls import reverse
from markupsafe import Markup

from accord.frameworks.engine import framework_type
from accord.frameworks.schema import Framework
from accord.kernel.ui.components import summary_row
from accord.register.models import Partnership

from . import basis, content, services
from .cycle import applies
from .forms_casework import ANSWER_LABELS, PARTS, TESTS_PART, TESTS_TITLE, sections_in
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


def _section_value(section: content.Section, given: dict[str, Any], files: list, pk: int) -> Markup | str:
    answer = str(given.get("answer") or "").strip()
    evidence = str(given.get("evidence") or "").strip()
    if not (answer or evidence or files):
        return ""
    shown = dict(section.choices).get(answer, answer) if section.choices else answer
    html = Markup('<p class="govuk-body">{}</p>').format(_multiline(shown) if shown else "Not answered yet")
    if evidence:
        html += Markup('<p class="govuk-body"><strong>Evidence:</strong> {}</p>').format(_multiline(evidence))
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
        if requirement.artefact in ids and applies(requirement, now.tier_id, type_id):
            for role_id in requirement.approvers:
                outcome = now.facts.approvals.get((requirement.artefact, role_id))
                needed.append({"role": roles.get(role_id, role_id), "outcome": outcome or "awaiting"})
    # Newest first, each with whether it still counts and, if not, which change voided it.
    decisions = [(d, s) for d, s in reversed(basis.standings(partnership, now)) if d.artefact_id in ids]
    return {"needed": needed, "decisions": decisions}


def business_case_parts(answers: dict[str, Any], framework: Framework) -> list[dict[str, Any]]:
    sections = answers.get("sections", {})
    parts = []
    for slug, group in PARTS.items():
        done = all(str((sections.get(s.id) or {}).get("answer") or "").strip() for s in sections_in(slug))
        parts.append({"slug": slug, "title": group, "complete": done})
    banks = content.business_case_banks(framework)
    given = answers.get("banks", {})
    tests_done = all(not content.answer_gaps(b, given.get(b.id, {})) for b in banks)
    parts.append({"slug": TESTS_PART, "title": TESTS_TITLE, "complete": tests_done})
    return parts


def overview(
    partnership: Partnership, framework: Framework, record: ArtefactRecord | None, can_change: bool
) -> dict[str, Any]:
    """Everything the business case page shows."""
    pk = partnership.pk
    answers = record.answers if record else {}
    files = list(EvidenceFile.objects.filter(partnership=partnership, slot=SLOT))
    by_section: dict[str, list[EvidenceFile]] = {}
    for evidence in files:
        by_section.setdefault(evidence.section, []).append(evidence)
    sections = answers.get("sections", {})
    parts = business_case_parts(answers, framework)
    for part in parts:
        change = reverse("business-case-part", args=[pk, part["slug"]]) if can_change else None
        part["href"] = change
        if part["slug"] == TESTS_PART:
            continue
        part["rows"] = [
            summary_row(
                s.label, _section_value(s, sections.get(s.id) or {}, by_section.get(s.id, []), pk), html=True
            )
            for s in sections_in(part["slug"])
        ]
    banks, number_from = [], 1
    for found in content.business_case_banks(framework):
        given = answers.get("banks", {}).get(found.id, {})
        banks.append({"bank": found, "rows": _bank_rows(found, given, number_from)})
        number_from += len(found.questions)
    artefacts = [a for a in framework.artefacts if a.kind == "business_case"]
    known = {s.id for s in content.BUSINESS_CASE}
    return {
        "artefacts": artefacts,
        "written": bool(sections or answers.get("banks")),
        "parts": parts,
        "banks": banks,
        "warnings": content.warnings(framework, answers),
        "gaps": content.business_case_gaps(framework, answers),
        "other_files": [f for f in files if f.section not in known],
        "authorisation": _authorisation(partnership, framework, [a.id for a in artefacts]),
    }
