"""URLs of monitoring: under a partnership (partnership_urls) and across the council (site_urls)."""

from django.urls import path

from .views import indicators, performance, plans, progress

INDICATOR = "<int:pk>/indicators/<int:indicator_id>"
REPORT = "<int:pk>/progress-reports/<int:report_id>"

partnership_urls = [
    path("<int:pk>/performance/", performance.performance_page, name="performance"),
    path("<int:pk>/performance/exceptions/", performance.exception_report, name="exception-report"),
    path("<int:pk>/indicators/new/", indicators.indicator_add, name="indicator-add"),
    path(f"{INDICATOR}/", indicators.indicator_detail, name="indicator"),
    path(f"{INDICATOR}/edit/", indicators.indicator_edit, name="indicator-edit"),
    path(f"{INDICATOR}/values/new/", indicators.value_edit, name="value-add"),
    path(f"{INDICATOR}/values/<int:value_id>/edit/", indicators.value_edit, name="value-edit"),
    path("<int:pk>/delivery-plan/", plans.delivery_plan, name="delivery-plan"),
    path("<int:pk>/delivery-plan/new/", plans.milestone_edit, name="milestone-add"),
    path("<int:pk>/delivery-plan/<int:milestone_id>/edit/", plans.milestone_edit, name="milestone-edit"),
    path("<int:pk>/budget/new/", plans.budget_edit, name="budget-add"),
    path("<int:pk>/budget/<int:budget_id>/edit/", plans.budget_edit, name="budget-edit"),
    path("<int:pk>/progress-reports/", progress.progress_reports, name="progress-reports"),
    path(
        "<int:pk>/progress-reports/new/<slug:artefact_id>/",
        progress.progress_edit,
        name="progress-report-new",
    ),
    path(f"{REPORT}/", progress.progress_detail, name="progress-report"),
    path(f"{REPORT}/edit/", progress.progress_edit, name="progress-report-edit"),
]

site_urls: list = []
