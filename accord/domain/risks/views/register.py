"""A partnership's joint risk register: its risks, filtered and sorted, with their scores and bands."""

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord.frameworks import loader
from accord.kernel import clock

from .. import queries
from ..access import can_change, risk_partnership
from ..exports import FORMATS, export
from ..forms import RegisterFilterForm
from ..models import ActionStatus, RiskStatus
from .risk_display import band_tag, names, overdue_tag, score_html

ORDER = {
    "reference": ["reference"],
    "score": [F("current_score").desc(nulls_last=True), "reference"],
    "review": [F("next_review_on").asc(nulls_last=True), "reference"],
}


def filtered(risks: QuerySet, form: RegisterFilterForm, today) -> QuerySet:
    """Apply the filters that were entered correctly (a wrong one shows its error and is ignored)."""
    if form.is_bound:
        form.is_valid()  # fills cleaned_data with the fields entered correctly
    chosen = getattr(form, "cleaned_data", {})
    status = chosen.get("status") or "open"
    if status != "all":
        risks = risks.filter(status=RiskStatus.CLOSED if status == "closed" else RiskStatus.OPEN)
    if chosen.get("band"):
        risks = risks.filter(current_band=chosen["band"])
    if chosen.get("category"):
        risks = risks.filter(category_id=chosen["category"])
    if chosen.get("kind"):
        risks = risks.filter(kind=chosen["kind"])
    if chosen.get("owner"):
        risks = risks.filter(owner__icontains=chosen["owner"].strip())
    if chosen.get("review") == "overdue":
        risks = risks.filter(next_review_on__lt=today)
    return risks.order_by(*ORDER.get(chosen.get("sort") or "reference", ORDER["reference"]))


def cell_filter(model, cell) -> list[tuple[str, str]]:
    """The heat-map cell a list was opened from, shown with the other filters."""
    if not cell:
        return []
    stage, likelihood, impact = cell
    return [(f"{stage.capitalize()} score", f"likelihood {likelihood}, impact {impact}")]


def risk_register(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = risk_partnership(request, pk)
    framework = loader.for_request(request)
    model = framework.risk_model
    today = clock.today()
    form = RegisterFilterForm(request.GET or None, model=model)
    open_actions = Count("actions", filter=~Q(actions__status=ActionStatus.DONE))
    risks = filtered(partnership.risks.annotate(open_actions=open_actions), form, today)
    cell = queries.heatmap_cell(request.GET, model)  # opened from a heat-map cell
    risks = queries.in_cell(risks, cell)
    categories = names(model.categories)
    rows = []
    for risk in risks:
        overdue = risk.status == RiskStatus.OPEN and risk.next_review_on and risk.next_review_on < today
        rows.append(
            {
                "risk": risk,
                "category": categories.get(risk.category_id, risk.category_id),
                "scores": [
                    score_html(model, getattr(risk, f"{stage}_score"), getattr(risk, f"{stage}_band"))
                    for stage in ("inherent", "current", "target")
                ],
                "overdue": overdue_tag() if overdue else "",
            }
        )
    query = request.GET.urlencode()
    return render(
        request,
        "risks/register.html",
        {
            "partnership": partnership,
            "framework": framework,
            "form": form,
            "rows": rows,
            "filters": (form.active_filters() if form.is_bound else []) + cell_filter(model, cell),
            "cell": cell,
            "can_change": can_change(request, partnership),
            "has_library": bool(model.library),
            "query": f"?{query}" if query else "",
            "band_key": [(band_tag(model, b.id), b) for b in model.bands],
        },
    )


def risk_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The register as Excel or CSV in Bury App 10's layout, with the register page's filters."""
    partnership = risk_partnership(request, pk)
    if fmt not in FORMATS:
        raise Http404("Download the register as xlsx or csv")
    form = RegisterFilterForm(request.GET or None, model=loader.for_request(request).risk_model)
    risks = filtered(partnership.risks.all(), form, clock.today())
    return export(
        risks,
        fmt,
        partnership.reference or f"partnership-{partnership.pk}",
        framework=loader.for_request(request),
    )
