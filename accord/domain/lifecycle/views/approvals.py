"""Approvals: everything an approver needs on one page, the decision itself, the approver's list of
decisions waiting, and who is appointed to decide in each of the framework's roles."""

from typing import Any

from django.contrib import messages
from django.db.models import Case, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import loader
from accord.frameworks.schema import Framework
from accord.kernel.accounts.policy import Action, can, require
from accord.register.access import current, visible_partnerships

from .. import agreements, basis, content, cycle, prefill, services
from .. import appointments as appointments_service
from ..forms_approvals import AppointmentForm, DecisionForm
from ..models import Appointment, Decision, Outcome
from . import basis_notes
from .common import artefact_url, missing_url, partnership_for

# Partnerships in these states can have decisions waiting (the gates ahead of them name approvers),
# the likeliest first.
DECIDING = (
    cycle.AWAITING_APPROVAL,
    cycle.BUSINESS_CASE,
    cycle.AGREEMENT,
    cycle.ACTIVE,
    cycle.UNDER_REVIEW,
    cycle.LEAVING,
)
# Beyond these, only approvers at the leaving and closing gates have anything to decide.
EXITING = (cycle.ACTIVE, cycle.UNDER_REVIEW, cycle.LEAVING)
INBOX_CAP = 200  # partnerships checked for the inbox; the rest are counted, not checked


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _case(partnership, now: services.State) -> dict[str, Any]:
    """The short summary of the case shown wherever a decision is taken: the essentials and the
    warnings from the business case."""
    framework = now.framework
    record = partnership.artefacts.filter(slot="business_case").first()
    answers = record.answers if record else {}
    tiers = {t.id: t.name for t in framework.significance.tiers}
    return {
        "partnership": partnership,
        "framework": framework,
        "tier_name": tiers.get(now.tier_id, now.tier_id or "Not assessed"),
        "members": current(partnership.memberships.select_related("organisation")),
        "representatives": current(partnership.roles.select_related("person", "person__organisation")),
        "warnings": content.warnings(framework, answers),
        "business_case": record,
    }


