"""Gate overrides: an administrator lets a partnership past one missing item of a move, with a
written reason; and what every page showing a gate says about overrides and Accord's own checks."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from accord.frameworks import citations, classification, loader, stage_names
from accord.frameworks.facts import OverrideFact
from accord.kernel.accounts.policy import Action, can
from accord.kernel.ui.formatting import govuk_date
from accord.register.models import PartnershipStatus

from .. import cycle, overrides, services
from ..case_state import override_fact
from ..forms_cycle import GateOverrideForm
from ..models import GateOverride
from .common import missing_url, partnership_for


def overridable(request: HttpRequest, check: cycle.MoveCheck) -> list[cycle.Missing]:
    """The missing items (one per requirement) the user may override on this move."""
    if not can(request.user, Action.OVERRIDE_GATE):
        return []
    seen: dict[str, cycle.Missing] = {}
    for missing in check.missing:
        seen.setdefault(missing.requirement_id, missing)
    return list(seen.values())


def override_text(override: OverrideFact | GateOverride) -> str:
    """ "Overridden by <name> on <date>: <reason>", for an override as a fact or as its row."""
    if isinstance(override, GateOverride):
        override = override_fact(override)
    return f"Overridden by {override.by} on {govuk_date(override.on)}: {override.reason}"


def own_check_rows(partnership, framework, check: cycle.MoveCheck) -> list[dict]:
    """Task-list rows for Accord's own checks on a move: missing, or overridden."""
    rows = []
    for missing in check.missing:
        if missing.requirement_id in cycle.OWN_CHECKS:
            refused = missing.requirement_id == cycle.IS_A_PARTNERSHIP and "not a partnership" in missing.note
            rows.append(
                {
                    "title": missing.artefact_name,
                    "href": missing_url(partnership, framework, missing),
                    "hint": f"{missing.note[:1].upper()}{missing.note[1:]}. "
                    f"{citations.display(missing.cite, framework)}",
                    "status": "Not a partnership" if refused else "Not done",
                    "colour": "red" if refused else "grey",
                }
            )
    for missing in check.overridden:
        if missing.requirement_id in cycle.OWN_CHECKS:
            rows.append(
                {
                    "title": missing.artefact_name,
                    "href": missing_url(partnership, framework, missing),
                    "hint": f"{override_text(missing.override)}. "
                    f"{citations.display(missing.cite, framework)}",
                    "status": "Overridden",
                    "colour": "blue",
                }
            )
    return rows


def gate_override(request: HttpRequest, pk: int, target: str, item_id: str) -> HttpResponse:
    partnership = partnership_for(request, pk, Action.OVERRIDE_GATE)
    now = services.state(partnership, loader.for_request(request))
    framework = now.framework
    known = set(cycle.OWN_CHECKS) | {r.id for r in framework.requirements if r.gate == target}
    if target not in PartnershipStatus.values or item_id not in known:
        raise Http404
    check = cycle.check_move(framework, now.facts, now.tier_id, partnership.status, target)
    gaps = overrides.missing_item(check, item_id) if check.allowed else []
    form = GateOverrideForm(request.POST if request.method == "POST" else None)
    move_url = reverse("cycle-move", args=[partnership.pk, target])
    if request.method == "POST" and form.is_valid():
        try:
            overrides.override(
                request.user,
                partnership,
                target,
                item_id,
                form.cleaned_data["reason"],
                framework=loader.for_request(request),
            )
        except overrides.OverrideRefused as refused:
            form.add_error("reason" if gaps else None, str(refused))
        else:
            return redirect(move_url)
    return render(
        request,
        "lifecycle/override.html",
        {
            "partnership": partnership,
            "framework": framework,
            "form": form,
            "gaps": gaps,
            "label": cycle.move_label(partnership.status, target, framework),
            "target_label": stage_names.stage_name(framework, target),
            "move_url": move_url,
        },
    )


def checks_context(partnership, framework, assessed: bool, can_change: bool) -> dict:
    """What the record and the cycle page show about Accord's own checks and the overrides:
    whether the significance is assessed, the latest "Is it a partnership?" result, and every
    override with its "Overridden by … on …: …" line."""
    return {
        "assessed": assessed,
        "classification": classification.latest_result(partnership, framework),
        "gate_overrides": [
            {
                "what": row.item_text,
                "move": PartnershipStatus(row.gate).label,
                "text": override_text(row),
                "cite": row.cite,
            }
            for row in overrides.for_partnership(partnership)
        ],
        "can_assess": can_change,
    }
