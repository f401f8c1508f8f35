"""URLs of the joint risk registers: under a partnership, and across the council."""

from django.urls import path

from .views import council, heatmap, register, risk

RISK = "<int:pk>/risks/<int:risk_id>"

partnership_urls = [
    path("<int:pk>/risks/", register.risk_register, name="risks"),
    path("<int:pk>/risks/new/", risk.risk_add, name="risk-add"),
    path("<int:pk>/risks/library/", risk.risk_library, name="risk-library"),
    path("<int:pk>/risks/heat-map/", heatmap.partnership_heatmap, name="risk-heatmap"),
    path("<int:pk>/risks/export.<slug:fmt>", register.risk_export, name="risk-export"),
    path(f"{RISK}/", risk.risk_detail, name="risk"),
    path(f"{RISK}/change/", risk.risk_edit, name="risk-edit"),
    path(f"{RISK}/score/<slug:stage>/", risk.risk_score, name="risk-score"),
    path(f"{RISK}/review/", risk.risk_review, name="risk-review"),
    path(f"{RISK}/close/", risk.risk_close, name="risk-close"),
    path(f"{RISK}/escalate/", risk.risk_escalate, name="risk-escalate"),
    path(f"{RISK}/<slug:kind>/add/", risk.child_edit, name="risk-child-add"),
    path(f"{RISK}/<slug:kind>/<int:child_id>/change/", risk.child_edit, name="risk-child-change"),
    path(f"{RISK}/<slug:kind>/<int:child_id>/remove/", risk.child_remove, name="risk-child-remove"),
]

site_urls = [
    path("risks/", council.council_risks, name="council-risks"),
    path("risks/heat-map/", heatmap.council_heatmap, name="council-heatmap"),
    path("risks/export.<slug:fmt>", council.council_export, name="council-risks-export"),
]
