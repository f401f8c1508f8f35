"""/api/v1/partnerships/{pk}/risks: joint risk registers and their actions, through accord.domain.risks."""

from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from accord.domain.risks import services
from accord.domain.risks.access import open_risk, risk_in, risk_partnership
from accord.domain.risks.forms import ActionForm, RiskForm, ScoreForm
from accord.domain.risks.models import Risk
from accord.frameworks import loader

from ..access_checks import absolute
from ..bridge import check
from ..errors import ApiError, responses
from ..pagination import PageQuery, page_of, paginate
from ..schemas.common import Id, organisation_ref
from ..schemas.risks import Risk as RiskSchema
from ..schemas.risks import RiskAction as RiskActionSchema
from ..schemas.risks import RiskActionChange, RiskActionCreate, RiskChange, RiskCreate, ScoresInput

router = Router(tags=["Risks and actions"])
RiskPage = page_of(RiskSchema, "RiskPage")
ActionPage = page_of(RiskActionSchema, "RiskActionPage")
STAGES = ("inherent", "current", "target")
# What the API shows of a risk: what the services write (less the library link), and its identity and state.
OUT_FIELDS = (
    "id",
    "reference",
    *(name for name in services.RISK_FIELDS if name != "library_id"),
    "status",
    "closed_on",
    "version",
)
ACTION_FIELDS = ("description", "owner", "due_on", "status")


def risk_out(request: HttpRequest, risk: Risk) -> dict:
    out = {name: getattr(risk, name) for name in OUT_FIELDS}
    scores = {}
    for stage in STAGES:
        score = getattr(risk, f"{stage}_score")
        scores[stage] = (
            None
            if score is None
            else {
                "likelihood": getattr(risk, f"{stage}_likelihood"),
                "impact": getattr(risk, f"{stage}_impact"),
                "score": score,
                "band": getattr(risk, f"{stage}_band"),
            }
        )
    out.update(
        scores=scores,
        partners=[organisation_ref(o) for o in risk.partners.all()],
        url=absolute(request, f"/partnerships/{risk.partnership_id}/risks/{risk.pk}"),
    )
    return out


def action_out(action) -> dict:
    return {name: getattr(action, name) for name in ("id", *ACTION_FIELDS, "completed_on")}


def _checked_scores(scores: ScoresInput | None, model) -> dict[str, dict]:
    """Each score sent, checked against the framework's scales with the web's form."""
    checked = {}
    for stage in STAGES:
        sent = getattr(scores, stage, None) if scores is not None else None
        if sent is None:
            continue
        try:
            checked[stage] = check(ScoreForm, sent.dict(exclude_none=True), model=model)
        except ApiError as refused:
            for error in refused.errors:
                error["field"] = f"scores.{stage}.{error['field']}"
            raise
    return checked


def _score(request: HttpRequest, risk: Risk, scores: dict[str, dict]) -> None:
    for stage, values in scores.items():
        services.assess(
            request.user,
            risk,
            stage,
            values["likelihood"],
            values["impact"],
            values["note"],
            framework=loader.for_request(request),
        )


@router.get("/partnerships/{pk}/risks", response=responses(RiskPage, 403, 404), url_name="api-risks")
def list_risks(request: HttpRequest, pk: Id, page: PageQuery):
    """The partnership's joint risk register."""
    partnership = risk_partnership(request, pk)
    queryset = Risk.objects.filter(partnership=partnership).prefetch_related("partners").order_by("reference")
    result = paginate(request, queryset, page)
    result["results"] = [risk_out(request, r) for r in result["results"]]
    return result


@router.get(
    "/partnerships/{pk}/risks/{risk_id}", response=responses(RiskSchema, 403, 404), url_name="api-risk"
)
def read_risk(request: HttpRequest, pk: Id, risk_id: Id):
    return risk_out(request, risk_in(risk_partnership(request, pk), risk_id))


