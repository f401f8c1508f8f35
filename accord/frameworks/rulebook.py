"""The Rulebook: the framework in force as a whole, in plain English, so the council can check it
against its written document (issue 17). Its sections, and what each shows worked out from the
framework: pure, no database and no request (the views and templates only lay it out).

Everything shown comes from the framework's own user-facing fields or from Accord's plain words
(`rulebook_words`); maintainers' notes, seed file names and identifiers never appear."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import engine
from . import rulebook_words as words
from .offered_reports import OfferedReport, offered
from .risk_bands import band_colour
from .schema import (
    LIFECYCLE_STATES,
    REPORT_BACK_TRIGGERS,
    Artefact,
    Framework,
    Question,
    QuestionBank,
    Requirement,
)


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    summary: str


SECTIONS = (
    Section("about", "About this framework", "The council, the framework's name, version and documents."),
    Section("partnerships", "What counts as a partnership", "The definition, its questions and exclusions."),
    Section("types-and-tiers", "Types and tiers", "Types of partnership and how significance is assessed."),
    Section("roles", "Roles", "The roles the framework names and what each is responsible for."),
    Section("cycle", "The partnership cycle", "Each stage, and what a partnership needs to enter it."),
    Section("obligations", "Obligations", "What is due and when, for partnerships and for the council."),
    Section("risk", "Risk", "The risk matrix, bands, categories and strategies."),
    Section(
        "questions-and-templates",
        "Checklists, questions and templates",
        "Question banks, the business case, declarations and templates.",
    ),
    Section(
        "reviews-and-leaving",
        "Ratings, reminders, monitoring and leaving",
        "Assurance ratings, reminders, monitoring records and leaving a partnership.",
    ),
    Section("reports", "Reports", "The committee reports Accord writes under this framework."),
)
BY_SLUG = {s.slug: s for s in SECTIONS}


def section(slug: str) -> Section | None:
    return BY_SLUG.get(slug)


def neighbours(slug: str) -> tuple[Section | None, Section | None]:
    """The sections before and after, for the page's previous and next links."""
    index = [s.slug for s in SECTIONS].index(slug)
    return (
        SECTIONS[index - 1] if index > 0 else None,
        SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None,
    )


def _needs(framework: Framework, artefact: Artefact | None) -> list[str]:
    """What completing an artefact involves, in words."""
    if artefact is None:
        return []
    banks = {b.id: b.name for b in framework.question_banks}
    templates = {t.id: t.name for t in framework.templates}
    found = []
    if artefact.description:
        found.append(artefact.description)
    if artefact.banks:
        found.append("Answer " + words.joined([f"“{banks[b]}”" for b in artefact.banks if b in banks]) + ".")
    if artefact.template and artefact.template in templates:
        found.append(f"Cover the headings of “{templates[artefact.template]}”.")
    if artefact.must_be:
        found.append(words.MUST_BE_WORDS[artefact.must_be])
    if artefact.declaration:
        found.append(f"A declaration signed by the {artefact.declaration.signed_by}.")
    if artefact.met_by_role:
        found.append(f"Met when someone holds the role of {words.register_roles([artefact.met_by_role])}.")
    return found


def _requirement(
    framework: Framework, requirement: Requirement, artefacts: dict[str, Artefact]
) -> dict[str, Any]:
    artefact = artefacts.get(requirement.artefact)
    return {
        "name": artefact.name if artefact else "",
        "needs": _needs(framework, artefact),
        "applies": words.applies_to(framework, requirement),
        "approvers": words.approvers(framework, requirement),
        "cite": requirement.cite,
    }


def cycle(framework: Framework) -> list[dict[str, Any]]:
    """Each stage in the framework's names, with the requirements to enter it, in the cycle's order."""
    artefacts = {a.id: a for a in framework.artefacts}
    stages = sorted(framework.stages, key=lambda s: LIFECYCLE_STATES.index(s.id))
    return [
        {
            "stage": stage,
            "requirements": [
                _requirement(framework, r, artefacts) for r in framework.requirements if r.gate == stage.id
            ],
        }
        for stage in stages
    ]


def obligations(framework: Framework) -> list[dict[str, Any]]:
    artefacts = {a.id: a.name for a in framework.artefacts}
    return [
        {
            "name": o.name,
            "what": artefacts.get(o.artefact, ""),
            "cadence": words.cadence(o, words.counted_from(o)),
            "rolling": words.rolling(o.cadence, o.repeat),
            "due_soon": f"{words.amount(o.due_soon)} before it is due",
            "applies": words.applies_to(framework, o),
            "cite": o.cite,
        }
        for o in framework.obligations
    ]


def other_duties(framework: Framework) -> list[Any]:
    """The duties Accord checks from the framework's other rules (risk, ratings, report-backs)."""
    own = {o.id for o in framework.obligations}
    return [d for d in engine.definitions(framework) if d.id not in own]


