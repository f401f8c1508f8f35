"""What Accord knows about a partnership, gathered once for the documents it generates.

`gather` builds a `Dossier` (accord.domain.lifecycle.documents.facts): names, text and small records
read from the register and the cycle (memberships, roles, contributions, priorities, the business
case and its question banks, the agreement, the sign-off, the decision to leave and the leaving
form). The documents read it; nothing here writes anything.
"""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings

from accord.frameworks import apply
from accord.frameworks.engine import framework_type
from accord.frameworks.schema import Framework
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import Partnership

from .. import content, prefill, services
from ..models import Agreement, ArtefactRecord, Decision, EvidenceFile, Outcome
from .facts import (
    AgreementFacts,
    Answer,
    BankAnswers,
    Completer,
    Consulted,
    Dossier,
    Member,
    Recorded,
    Representative,
    Resource,
    as_text,
)


def _business_case(
    partnership: Partnership, framework: Framework, answers: dict[str, Any]
) -> dict[str, Answer]:
    """Each question of the framework's business case with its answer (the register's value where
    the framework prefills it) and the evidence for its part (ADR 0028)."""
    case = content.business_case(framework)
    if case is None:
        return {}
    sections = answers.get("sections", {})
    by_part = answers.get("evidence") or {}
    prefilled = prefill.record_values(partnership, framework)
    files: dict[str, list[str]] = defaultdict(list)
    for section_id, name, description in EvidenceFile.objects.filter(
        partnership=partnership, slot="business_case"
    ).values_list("section", "name", "description"):
        files[section_id].append(f"Attached: {name}" + (f" ({description})" if description else ""))
    found = {}
    for part in case.parts:
        part_evidence = [as_text(by_part.get(part.id))] + files.get(part.id, [])
        for index, question in enumerate(part.questions):
            given = sections.get(question.id) or {}
            text = as_text(given.get("answer")) if isinstance(given, dict) else as_text(given)
            text = {c.id: c.label for c in question.choices}.get(text, text)
            evidence = [as_text(given.get("evidence"))] if isinstance(given, dict) else []  # before ADR 0028
            evidence += files.get(question.id, [])
            if index == len(part.questions) - 1:  # the part's evidence, once, after its last question
                evidence += part_evidence
            found[question.id] = Answer(
                question.id,
                part.name,
                question.text,
                question.hint,
                prefilled.get(question.id, text),
                tuple(e for e in evidence if e),
            )
    return found


SHOWN = {"yes": "Yes", "no": "No", "not_applicable": "Not applicable", "1": "1", "2": "2", "3": "3"}


def _banks(framework: Framework, answers: dict[str, Any]) -> tuple[BankAnswers, ...]:
    given = answers.get("banks", {})
    found = []
    for bank in content.business_case_banks(framework):
        by_question = given.get(bank.id, {})
        rows = []
        for question in bank.questions:
            answer = by_question.get(question.id) or {}
            shown = SHOWN.get(str(answer.get("answer") or ""), "")
            rows.append((question.text, shown, str(answer.get("comment") or "").strip()))
        found.append(BankAnswers(bank.id, bank.name, bank.purpose, bank.scale, tuple(rows)))
    return tuple(found)


def _tier(partnership: Partnership, framework: Framework) -> tuple[str, str | None, str, tuple[str, ...]]:
    """(tier id, framework type id, tier name, why): the tier the cycle's gates use, and why."""
    now = services.state(partnership, framework)
    type_id = framework_type(framework, now.facts.register_type)
    result, stored = apply.significance(partnership, framework)
    name = {t.id: t.name for t in framework.significance.tiers}.get(now.tier_id, now.tier_id)
    if stored is not None and stored.overridden:
        why = (f"Set by a reviewer: {stored.override_reason}".strip(),)
    else:  # the tier follows today's facts with the stored answers (ADR 0022)
        why = tuple(r.text for r in result.reasons)
    return now.tier_id, type_id, name, why


def _approvals(partnership: Partnership, framework: Framework) -> tuple[str, ...]:
    """Approvals given to the business case: who, in which role, when, and what they said."""
    ids = [a.id for a in framework.artefacts if a.kind == "business_case"]
    found = Decision.objects.filter(partnership=partnership, artefact_id__in=ids, outcome=Outcome.APPROVED)
    return tuple(
        f"{d.decided_by_name}, {d.role_title}, on {govuk_date(d.decided_on)}"
        + (f" ({d.decision_reference})" if d.decision_reference else "")
        + (f": {d.comment.strip()}" if d.comment.strip() else "")
        for d in found.order_by("at", "id")
    )


def _resources(partnership: Partnership) -> tuple[str, Decimal | None, tuple[Resource, ...]]:
    contributions = list(partnership.contributions.select_related("person").order_by("-year", "category"))
    if not contributions:
        return "", None, ()
    latest = contributions[0].year
    rows = []
    for c in (c for c in contributions if c.year == latest):
        detail = [c.get_finance_form_display() if c.finance_form else ""]
        if c.person_id:
            detail.append(c.person.name + (f", {c.hours} hours a year" if c.hours else ""))
        elif c.hours:
            detail.append(f"{c.hours} hours a year")
        detail.append(c.description)
        rows.append(
            Resource(c.category, c.get_category_display(), c.amount, "; ".join(d for d in detail if d))
        )
    total = sum((r.amount for r in rows if r.amount is not None), Decimal("0"))
    return contributions[0].financial_year, total, tuple(rows)