def _business_case_rows(
    framework: Framework, record, prefilled: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(part, question, answer as read) for each question of the framework's business case; the
    register's value where it answers the question (ADR 0028)."""
    case = content.business_case(framework)
    sections = (record.answers if record else {}).get("sections", {})
    rows = []
    for part in case.parts if case else ():
        for question in part.questions:
            answer = str((sections.get(question.id) or {}).get("answer") or "").strip()
            answer = {c.id: c.label for c in question.choices}.get(answer, answer)
            rows.append((part.name, question.text, prefilled.get(question.id, answer)))
    return rows


def _checklists(partnership, framework: Framework) -> list[tuple[Any, bool, str]]:
    """(artefact, complete, url) for each checklist the framework asks for."""
    done = dict(partnership.artefacts.values_list("slot", "complete"))
    return [
        (a, bool(done.get(content.slot_for(a))), artefact_url(partnership, framework, a))
        for a in framework.artefacts
        if a.kind == "checklist"
    ]


def _governing(partnership, now: services.State) -> dict[str, Any] | None:
    """The governing document as the approvers must see it (ADR 0024): its status against the one the
    framework requires, and its coverage of the template — what it covers, each heading it leaves out
    with the reason given (approving it accepts those reasons) — and why it does not count, if not."""
    agreement = agreements.agreement_for(partnership)
    found = agreements.standing(now.framework, partnership, agreement, now.tier_id)
    if found.artefact is None:
        return None
    return {"agreement": agreement, "standing": found, "href": reverse("agreement", args=[partnership.pk])}


def _next_moves(partnership, now: services.State) -> list[dict[str, Any]]:
    """For each gated move ahead: its label and what is missing, each with where to fix it."""
    moves = []
    for target in cycle.MOVES.get(partnership.status, ()):
        if (partnership.status, target) not in cycle.GATED:
            continue
        check = cycle.check_move(now.framework, now.facts, now.tier_id, partnership.status, target)
        # An approval still to give is decided on this page; anything else links to where it is done.
        # An approval that cannot be asked for yet says what to complete first.
        first = basis_notes.complete_first(basis_notes.first_links(partnership, now, target))
        missing = [
            (
                m,
                "" if m.role_id else missing_url(partnership, now.framework, m),
                first if m.role_id and m.kind == "approval" else "",
            )
            for m in check.missing
        ]
        moves.append(
            {"label": cycle.move_label(partnership.status, target, now.framework), "missing": missing}
        )
    return moves


def _decisions(partnership, now: services.State) -> list[tuple[Decision, str, basis.Standing]]:
    """(decision, artefact name, whether it still counts and, if not, which change voided it)."""
    names = {a.id: a.name for a in now.framework.artefacts}
    return [(d, names.get(d.artefact_id, d.artefact_id), s) for d, s in basis.standings(partnership, now)]


def _waiting(request: HttpRequest, partnership, now: services.State) -> dict[str, Any]:
    """What the signed-in user may decide on here, or why not."""
    if not can(request.user, Action.DECIDE):
        return {"may_decide": False}
    return {
        "may_decide": True,
        "held": services.roles_held(request.user, now.framework),
        "own_case": services.is_own_case(request.user, partnership),
        "pending": services.pending_for(request.user, partnership, now, framework=now.framework),
    }


def approvals_page(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.VIEW_CYCLE)
    now = services.state(partnership, loader.for_request(request))
    case = _case(partnership, now)
    prefilled = prefill.record_values(partnership, now.framework)
    signoff_record = partnership.artefacts.filter(slot="sign_off").first()
    return render(
        request,
        "lifecycle/approvals/approvals.html",
        {
            **case,
            **_waiting(request, partnership, now),
            "case": content.business_case(now.framework),
            "business_case_rows": _business_case_rows(now.framework, case["business_case"], prefilled),
            "business_case_gaps": content.business_case_gaps(
                now.framework, case["business_case"].answers if case["business_case"] else {}, prefilled
            ),
            "checklists": _checklists(partnership, now.framework),
            "governing": _governing(partnership, now),
            "consultees": list(partnership.consultees.all()),
            "signoff_record": signoff_record,
            "moves": _next_moves(partnership, now),
            "decisions": _decisions(partnership, now),
        },
    )


def _refusal(request: HttpRequest, partnership, now, artefact_id: str, role_id: str, title: str) -> str:
    """Why the user cannot decide here now ('' when they can)."""
    if role_id not in services.roles_held(request.user, now.framework):
        return (
            f"You are not appointed as the {title}, so you cannot take this decision. "
            "An administrator can appoint you in Settings, under Appointments."
        )
    if services.is_own_case(request.user, partnership):
        return (
            "You cannot decide on this case because you lead the partnership or wrote or changed part "
            "of what is being approved. Nobody approves their own case."
        )
    pending = services.pending_for(request.user, partnership, now, framework=now.framework)
    if any(a.id == artefact_id and r == role_id for a, r, _ in pending):
        return ""
    if now.facts.approvals.get((artefact_id, role_id)) == Outcome.APPROVED:
        return f"The {title} has already approved the current version. There is nothing more to decide."
    first = _to_do_first(partnership, now, artefact_id)
    if first:
        return f"This cannot be decided yet. Complete these first: {basis.joined(first)}."
    return (
        "Nothing is waiting for this decision now: what is to be approved is not finished yet, or the "
        f"partnership ({partnership.get_status_display().lower()}) is not at the stage where it is decided."
    )


def _to_do_first(partnership, now: services.State, artefact_id: str) -> list[str]:
    """For an approval at the step before its gate: what must be complete before it can be asked for."""
    if not any(a.id == artefact_id and a.kind == "approval" for a in now.framework.artefacts):
        return []
    names = {a.id: a.name for a in now.framework.artefacts}
    gates = basis.approval_gates(now.framework, now.tier_id, now.facts.register_type, artefact_id)
    ready = [g for g in gates if (partnership.status, g) in cycle.GATED]
    return [
        names[r.artefact] for g in ready for r in cycle.to_do_first(now.framework, now.facts, now.tier_id, g)
    ]


def decide(request: HttpRequest, pk: int, artefact_id: str, role_id: str) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.DECIDE)
    now = services.state(partnership, loader.for_request(request))
    artefact = next((a for a in now.framework.artefacts if a.id == artefact_id), None)
    role_title = next((r.title for r in now.framework.roles if r.id == role_id), None)
    if artefact is None or role_title is None:
        raise Http404("The framework has no such artefact or role")
    form = DecisionForm(
        _data(request), initial={"revision": services.revision_of(partnership, now, artefact_id)}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.decide(
                request.user,
                partnership,
                artefact_id,
                role_id,
                data["outcome"],
                comment=data["comment"],
                reference=data["reference"],
                decided_on=data["decided_on"],
                seen_revision=data["revision"],
                framework=loader.for_request(request),
            )
        except services.CycleError as refused:
            form.add_error(None, str(refused))
        else:
            partnership.refresh_from_db()
            text = f"{decision.get_outcome_display()}: {artefact.name}, as the {role_title}."
            if decision.outcome == Outcome.REFUSED and partnership.status == cycle.BUSINESS_CASE:
                text += " The partnership has gone back to its business case with your reasons."
            messages.success(request, text)
            return redirect(reverse("approvals", args=[partnership.pk]))
    refusal = _refusal(request, partnership, now, artefact_id, role_id, role_title)
    return render(
        request,
        "lifecycle/approvals/decide.html",
        {
            **_case(partnership, now),
            "artefact": artefact,
            "artefact_link": artefact_url(partnership, now.framework, artefact),
            "governing": _governing(partnership, now),
            "role_title": role_title,
            "form": form,
            "refusal": refusal,
            "page_error": bool(form.errors),
        },
    )


def _leaving_roles(framework: Framework) -> set[str]:
    return {
        role_id
        for r in framework.requirements
        if r.gate in (cycle.LEAVING, cycle.CLOSED)
        for role_id in r.approvers
    }


def inbox(request: HttpRequest) -> HttpResponse:
    require(request, Action.DECIDE)
    framework = loader.for_request(request)
    held = services.roles_held(request.user, framework)
    titles = {r.id: r.title for r in framework.roles}
    waiting, more = [], False
    if held:
        statuses = (
            DECIDING if held & _leaving_roles(framework) else tuple(s for s in DECIDING if s not in EXITING)
        )
        candidates = (
            visible_partnerships(request.user)
            .filter(status__in=statuses)
            .select_related("partnership_type")
            .order_by(Case(*(When(status=s, then=i) for i, s in enumerate(DECIDING))), "name")
        )
        checking = list(candidates[: INBOX_CAP + 1])
        more = len(checking) > INBOX_CAP
        checking = checking[:INBOX_CAP]
        now = services.states(checking, framework)  # a few queries for the whole list
        found = [
            (p, services.pending_for(request.user, p, now[p.pk], held, framework=framework)) for p in checking
        ]
        found = [(p, pending) for p, pending in found if pending]
        own = services.own_cases(request.user, [p.pk for p, _ in found])
        waiting = [(p, pending, p.pk in own) for p, pending in found]
    return render(
        request,
        "lifecycle/approvals/inbox.html",
        {
            "held": sorted(titles.get(r, r) for r in held),
            "waiting": waiting,
            "more": more,
            "cap": INBOX_CAP,
            "framework": framework,
        },
    )


def appointments(request: HttpRequest) -> HttpResponse:
    require(request, Action.MANAGE_APPOINTMENTS)
    framework = loader.for_request(request)
    titles = {r.id: r.title for r in framework.roles}
    found = Appointment.objects.filter(framework_id=framework.id).select_related("user", "user__person")
    if request.method == "POST" and "remove" in request.POST:
        chosen = request.POST.get("remove", "")
        removed = found.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        if removed is not None:
            appointments_service.end(request.user, removed, titles.get(removed.role_id, removed.role_id))
            messages.success(
                request,
                f"{removed.user.display_name} is no longer appointed as "
                f"{titles.get(removed.role_id, removed.role_id)}.",
            )
        return redirect(reverse("appointments"))
    form = AppointmentForm(_data(request), framework=framework)
    if request.method == "POST" and form.is_valid():
        role_id, user = form.cleaned_data["role"], form.cleaned_data["user_obj"]
        try:
            appointments_service.appoint(request.user, user, framework.id, role_id, titles[role_id])
        except appointments_service.AlreadyAppointed as already:
            form.add_error("user", str(already))
        else:
            messages.success(request, f"{user.display_name} is appointed as {titles[role_id]}.")
            return redirect(reverse("appointments"))
    rows = sorted(found, key=lambda a: (titles.get(a.role_id, a.role_id).lower(), a.user.display_name))
    return render(
        request,
        "lifecycle/approvals/appointments.html",
        {
            "form": form,
            "framework": framework,
            "rows": [(a, titles.get(a.role_id, f"{a.role_id} (no longer in the framework)")) for a in rows],
            "page_error": bool(form.errors),
        },
    )
