"""The compliance dashboard: every obligation of the council's framework, counted by status,
with a drill-down to the partnerships behind each number."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accord.accounts.policy import Action, visible_partnerships
from accord.register.forms.base import GovukForm
from accord.register.models import Directorate
from accord.ui.pages import require

from . import compliance, engine, loader


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
        self.fields["tier"].choices = [
            ("", "All tiers"),
            *((t.id, t.name) for t in framework.significance.tiers),
        ]
        for name in ("directorate", "tier"):
            self.fields[name].widget = forms.Select(choices=self.fields[name].choices)


def dashboard(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_COMPLIANCE)
    framework = loader.current()
    form = DashboardFilterForm(request.GET or None, framework=framework)
    data = form.cleaned_data if form.is_valid() else {}
    partnerships = visible_partnerships(request.user).exclude(status="closed")
    if data.get("directorate"):
        partnerships = partnerships.filter(directorate=data["directorate"])
    rows = list(compliance.evaluate(framework, partnerships, timezone.localdate()))
    if data.get("tier"):
        rows = [row for row in rows if row.tier_id == data["tier"]]
    counts = compliance.summarise(rows)
    drill = None
    if data.get("obligation") and data.get("status"):
        drill = [
            (row, next(r for r in row.obligations if r.obligation_id == data["obligation"]))
            for row in rows
            if any(
                r.obligation_id == data["obligation"] and r.status == data["status"] for r in row.obligations
            )
        ]
    query = request.GET.copy()
    return render(
        request,
        "frameworks/dashboard.html",
        {
            "framework": framework,
            "form": form,
            "counts": counts,
            "total": len(rows),
            "drill": drill,
            "statuses": list(engine.STATUSES),
            "labels_head": [{"text": engine.STATUS_LABELS[s], "format": "numeric"} for s in engine.STATUSES],
            "labels": engine.STATUS_LABELS,
            "query": query,
            "selected": (data.get("obligation"), data.get("status")),
            "names": {o.id: o for o in framework.obligations},
        },
    )
