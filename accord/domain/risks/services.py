"""Every change to a joint risk register goes through these functions: one transaction each, the
partnership locked, the change in the partnership's history, obligations kept in step."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import models, transaction
from django.db.models import F

from accord.frameworks.durations import parse
from accord.frameworks.schema import Framework
from accord.frameworks.store import partnerships_changed
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.models import Action as AuditAction
from accord.kernel.audit.models import AuditEvent
from accord.kernel.audit.service import Actor, actor_name, snapshot
from accord.kernel.audit.service import record as audit
from accord.register.models import Organisation, Partnership
from accord.register.services import StaleEdit, lock_open

from . import counts, scoring
from .models import Assessment, Control, Review, Risk, RiskAction, RiskStatus, Stage


class RiskError(Exception):
    """A change refused; the message says why in plain words."""


def _lock_risk(risk: Risk, expected_version: int | None = None, open_only: bool = True) -> Risk:
    lock_open(risk.partnership)
    locked = Risk.objects.select_for_update().get(pk=risk.pk)
    if open_only and locked.status != RiskStatus.OPEN:
        raise RiskError(f"Risk {locked.reference} is closed; it can no longer change.")
    if expected_version is not None and locked.version != expected_version:
        latest = AuditEvent.objects.filter(object_type="risk", object_id=locked.pk).order_by("-at", "-id")
        raise StaleEdit(locked, list(latest[:1]))  # the change that came in first
    return locked


def _with_partners(
    state: dict[str, tuple[str, str]], instance: Risk | Control | None
) -> dict[str, tuple[str, str]]:
    """A snapshot plus the partners involved (a many-to-many the field snapshot cannot see)."""
    if instance is None or instance.pk is None:
        return state
    names = sorted(instance.partners.values_list("name", flat=True))
    return {**state, "partners": ("Partners involved", ", ".join(names))}


def _record(
    actor: Actor,
    instance: models.Model,
    action: str,
    before: dict[str, tuple[str, str]],
    after: dict[str, tuple[str, str]],
    partnership: Partnership,
    reason: str = "",
    label: str = "",
) -> None:
    audit(
        actor=actor,
        instance=instance,
        action=action,
        before=before,
        after=after,
        reason=reason,
        partnership=partnership,
        label=label,
    )


def review_due(band_id: str, after: date, *, framework: Framework) -> date | None:
    """The next review date the framework's cadence sets for a band."""
    band = next((b for b in framework.risk_model.bands if b.id == band_id), None)
    if band is None or not band.review_every:
        return None
    return parse(band.review_every).after(after)


def next_reference(partnership: Partnership) -> str:
    taken = set(Risk.objects.filter(partnership=partnership).values_list("reference", flat=True))
    n = len(taken) + 1
    while f"R-{n:02d}" in taken:
        n += 1
    return f"R-{n:02d}"


RISK_FIELDS = (
    "kind",
    "title",
    "objective",
    "category_id",
    "cause",
    "event",
    "consequence",
    "identified_on",
    "owner",
    "lead_officers",
    "strategy_id",
    "contingency_plan",
    "next_review_on",
    "library_id",
    "framework_answers",
)


@transaction.atomic
def create_risk(
    actor: Actor, partnership: Partnership, values: Mapping[str, Any], partners: Iterable[Organisation] = ()
) -> Risk:
    partnership = lock_open(partnership)
    fields = {k: v for k, v in values.items() if k in RISK_FIELDS}
    reference = (values.get("reference") or "").strip().upper() or next_reference(partnership)
    if Risk.objects.filter(partnership=partnership, reference=reference).exists():
        raise RiskError(f"Reference {reference} is already used in this partnership's register")
    risk = Risk.objects.create(partnership=partnership, reference=reference, **fields)
    risk.partners.set(partners)
    counts.move([], counts.cells_of(risk))
    _record(actor, risk, AuditAction.CREATED, {}, _with_partners(snapshot(risk), risk), partnership)
    partnerships_changed([partnership.pk])
    return risk


