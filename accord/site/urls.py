from django.urls import include, path

from accord.domain.lifecycle import urls as lifecycle
from accord.domain.monitoring import urls as monitoring
from accord.domain.representation import urls as representation
from accord.domain.reviews import urls as reviews
from accord.domain.risks import urls as risks
from accord.frameworks.views import classify, dashboard, tracking
from accord.frameworks.views import significance as frameworks
from accord.kernel.accounts import views as accounts
from accord.kernel.accounts.oidc import views as oidc
from accord.kernel.ui import views as ui
from accord.kernel.ui.ratelimits import limit_sign_in
from accord.outputs.api import urls as api
from accord.outputs.public import urls as public
from accord.outputs.reminders import urls as reminders
from accord.outputs.reports import urls as reports
from accord.outputs.transfer import urls as transfer
from accord.register.views import children, directory, partnerships, reference
from accord.site.views import home, partnership

handler400 = "accord.kernel.ui.views.bad_request"
handler403 = "accord.kernel.ui.views.permission_denied"
handler404 = "accord.kernel.ui.views.page_not_found"
handler500 = "accord.kernel.ui.views.server_error"

CHILD = "<int:pk>/<slug:kind>"

partnership_urls = [
    path("", partnerships.register_list, name="register"),
    path("new/", partnership.partnership_create, name="partnership-create"),
    path("<int:pk>/", partnership.partnership_detail, name="partnership"),
    path("<int:pk>/change/<slug:section>/", partnerships.partnership_edit, name="partnership-edit"),
    path("<int:pk>/history/", partnerships.partnership_history, name="partnership-history"),
    path("<int:pk>/significance/", frameworks.significance_assess, name="significance-assess"),
    path("<int:pk>/significance/override/", frameworks.significance_override, name="significance-override"),
    path("<int:pk>/last-done/<slug:obligation_id>/", tracking.last_done, name="last-done"),
    *risks.partnership_urls,
    *monitoring.partnership_urls,
    *reviews.partnership_urls,
    *representation.partnership_urls,
    *reports.partnership_urls,
    *reminders.partnership_urls,  # all before the register's generic child URLs, which would also match them
    path(f"{CHILD}/add/", children.child_add, name="child-add"),
    path(f"{CHILD}/<int:child_id>/change/", children.child_change, name="child-change"),
    path(f"{CHILD}/<int:child_id>/remove/", children.child_remove, name="child-remove"),
    *lifecycle.partnership_urls,
]

directory_urls = [
    path("organisations/", directory.organisation_list, name="organisations"),
    path(
        "organisations/new/", directory.directory_create, {"kind": "organisation"}, name="organisation-create"
    ),
    path("organisations/<int:pk>/", directory.organisation_detail, name="organisation"),
    path(
        "organisations/<int:pk>/change/",
        directory.directory_change,
        {"kind": "organisation"},
        name="organisation-edit",
    ),
    path(
        "organisations/<int:pk>/history/",
        directory.directory_history,
        {"kind": "organisation"},
        name="organisation-history",
    ),
    path("people/", directory.person_list, name="people"),
    path("people/new/", directory.directory_create, {"kind": "person"}, name="person-create"),
    path("people/<int:pk>/", directory.person_detail, name="person"),
    path("people/<int:pk>/change/", directory.directory_change, {"kind": "person"}, name="person-edit"),
    path("people/<int:pk>/history/", directory.directory_history, {"kind": "person"}, name="person-history"),
]

reference_urls = [
    path("", reference.reference_index, name="reference"),
    path("<slug:name>/", reference.reference_list, name="reference-list"),
    path("<slug:name>/new/", reference.reference_edit, name="reference-create"),
    path("<slug:name>/<int:pk>/change/", reference.reference_edit, name="reference-edit"),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("partnerships/", include(partnership_urls)),
    path("", include(directory_urls)),
    *lifecycle.site_urls,
    *risks.site_urls,
    *monitoring.site_urls,
    *reviews.site_urls,
    *representation.site_urls,
    *reports.site_urls,
    *reminders.site_urls,
    *public.site_urls,
    *transfer.site_urls,
    *api.site_urls,
    path("settings/", include(reference_urls)),
    path("compliance/", dashboard.dashboard, name="compliance"),
    path("compliance/tracking/", tracking.tracking_start, name="tracking-start"),
    path("classify/", classify.classify_start, name="classify-start"),
    path("classify/questions/<slug:question_id>/", classify.classify_question, name="classify-question"),
    path("classify/check/", classify.classify_check, name="classify-check"),
    path("classify/<int:pk>/", classify.classify_result, name="classify-result"),
    path("sign-in/", limit_sign_in(accounts.SignInView.as_view()), name="sign-in"),
    path("sign-in/oidc/start/", oidc.oidc_start, name="oidc-start"),
    path("sign-in/oidc/callback/", oidc.oidc_callback, name="oidc-callback"),
    path("sign-in/settings/", accounts.sign_in_settings, name="sign-in-settings"),
    path("sign-out/", accounts.SignOutView.as_view(), name="sign-out"),
    path("accessibility/", ui.accessibility, name="accessibility"),
    path("healthz", ui.healthz, name="healthz"),
    path("ping", ui.ping, name="ping"),
    path("brand.css", ui.brand_css, name="brand-css"),
]