def _agreement(partnership: Partnership) -> AgreementFacts | None:
    agreement = Agreement.objects.filter(partnership=partnership).first()
    if agreement is None:
        return None
    signatories = tuple(
        f"{s.name}{', ' + s.position if s.position else ''}, {s.organisation.name}"
        + (f" (signed {govuk_date(s.signed_on)})" if s.signed_on else "")
        for s in agreement.signatories.select_related("organisation")
    )
    return AgreementFacts(
        kind=agreement.get_document_type_display(),
        title=agreement.title,
        status=agreement.get_status_display(),
        agreed_on=govuk_date(agreement.agreed_on),
        signed_on=govuk_date(agreement.signed_on),
        next_review_on=govuk_date(agreement.next_review_on),
        termination_notice=agreement.termination_notice.strip(),
        signatories=signatories,
    )


def _completer(user, partnership: Partnership) -> Completer:
    if user is None or not getattr(user, "pk", None):
        return Completer(name="")
    person = getattr(user, "person", None)
    if person is None:
        return Completer(name=user.display_name)
    roles = tuple(
        r.get_role_display() for r in partnership.roles.filter(person=person, end_date__isnull=True)
    )
    return Completer(
        name=user.display_name,
        job_title=person.job_title,
        directorate=person.directorate.name if person.directorate_id else "",
        phone=person.phone,
        roles=roles,
    )


def gather(partnership: Partnership, user, framework: Framework) -> Dossier:
    """Everything the documents need about `partnership`, as the signed-in `user` generates them."""
    records = {r.slot: r for r in ArtefactRecord.objects.filter(partnership=partnership)}
    answers = records["business_case"].answers if "business_case" in records else {}
    done = {}
    for record in records.values():
        if record.complete:
            found = Recorded(record.title, govuk_date(record.produced_on), record.summary.strip())
            done[record.slot] = found
            done.setdefault(record.kind, found)
    exit_decision = records.get("exit_decision")
    year, total, resources = _resources(partnership)
    tier_id, type_id, tier_name, tier_reasons = _tier(partnership, framework)
    memberships = partnership.memberships.select_related("organisation").filter(end_date__isnull=True)
    roles = partnership.roles.select_related("person__organisation").filter(end_date__isnull=True)
    return Dossier(
        council=settings.COUNCIL_NAME,
        framework=framework,
        name=partnership.name,
        reference=partnership.reference,
        description=partnership.description.strip(),
        purpose=partnership.purpose.strip(),
        vision=partnership.vision.strip(),
        aims_objectives=partnership.aims_objectives.strip(),
        type_name=partnership.partnership_type.name,
        statutory=partnership.get_statutory_status_display(),
        statutory_basis=partnership.statutory_basis.strip(),
        legal_status=partnership.get_incorporation_display(),
        themes=partnership.themes,
        area=partnership.geographical_area,
        client_groups=partnership.client_groups,
        lead_organisation=partnership.lead_organisation.name,
        accountable_body=partnership.accountable_body.name if partnership.accountable_body_id else "",
        council_role=partnership.get_council_role_display(),
        directorate=partnership.directorate.name,
        status=partnership.get_status_display(),
        start_date=govuk_date(partnership.start_date),
        proposed_end_date=govuk_date(partnership.proposed_end_date),
        funding_end_date=govuk_date(partnership.external_funding_end_date),
        funding_sources=partnership.funding_sources.strip(),
        accountable_to=partnership.accountable_to.strip(),
        monitoring_arrangements=partnership.monitoring_arrangements.strip(),
        insurance_arrangements=partnership.insurance_arrangements.strip(),
        exit_strategy=partnership.exit_strategy.strip(),
        tier_id=tier_id,
        type_id=type_id,
        tier_name=tier_name,
        tier_reasons=tier_reasons,
        members=tuple(
            Member(
                m.organisation.name,
                m.get_role_display(),
                m.organisation.get_sector_display(),
                m.organisation.is_council,
            )
            for m in memberships
        ),
        representatives=tuple(
            Representative(
                r.person.name,
                r.person.job_title,
                r.person.organisation.name,
                r.person.kind,
                r.get_role_display(),
                govuk_date(r.start_date),
            )
            for r in roles
        ),
        priorities=tuple(
            f"{link.priority.code} {link.priority.name}: {link.how.strip()}"
            for link in partnership.priority_links.select_related("priority")
        ),
        contribution_year=year,
        contribution_total=total,
        resources=resources,
        business_case=_business_case(partnership, framework, answers),
        banks=_banks(framework, answers),
        warnings=tuple(f"{bank.name}: {text}" for bank, text in content.warnings(framework, answers)),
        approvals=_approvals(partnership, framework),
        agreement=_agreement(partnership),
        consultees=tuple(
            Consulted(
                c.department,
                c.key_areas,
                f"{c.officer_name}, {c.officer_position}",
                c.advice.strip(),
                c.followed,
                c.why_not_followed.strip(),
            )
            for c in partnership.consultees.all()
        ),
        records=done,
        exit_decision=dict(exit_decision.answers) if exit_decision else {},
        exit_decided_on=govuk_date(exit_decision.produced_on) if exit_decision else "",
        exit_report=dict(records["exit_report"].answers) if "exit_report" in records else {},
        completer=_completer(user, partnership),
    )