@transaction.atomic
def update_risk(
    actor: Actor,
    risk: Risk,
    values: Mapping[str, Any],
    expected_version: int,
    partners: Iterable[Organisation] | None = None,
) -> Risk:
    risk = _lock_risk(risk, expected_version)
    before = _with_partners(snapshot(risk), risk)
    for name, value in values.items():
        if name in RISK_FIELDS:
            setattr(risk, name, value)
    risk.version = F("version") + 1
    risk.save()
    risk.refresh_from_db()
    if partners is not None:
        risk.partners.set(partners)
    _record(actor, risk, AuditAction.CHANGED, before, _with_partners(snapshot(risk), risk), risk.partnership)
    partnerships_changed([risk.partnership_id])
    return risk


@transaction.atomic
def assess(
    actor: Actor,
    risk: Risk,
    stage: str,
    likelihood: int,
    impact: int,
    note: str = "",
    *,
    framework: Framework,
) -> Assessment:
    """Score a risk at one stage on today's matrix: a new assessment, never an overwrite."""
    risk = _lock_risk(risk)
    if stage not in Stage.values:
        raise RiskError("Choose inherent, current or target")
    try:
        result = scoring.score(framework.risk_model, likelihood, impact)
    except scoring.OffScale as off:
        raise RiskError(str(off)) from None
    assessment = Assessment.objects.create(
        risk=risk,
        stage=stage,
        likelihood=likelihood,
        impact=impact,
        score=result.score,
        band_id=result.band_id,
        band_name=result.band_name,
        likelihood_name=result.likelihood_name,
        impact_name=result.impact_name,
        matrix=result.matrix,
        framework_id=framework.id,
        framework_version=framework.version,
        note=note.strip(),
        assessed_by=actor if isinstance(actor, User) and actor.pk else None,
        assessed_by_name=actor_name(actor),
    )
    kept = {
        f"{stage}_likelihood": likelihood,
        f"{stage}_impact": impact,
        f"{stage}_score": result.score,
        f"{stage}_band": result.band_id,
    }
    if stage == Stage.CURRENT and risk.next_review_on is None:
        kept["next_review_on"] = review_due(result.band_id, clock.today(), framework=framework)
    before_cells = counts.cells_of(risk)
    Risk.objects.filter(pk=risk.pk).update(version=F("version") + 1, **kept)
    risk.refresh_from_db()
    counts.move(before_cells, counts.cells_of(risk))
    name = scoring.stage_name(framework.risk_model, stage)
    shown = f"{result.score} {result.band_name} ({result.matrix})"
    after = {"score": (f"{name} score", shown)}
    label = f"{risk.reference} {name.lower()} score: {shown}"
    _record(actor, assessment, AuditAction.CREATED, {}, after, risk.partnership, note.strip(), label)
    partnerships_changed([risk.partnership_id])
    return assessment


@transaction.atomic
def review(
    actor: Actor,
    risk: Risk,
    reviewed_on: date,
    notes: str,
    next_review_on: date | None = None,
    *,
    framework: Framework,
) -> Review:
    risk = _lock_risk(risk)
    if not notes.strip():
        raise RiskError("Enter what the review found")
    next_on = next_review_on or review_due(risk.current_band, reviewed_on, framework=framework) or reviewed_on
    if next_on <= reviewed_on:
        raise RiskError("The next review must be after this one")
    done = Review.objects.create(
        risk=risk,
        reviewed_on=reviewed_on,
        notes=notes.strip(),
        next_review_on=next_on,
        reviewed_by=actor if isinstance(actor, User) and actor.pk else None,
        reviewed_by_name=actor_name(actor),
    )
    Risk.objects.filter(pk=risk.pk).update(next_review_on=next_on, version=F("version") + 1)
    after = {"review": ("Reviewed", f"{reviewed_on:%-d %B %Y}; next review {next_on:%-d %B %Y}")}
    _record(actor, done, AuditAction.CREATED, {}, after, risk.partnership, notes.strip())
    partnerships_changed([risk.partnership_id])
    return done


