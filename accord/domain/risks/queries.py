"""Risks across the partnerships a user may see: the council-wide list's filters, the heat map's
one aggregate query, and the overdue reviews and actions.

Every query starts from `accord.register.access.visible_partnerships`. The council list takes the
partnership register's filters (same query-string names and meanings, RegisterFilterForm) and
adds its own; its export applies the same. A heat-map cell links to a list with `stage`,
`likelihood` and `impact` (`heatmap_cell` reads them, `in_cell` applies them).
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import Count, Exists, OuterRef, QuerySet

from accord.frameworks.schema import RiskModel
from accord.kernel import clock
from accord.kernel.ui.forms import as_select, field_of
from accord.register.access import visible_partnerships

from .forms import RegisterFilterForm
from .heatmap import stage_name
from .models import ActionStatus, Risk, RiskAction, RiskStatus, Stage

COUNCIL_SORTS = {
    "review": ("Next review (soonest first)", ["next_review_on", "pk"]),
    "score": ("Current score (highest first)", ["-current_score", "-current_impact", "pk"]),
    "reference": ("Partnership and reference", ["partnership__name", "reference", "pk"]),
}
SUMMARY_CAP = 1000  # overdue reviews and actions are counted up to this many
# The columns the council list shows; loading only these keeps long text out of the list query.
LIST_COLUMNS = (
    "reference",
    "title",
    "kind",
    "category_id",
    "owner",
    "status",
    "current_score",
    "current_band",
    "current_likelihood",
    "current_impact",
    "next_review_on",
    "escalated_on",
    "partnership_id",
)


def _scope(user, prefix: str = "") -> dict[str, Any]:
    """The filter that keeps rows to the partnerships the user may see.

    When the policy lets the user see every partnership (an unfiltered queryset) no filter is
    needed: `partnership_id IN (SELECT id FROM partnership)` over 100,000 risks makes SQLite walk
    them by partnership instead of by the index the query needs.
    """
    visible = visible_partnerships(user)
    return {f"{prefix}partnership__in": visible} if visible.query.has_filters() else {}


def sees_every_partnership(user) -> bool:
    return not _scope(user)


def visible_risks(user) -> QuerySet[Risk]:
    """Every risk on a partnership the user may see."""
    return Risk.objects.filter(**_scope(user))


def overdue_summary(user, today: date | None = None, cap: int = SUMMARY_CAP) -> dict[str, int]:
    """How many open risks are overdue for review, and how many of their actions are overdue,
    each counted up to `cap` + 1 (shown as "more than `cap`"), so the cost is bounded."""
    today = today or clock.today()
    late = visible_risks(user).filter(status=RiskStatus.OPEN, next_review_on__lt=today)
    actions = RiskAction.objects.filter(
        status__in=[ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS],
        due_on__lt=today,
        risk__status=RiskStatus.OPEN,
        **_scope(user, "risk__"),
    )
    counts = {
        name: rows.order_by()[: cap + 1].count() for name, rows in (("reviews", late), ("actions", actions))
    }
    return {**counts, "cap": cap}


def cell_counts(risks: QuerySet[Risk], stage: str) -> dict[tuple[int | None, int | None], int]:
    """Open risks per (likelihood, impact) at one stage: one aggregate query, whatever their number."""
    likelihood, impact = f"{stage}_likelihood", f"{stage}_impact"
    rows = (
        risks.filter(status=RiskStatus.OPEN)
        .order_by()
        .values_list(likelihood, impact)
        .annotate(n=Count("id"))
    )
    return {(li, im): n for li, im, n in rows}


def chosen_stage(value: str | None) -> str:
    return value if value in Stage.values else Stage.CURRENT


def heatmap_cell(params, model: RiskModel) -> tuple[str, int, int] | None:
    """The heat-map cell a list was opened from (`stage`, `likelihood`, `impact`), if all three are
    given and on the current scales; anything else is ignored."""
    stage = params.get("stage")
    try:
        likelihood, impact = int(params.get("likelihood", "")), int(params.get("impact", ""))
    except ValueError:
        return None
    scales = {p.value for p in model.likelihood}, {p.value for p in model.impact}
    if stage not in Stage.values or likelihood not in scales[0] or impact not in scales[1]:
        return None
    return stage, likelihood, impact


def in_cell(risks: QuerySet[Risk], cell: tuple[str, int, int] | None) -> QuerySet[Risk]:
    """The risks in a heat-map cell (from `heatmap_cell`); all of them when there is none."""
    if not cell:
        return risks
    stage, likelihood, impact = cell
    return risks.filter(**{f"{stage}_likelihood": likelihood, f"{stage}_impact": impact})


def cell_description(cell: tuple[str, int, int], model: RiskModel) -> str:
    stage, likelihood, impact = cell
    names = {p.value: p.name for p in model.likelihood}, {p.value: p.name for p in model.impact}
    return f"{stage_name(stage, model)} likelihood {names[0][likelihood]}, impact {names[1][impact]}"


class CouncilFilterForm(RegisterFilterForm):
    """The register's filters, plus those that only make sense across partnerships."""

    partnership = forms.CharField(
        label="Partnership", required=False, max_length=100, help_text="Its name, or part of it"
    )
    escalated = forms.ChoiceField(
        label="Escalated",
        choices=[("", "Either"), ("yes", "Escalated"), ("no", "Not escalated")],
        required=False,
    )
    actions = forms.ChoiceField(
        label="Actions", choices=[("", "Any"), ("overdue", "With overdue actions")], required=False
    )

    def __init__(self, *args, model: RiskModel, **kwargs):
        super().__init__(*args, model=model, **kwargs)
        self.model = model
        field_of(self, "sort", forms.ChoiceField).choices = [
            (k, v[0].replace("Current", model.scores.current)) for k, v in COUNCIL_SORTS.items()
        ]
        for name in ("escalated", "actions"):
            as_select(field_of(self, name, forms.ChoiceField))
        self.cell = heatmap_cell(self.data, model) if self.is_bound else None

    def active_filters(self) -> list[tuple[str, str]]:
        shown = super().active_filters()
        if not self.is_valid():
            return shown
        for name in ("partnership", "escalated", "actions"):
            value = self.cleaned_data.get(name)
            if value:
                choices = dict(getattr(self.fields[name], "choices", []))
                shown.append((str(self.fields[name].label), str(choices.get(value, value))))
        if self.cell:
            shown.append(("Heat map cell", cell_description(self.cell, self.model)))
        return shown


