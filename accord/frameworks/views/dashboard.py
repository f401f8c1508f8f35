"""The compliance dashboard: every obligation of the council's framework, counted by status,
with a drill-down to the partnerships behind each number."""

from django import forms
from django.db import IntegrityError
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can, require
from accord.kernel.ui.forms import GovukForm, as_select, field_of
from accord.kernel.ui.pages import paginate
from accord.register.access import visible_partnerships
from accord.register.models import Directorate

from .. import engine, loader, store, tracking
from ..models import ComplianceCount, ObligationStatus

DRILL_DOWN = {"obligation", "status", "page"}  # a link to a count chooses these afresh


class DashboardFilterForm(GovukForm):
    directorate = forms.ModelChoiceField(
        label="Directorate or service",
        queryset=Directorate.objects.all(),
        required=False,
        empty_label="All directorates",
    )
    tier = forms.ChoiceField(label="Tier", required=False)
    obligation = forms.CharField(required=False, widget=forms.HiddenInput)
    status = forms.ChoiceField(
        required=False, widget=forms.HiddenInput, choices=[("", ""), *engine.STATUS_LABELS.items()]
    )

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "tier", forms.ChoiceField).choices = [
            ("", "All tiers"),
            *((t.id, t.name) for t in framework.significance.tiers),
        ]
        for name in ("directorate", "tier"):
            as_select(field_of(self, name, forms.ChoiceField))


def dashboard(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_COMPLIANCE)
    framework = loader.for_request(request)
    today = clock.today()
    snapshot = store.snapshot(framework)
    if snapshot is None or snapshot.refreshed_on < today:
        if store.small_enough_to_work_out_live():
            try:
                store.refresh_all(today, framework=framework)
            except IntegrityError:
                pass  # another request refreshed at the same moment; its figures are as good
            snapshot = store.snapshot(framework)
    form = DashboardFilterForm(request.GET if request.GET else None, framework=framework)
    data = form.cleaned_data if form.is_valid() else {}
    cells = ComplianceCount.objects.filter(framework_id=framework.id)
    statuses = ObligationStatus.objects.filter(
        framework_id=framework.id, partnership__in=visible_partnerships(request.user)
    )
    if data.get("directorate"):
        cells = cells.filter(directorate_id=data["directorate"].pk)
        statuses = statuses.filter(directorate_id=data["directorate"].pk)
    if data.get("tier"):
        cells = cells.filter(tier_id=data["tier"])
        statuses = statuses.filter(tier_id=data["tier"])
    counts: dict[str, dict[str, int]] = {}
    for row in cells.values("obligation_id", "status").annotate(n=Sum("count")).order_by():
        counts.setdefault(row["obligation_id"], {})[row["status"]] = row["n"]
    page = pagination = None
    if data.get("obligation") and data.get("status"):
        drill = (
            statuses.filter(obligation_id=data["obligation"], status=data["status"])
            .select_related("partnership__directorate")
            .order_by("partnership__name", "partnership_id")
        )
        page, pagination = paginate(request, drill, count_cap=1000)
    return render(
        request,
        "frameworks/dashboard.html",
        {
            "framework": framework,
            "form": form,
            "counts": counts,
            "snapshot": snapshot,
            "page": page,
            "pagination": pagination,
            "statuses": list(engine.STATUSES),
            "labels": engine.STATUS_LABELS,
            "labels_head": [{"text": engine.STATUS_LABELS[s], "format": "numeric"} for s in engine.STATUSES],
            # the filters in force, without the drill-down's own choice or page: each link adds its own
            "query": [
                (key, value)
                for key, values in request.GET.lists()
                if key not in DRILL_DOWN
                for value in values
            ],
            "selected": (data.get("obligation"), data.get("status")),
            "names": {o.id: o for o in engine.definitions(framework)},
            "tracking_from": tracking.tracking_from(),
            "can_set_tracking": can(request.user, Action.SET_TRACKING_START),
        },
    )