@transaction.atomic
def close(actor: Actor, risk: Risk, reason: str, closed_on: date | None = None) -> Risk:
    risk = _lock_risk(risk, open_only=False)
    if not reason.strip():
        raise RiskError("Enter the reason for closing the risk")
    if risk.status == RiskStatus.CLOSED:
        raise RiskError("The risk is already closed")
    before = snapshot(risk)
    counts.move(counts.cells_of(risk), [])
    Risk.objects.filter(pk=risk.pk).update(
        status=RiskStatus.CLOSED,
        closed_on=closed_on or clock.today(),
        closed_reason=reason.strip(),
        version=F("version") + 1,
    )
    risk.refresh_from_db()
    _record(actor, risk, AuditAction.CHANGED, before, snapshot(risk), risk.partnership, reason.strip())
    partnerships_changed([risk.partnership_id])
    return risk


@transaction.atomic
def escalate(actor: Actor, risk: Risk, note: str, escalated_on: date | None = None) -> Risk:
    """Flag a high risk to the Partnership Board and the departmental risk register."""
    risk = _lock_risk(risk)
    if not note.strip():
        raise RiskError("Enter where the risk was escalated to, e.g. the Board meeting and register entry")
    before = snapshot(risk)
    Risk.objects.filter(pk=risk.pk).update(
        escalated_on=escalated_on or clock.today(),
        escalation_note=note.strip(),
        version=F("version") + 1,
    )
    risk.refresh_from_db()
    _record(actor, risk, AuditAction.CHANGED, before, snapshot(risk), risk.partnership, note.strip())
    partnerships_changed([risk.partnership_id])
    return risk


CHILDREN: dict[str, type[Control] | type[RiskAction]] = {"control": Control, "action": RiskAction}


@transaction.atomic
def save_child(
    actor: Actor,
    risk: Risk,
    kind: str,
    values: Mapping[str, Any],
    child: Control | RiskAction | None = None,
    partners: Iterable[Organisation] | None = None,
) -> Control | RiskAction:
    """Add or change a control or an action of a risk."""
    risk = _lock_risk(risk)
    model = CHILDREN[kind]
    has_partners = kind == "control"
    before = snapshot(child, ["risk"]) if child is not None else {}
    if has_partners and isinstance(child, Control):
        before = _with_partners(before, child)
    if child is None:
        child = model(risk=risk)
    for name, value in values.items():
        setattr(child, name, value)
    if isinstance(child, RiskAction):  # kind "action"
        if child.status == "done" and child.completed_on is None:
            child.completed_on = clock.today()
        elif child.status != "done":
            child.completed_on = None
    child.save()
    if partners is not None and isinstance(child, Control):  # kind "control"
        child.partners.set(partners)
    Risk.objects.filter(pk=risk.pk).update(version=F("version") + 1)
    action = AuditAction.CHANGED if before else AuditAction.CREATED
    _record(
        actor, child, action, before, snapshot(child, ["risk"]), risk.partnership, f"Risk {risk.reference}"
    )
    partnerships_changed([risk.partnership_id])
    return child


@transaction.atomic
def remove_child(actor: Actor, risk: Risk, child: Control | RiskAction, reason: str) -> None:
    risk = _lock_risk(risk)
    if not reason.strip():
        raise RiskError("Enter the reason for removing it")
    before = snapshot(child, ["risk"])
    pk = child.pk
    child.delete()
    child.pk = pk
    Risk.objects.filter(pk=risk.pk).update(version=F("version") + 1)
    _record(actor, child, AuditAction.REMOVED, before, {}, risk.partnership, reason.strip())
    partnerships_changed([risk.partnership_id])