def council_obligations(framework: Framework, reports: list[OfferedReport]) -> list[dict[str, Any]]:
    titles = {r.id: r.title for r in reports}
    return [
        {
            "name": duty.name,
            "description": duty.description,
            "owners": words.joined([t for t in (words.role_title(framework, r) for r in duty.owners) if t]),
            "cadence": words.council_cadence(duty, framework),
            "rolling": words.rolling(duty.cadence, duty.repeat),
            "due_soon": f"{words.amount(duty.due_soon)} before it is due",
            "met_by": f"Issuing the “{titles[duty.met_by.report]}” in Accord"
            if duty.met_by.report in titles
            else "Issuing the report in Accord",
            "cite": duty.cite,
        }
        for duty in framework.council_obligations
    ]


def risk_matrix(framework: Framework) -> dict[str, Any]:
    """The matrix as rows of likelihood (highest first) by impact, each cell its score and band."""
    model = framework.risk_model

    def band_of(score: int) -> dict[str, str]:
        band = next((b for b in model.bands if b.min <= score <= b.max), None)
        if band is None:
            return {"name": "", "colour": ""}
        return {"name": band.name, "colour": band_colour(model, band.id)}

    rows = []
    for likelihood in sorted(model.likelihood, key=lambda p: -p.value):
        cells = []
        for impact in sorted(model.impact, key=lambda p: p.value):
            grid = model.grid
            score = grid[likelihood.value - 1][impact.value - 1] if grid else likelihood.value * impact.value
            cells.append({"score": score, "band": band_of(score)})
        rows.append({"likelihood": likelihood, "cells": cells})
    bands = {b.id: b.name for b in model.bands}
    return {
        "colours": {b.id: band_colour(model, b.id) for b in model.bands},
        "impacts": sorted(model.impact, key=lambda p: p.value),
        "rows": rows,
        "escalate": words.joined([bands[b] for b in model.escalate_bands if b in bands]),
        "high_impact": next((p for p in model.impact if p.value == model.high_impact_from), None),
    }


def grouped(bank: QuestionBank) -> list[tuple[str, list[Question]]]:
    """The bank's questions under its group headings, in order; ungrouped ones under no heading."""
    by_id = {q.id: q for q in bank.questions}
    groups = [(g.heading, [by_id[q] for q in g.questions if q in by_id]) for g in bank.groups]
    placed = {q for g in bank.groups for q in g.questions}
    rest = [q for q in bank.questions if q.id not in placed]
    return groups + ([("", rest)] if rest else [])


def scale_labels(bank: QuestionBank) -> str:
    if bank.scale_labels:
        return words.joined(list(bank.scale_labels.values()), "or")
    return words.SCALE_WORDS[bank.scale]


def documents(framework: Framework) -> list[tuple[str, str]]:
    """(generated document, the template that lays it out), in words."""
    templates = {t.id: t.name for t in framework.templates}
    return [
        (words.DOCUMENT_WORDS[doc], templates[template])
        for doc, template in framework.documents.items()
        if doc in words.DOCUMENT_WORDS and template in templates
    ]


def monitoring_records(framework: Framework) -> list[dict[str, Any]]:
    if framework.monitoring is None:
        return []
    artefacts = {a.id: a for a in framework.artefacts}
    templates = {t.id: t.name for t in framework.templates}
    found = []
    for record in framework.monitoring.records:
        artefact = artefacts.get(record.artefact)
        template_id = record.template or (artefact.template if artefact else None)
        how = words.RECORD_WORDS[record.record]
        if record.record == "progress_report" and template_id in templates:
            how += f", on the “{templates[template_id]}” template"
        found.append({"what": artefact.name if artefact else "", "how": how, "cite": record.cite})
    return found


def declarations(framework: Framework) -> list[Artefact]:
    return [a for a in framework.artefacts if a.declaration is not None]


def build(framework: Framework) -> dict[str, Any]:
    """Everything the Rulebook's sections show, worked out once for a page."""
    reports = offered(framework)
    owners = framework.reminders.owners if framework.reminders else ["lead_officer", "link_officer"]
    return {
        "framework": framework,
        "words": words,
        "sections": SECTIONS,
        "cycle": cycle(framework),
        "obligations": obligations(framework),
        "other_duties": other_duties(framework),
        "obligation_owner": words.register_roles(owners),
        "council_obligations": council_obligations(framework, reports),
        "matrix": risk_matrix(framework),
        "grouped": grouped,
        "scale_labels": scale_labels,
        "documents": documents(framework),
        "declarations": declarations(framework),
        "monitoring_records": monitoring_records(framework),
        "reports": reports,
        "report_back_triggers": REPORT_BACK_TRIGGERS,
    }