def filter_risks(
    risks: QuerySet[Risk],
    data: dict[str, Any],
    cell: tuple[str, int, int] | None = None,
    today: date | None = None,
) -> QuerySet[Risk]:
    """Apply cleaned filter values (RegisterFilterForm's or CouncilFilterForm's) and a heat-map cell."""
    today = today or clock.today()
    status = data.get("status") or RiskStatus.OPEN
    if status in RiskStatus.values:
        risks = risks.filter(status=status)
    exact = {"band": "current_band", "category": "category_id", "kind": "kind"}
    risks = risks.filter(**{field: data[name] for name, field in exact.items() if data.get(name)})
    if data.get("owner"):
        risks = risks.filter(owner__icontains=data["owner"].strip())
    if data.get("partnership"):
        risks = risks.filter(partnership__name__icontains=data["partnership"].strip())
    if data.get("review") == "overdue":
        risks = risks.filter(status=RiskStatus.OPEN, next_review_on__lt=today)
    if data.get("escalated"):
        risks = risks.filter(escalated_on__isnull=data["escalated"] == "no")
    if data.get("actions") == "overdue":
        late = RiskAction.objects.filter(risk=OuterRef("pk"), due_on__lt=today).exclude(
            status=ActionStatus.DONE
        )
        risks = risks.filter(Exists(late))
    risks = in_cell(risks, cell)
    return risks.order_by(*COUNCIL_SORTS.get(data.get("sort") or "review", COUNCIL_SORTS["review"])[1])


def filtered(form: CouncilFilterForm, risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """The risks the form's filters select (invalid filters select every open risk)."""
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return filter_risks(risks, data, form.cell)


def council_query(form: CouncilFilterForm, risks: QuerySet[Risk]) -> QuerySet[Risk]:
    """The filtered risks to list, loading only the list's columns."""
    return filtered(form, risks).only(*LIST_COLUMNS).prefetch_related("partnership")
