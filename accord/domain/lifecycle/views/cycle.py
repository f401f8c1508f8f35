"""A partnership's cycle: where it is, what each next move needs, and moving it on."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import resolve, reverse

from accord.frameworks import approvers, citations, loader, stage_names
from accord.kernel.accounts.policy import Action, can
from accord.register.models import PartnershipStatus

from .. import content, cycle, documents, framework_checklists, record_evidence, services
from ..forms_cycle import MoveForm, RetrospectiveForm
from ..meets import meets, why_not
from ..models import ArtefactRecord
from . import basis_notes, overrides
from .common import artefact_url, missing_url, partnership_for


def _missing_rows(partnership, framework, check) -> list[dict]:
    return [
        {"text": missing.text, "cite": missing.cite, "href": missing_url(partnership, framework, missing)}
        for missing in check.missing
    ]


def _gate_items(partnership, framework, now, target, voided, check) -> list[dict]:
    """One task-list row per requirement of the gate into `target` (Accord's own checks first).
    `voided`: why decisions that no longer count stopped counting (basis_notes.voided_notes)."""
    artefacts = {a.id: a for a in framework.artefacts}
    roles = {r.id: r.title for r in framework.roles}
    first = basis_notes.first_links(partnership, now, target)
    items = overrides.own_check_rows(partnership, framework, check)
    overridden = {m.requirement_id: m.override for m in check.overridden}
    for requirement in cycle.gate_requirements(
        framework, now.tier_id, now.facts.register_type, target, now.facts.conditions
    ):
        artefact = artefacts[requirement.artefact]
        done = artefact.kind == "approval" or meets(now.facts, artefact.id, now.tier_id)
        short = "" if done else why_not(now.facts, artefact.id, now.tier_id)
        outcomes = approvers.outcomes_of(now.facts.approvals, artefact.id)
        waiting = [roles.get(role, role) for role in approvers.outstanding(requirement, outcomes)]
        refused = bool(waiting) and any(outcomes.get(role) == "refused" for role in requirement.approvers)
        waits_first = bool(artefact.kind == "approval" and waiting and first)
        if short:
            status, colour = "Does not count yet", "red"
        elif not done:
            status, colour = "Not done", "grey"
        elif waits_first:
            status, colour = "Cannot start yet", "grey"
        elif refused:
            status, colour = "Refused", "red"
        elif waiting:
            status, colour = "Waiting for approval", "yellow"
        else:
            status, colour = "Done", "green"
        hint = citations.display(requirement.cite, framework)
        if requirement.approvers:
            hint = f"Approved by: {approvers.joined(requirement, lambda r: roles.get(r, r))}. {hint}"
        if short:
            hint = f"{short[:1].upper()}{short[1:]}. {hint}"
        if requirement.id in overridden:
            status, colour = "Overridden", "blue"
            hint = f"{overrides.override_text(overridden[requirement.id])}. {hint}"
        notes = [
            voided[(artefact.id, role)]
            for role in requirement.approvers
            if (artefact.id, role) in voided and now.facts.approvals.get((artefact.id, role)) != "approved"
        ]
        items.append(
            {
                "title": artefact.name,
                # A task that cannot start yet is not a link (GOV.UK); its hint links to what comes first.
                "href": None if waits_first else artefact_url(partnership, framework, artefact),
                "hint": basis_notes.hint(
                    hint, basis_notes.complete_first(first) if waits_first else "", notes
                ),
                "status": status,
                "colour": colour,
            }
        )
    return items


def _checklists(partnership, framework) -> list[dict]:
    """The framework's checklists answered in the cycle, each with where it is answered. A review's
    questions are not a checklist: they are answered in the review (ADR 0024), listed under Reviews."""
    return [
        {"artefact": a, "href": artefact_url(partnership, framework, a)}
        for a in framework.artefacts
        if a.banks
        and a.kind not in (*content.SINGLETON_KINDS, "approval")
        and not record_evidence.never_counts(framework, a)
    ]


CHANGE_ONLY = ("partnership-edit",)  # pages only those who may change the partnership can open


def _for_reader(href: str | None, partnership, can_change: bool) -> str | None:
    """A link a role that may only read can follow: the partnership's record instead of its change
    pages (where, for instance, the exit strategy is written)."""
    if href and not can_change and resolve(href.split("#")[0]).url_name in CHANGE_ONLY:
        return reverse("partnership", args=[partnership.pk])
    return href


def _everything_else(
    partnership, framework, records, checklists, conditions
) -> tuple[list[dict], list[dict]]:
    """The framework's checklists no artefact answers, and its records not listed already: every
    one reachable from the cycle page (issue 16)."""
    banks = [
        {
            "name": bank.name,
            "href": reverse("bank-checklist", args=[partnership.pk, bank.id]),
            "record": records.get(framework_checklists.slot_for_bank(bank)),
        }
        for bank in framework_checklists.standalone_banks(framework)
    ]
    shown = {item["artefact"].id for item in checklists}
    others = [
        {"name": a.name, "href": artefact_url(partnership, framework, a), "record": records.get(a.id)}
        for a in framework_checklists.other_records(framework, shown, conditions)
    ]
    return banks, others


def cycle_overview(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    now = services.state(partnership, loader.for_request(request))
    framework = now.framework
    can_change = can(request.user, Action.CHANGE_PARTNERSHIP, partnership) and not partnership.is_finished
    moves = []
    voided = basis_notes.voided_notes(partnership, now)
    for target in cycle.MOVES.get(partnership.status, ()):
        check = cycle.check_move(framework, now.facts, now.tier_id, partnership.status, target)
        moves.append(
            {
                "target": target,
                "label": cycle.move_label(partnership.status, target, framework),
                "gated": (partnership.status, target) in cycle.GATED,
                "items": _gate_items(partnership, framework, now, target, voided, check),
                "ready": check.ok,
                "missing": len(check.missing),
            }
        )
    stages = {s.id: s for s in framework.stages}
    records = {r.slot: r for r in ArtefactRecord.objects.filter(partnership=partnership)}
    checklists = _checklists(partnership, framework)
    framework_banks, other_records = _everything_else(
        partnership, framework, records, checklists, now.facts.conditions
    )
    for item in [*other_records, *(i for move in moves for i in move["items"])]:
        item["href"] = _for_reader(item.get("href"), partnership, can_change)
    transitions = partnership.transitions.all()
    retrospective_allowed = (
        can_change
        and can(request.user, Action.OVERRIDE_GATE)
        and partnership.status == cycle.PROPOSED
        and not services.has_decisions(partnership)
    )
    return render(
        request,
        "lifecycle/cycle.html",
        {
            "partnership": partnership,
            "framework": framework,
            "tier_name": next(
                (t.name for t in framework.significance.tiers if t.id == now.tier_id), now.tier_id
            ),
            "stage": stages.get(partnership.status),
            "path": stage_names.path(framework),
            "moves": moves,
            "can_change": can_change,
            "documents": documents.offered(framework),
            "records": records,
            "checklists": checklists,
            "framework_banks": framework_banks,
            "other_records": other_records,
            "has_reviews": any(a.kind == "review" for a in framework.artefacts),
            "business_case": content.business_case(framework),
            "transitions": transitions,
            "later_approvals": basis_notes.later_approvals(partnership, now),
            "retrospective_allowed": retrospective_allowed,
            "statuses": dict(PartnershipStatus.choices),
            "pending": services.pending_for(request.user, partnership, now, framework=now.framework)
            if can(request.user, Action.DECIDE)
            else [],
            **overrides.checks_context(partnership, framework, now.facts.significance_assessed, can_change),
        },
    )


def cycle_move(request: HttpRequest, pk: int, target: str) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.CHANGE_PARTNERSHIP)
    if target not in PartnershipStatus.values:
        raise Http404
    now = services.state(partnership, loader.for_request(request))
    check = cycle.check_move(now.framework, now.facts, now.tier_id, partnership.status, target)
    form = MoveForm(request.POST if request.method == "POST" else None, check=check)
    refusal = None
    if request.method == "POST" and check.ok and not partnership.is_finished and form.is_valid():
        try:
            services.move(
                request.user,
                partnership,
                target,
                expected_status=form.cleaned_data["expected_status"],
                reason=form.cleaned_data["reason"],
                reference=form.cleaned_data["reference"],
                decided_on=form.cleaned_data["decided_on"],
                framework=loader.for_request(request),
            )
        except services.GateRefused as refused:
            check = refused.check
        except services.CycleError as error:
            refusal = str(error)
        else:
            return redirect(reverse("cycle", args=[partnership.pk]) + "?moved=" + target)
    return render(
        request,
        "lifecycle/move.html",
        {
            "partnership": partnership,
            "framework": now.framework,
            "check": check,
            "form": form,
            "label": cycle.move_label(partnership.status, target, now.framework),
            "target_label": stage_names.stage_name(now.framework, target),
            "missing": _missing_rows(partnership, now.framework, check),
            "overridable": overrides.overridable(request, check),
            "overridden": [(m, overrides.override_text(m.override)) for m in check.overridden],
            "target": target,
            "refusal": refusal,
            "finished": partnership.is_finished,
        },
    )


def cycle_retrospective(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.OVERRIDE_GATE)
    form = RetrospectiveForm(request.POST if request.method == "POST" else None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        try:
            services.record_retrospectively(
                request.user,
                partnership,
                form.cleaned_data["target"],
                reason=form.cleaned_data["reason"],
                reference=form.cleaned_data["reference"],
                decided_on=form.cleaned_data["decided_on"],
                framework=loader.for_request(request),
            )
        except services.CycleError as error:
            refusal = str(error)
        else:
            return redirect(reverse("cycle", args=[partnership.pk]))
    return render(
        request,
        "lifecycle/retrospective.html",
        {"partnership": partnership, "form": form, "refusal": refusal},
    )