@router.post(
    "/partnerships/{pk}/risks",
    response=responses(RiskSchema, 400, 403, 404, ok_status=201),
    url_name="api-risk-create",
)
def create_risk(request: HttpRequest, pk: Id, payload: RiskCreate):
    """Add a risk; any scores sent are placed on the council framework's matrix."""
    partnership = risk_partnership(request, pk, change=True)
    model = loader.for_request(request).risk_model
    values = payload.dict(exclude_none=True, exclude={"scores"})
    cleaned = check(RiskForm, values, partnership=partnership, model=model)
    scores = _checked_scores(payload.scores, model)
    values = {k: v for k, v in cleaned.items() if k not in ("partners", "version")}
    with transaction.atomic():
        risk = services.create_risk(request.user, partnership, values, cleaned["partners"])
        _score(request, risk, scores)
    return Status(201, risk_out(request, Risk.objects.get(pk=risk.pk)))


@router.patch(
    "/partnerships/{pk}/risks/{risk_id}",
    response=responses(RiskSchema, 400, 403, 404, 409),
    url_name="api-risk-change",
)
def change_risk(request: HttpRequest, pk: Id, risk_id: Id, payload: RiskChange):
    """Change a risk's details (send the `version` you read) and record new scores."""
    partnership = risk_partnership(request, pk, change=True)
    risk = open_risk(partnership, risk_id)
    model = loader.for_request(request).risk_model
    sent = payload.dict(exclude_unset=True, exclude={"scores"})
    version = sent.pop("version")
    current = {name: getattr(risk, name) for name in services.RISK_FIELDS}
    current["partners"] = [o.pk for o in risk.partners.all()]
    cleaned = check(RiskForm, {**current, **sent}, partnership=partnership, model=model, risk=risk)
    scores = _checked_scores(payload.scores, model)
    values = {k: v for k, v in cleaned.items() if k not in ("partners", "version")}
    with transaction.atomic():
        risk = services.update_risk(request.user, risk, values, version, partners=cleaned["partners"])
        _score(request, risk, scores)
    return risk_out(request, Risk.objects.get(pk=risk.pk))


@router.get(
    "/partnerships/{pk}/risks/{risk_id}/actions",
    response=responses(ActionPage, 403, 404),
    url_name="api-risk-actions",
)
def list_actions(request: HttpRequest, pk: Id, risk_id: Id, page: PageQuery):
    risk = risk_in(risk_partnership(request, pk), risk_id)
    result = paginate(request, risk.actions.order_by("due_on", "id"), page)
    result["results"] = [action_out(a) for a in result["results"]]
    return result


@router.post(
    "/partnerships/{pk}/risks/{risk_id}/actions",
    response=responses(RiskActionSchema, 400, 403, 404, ok_status=201),
    url_name="api-risk-action-create",
)
def create_action(request: HttpRequest, pk: Id, risk_id: Id, payload: RiskActionCreate):
    risk = open_risk(risk_partnership(request, pk, change=True), risk_id)
    cleaned = check(ActionForm, payload.dict(exclude_none=True))
    action = services.save_child(request.user, risk, "action", {k: cleaned[k] for k in ACTION_FIELDS})
    return Status(201, action_out(action))


@router.patch(
    "/partnerships/{pk}/risks/{risk_id}/actions/{action_id}",
    response=responses(RiskActionSchema, 400, 403, 404),
    url_name="api-risk-action-change",
)
def change_action(request: HttpRequest, pk: Id, risk_id: Id, action_id: Id, payload: RiskActionChange):
    risk = open_risk(risk_partnership(request, pk, change=True), risk_id)
    action = get_object_or_404(risk.actions, pk=action_id)
    values = {**{k: getattr(action, k) for k in ACTION_FIELDS}, **payload.dict(exclude_unset=True)}
    cleaned = check(ActionForm, values)
    changed = services.save_child(
        request.user, risk, "action", {k: cleaned[k] for k in ACTION_FIELDS}, action
    )
    return action_out(changed)
