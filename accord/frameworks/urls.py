"""URLs of the frameworks: significance and tracking under a partnership (partnership_urls); the
compliance dashboard, classifying a proposal and the Rulebook across the council (site_urls)."""

from django.urls import path

from .views import classify, dashboard, rulebook, tracking, versions
from .views import significance as frameworks

partnership_urls = [
    path("<int:pk>/significance/", frameworks.significance_assess, name="significance-assess"),
    path("<int:pk>/significance/override/", frameworks.significance_override, name="significance-override"),
    path("<int:pk>/last-done/<slug:obligation_id>/", tracking.last_done, name="last-done"),
]

site_urls = [
    path("compliance/", dashboard.dashboard, name="compliance"),
    path("compliance/tracking/", tracking.tracking_start, name="tracking-start"),
    path("classify/", classify.classify_start, name="classify-start"),
    path("classify/questions/<slug:question_id>/", classify.classify_question, name="classify-question"),
    path("classify/check/", classify.classify_check, name="classify-check"),
    path("classify/<int:pk>/", classify.classify_result, name="classify-result"),
    path("rulebook/versions/", versions.framework_versions, name="framework-versions"),
    path("rulebook/versions/<str:version>/", versions.version_preview, name="framework-version-preview"),
    path("rulebook/versions/<str:version>/adopt/", versions.version_adopt, name="framework-version-adopt"),
    path("rulebook/", rulebook.contents, name="rulebook"),
    path("rulebook/print/", rulebook.print_all, name="rulebook-print"),
    path("rulebook/<slug:slug>/", rulebook.section, name="rulebook-section"),
]
