"""Which action each URL needs: read with RULES in policy.py, this is the declared access table.

A test (tests/test_access.py) walks every URL in the project for every role and checks the
response against this table; a URL missing from it fails that test.
"""

from importlib import import_module

from .policy import Action

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # any signed-in user

URL_POLICY: dict[str, str] = {
    "home": SIGNED_IN,
    "setup": Action.SET_UP_ACCORD,  # the administrators' set-up task list (accord.site.views.setup)
    "sign-in": PUBLIC,
    "oidc-start": PUBLIC,  # single sign-on: off (404) unless the council's identity provider is set up
    "oidc-callback": PUBLIC,  # the provider sends people back here; 400 without a flow in progress
    "sign-in-settings": Action.MANAGE_SIGN_IN,
    "sign-out": SIGNED_IN,
    "accessibility": PUBLIC,
    "healthz": PUBLIC,
    "ping": PUBLIC,
    "brand-css": PUBLIC,
    "register": Action.VIEW_REGISTER,
    "partnership": Action.VIEW_REGISTER,
    "partnership-create": Action.CREATE_PARTNERSHIP,
    "partnership-edit": Action.CHANGE_PARTNERSHIP,
    "partnership-history": Action.VIEW_HISTORY,
    "child-add": Action.CHANGE_PARTNERSHIP,
    "child-change": Action.CHANGE_PARTNERSHIP,
    "child-remove": Action.CHANGE_PARTNERSHIP,
    "organisations": Action.VIEW_DIRECTORY,
    "organisation": Action.VIEW_DIRECTORY,
    "organisation-create": Action.CREATE_ORGANISATION,
    "organisation-edit": Action.CHANGE_ORGANISATION,
    "organisation-history": Action.VIEW_HISTORY,
    "people": Action.VIEW_DIRECTORY,
    "person": Action.VIEW_DIRECTORY,
    "person-create": Action.CREATE_PERSON,
    "person-edit": Action.CHANGE_PERSON,
    "person-history": Action.VIEW_HISTORY,
    "reference": Action.MANAGE_REFERENCE_LISTS,
    "reference-list": Action.MANAGE_REFERENCE_LISTS,
    "reference-create": Action.MANAGE_REFERENCE_LISTS,
    "reference-edit": Action.MANAGE_REFERENCE_LISTS,
    "significance-assess": Action.CHANGE_PARTNERSHIP,
    "significance-override": Action.OVERRIDE_SIGNIFICANCE,
    "classify-start": Action.CLASSIFY,
    "classify-question": Action.CLASSIFY,
    "classify-check": Action.CLASSIFY,
    "classify-result": Action.VIEW_COMPLIANCE,
    "compliance": Action.VIEW_COMPLIANCE,
    "tracking-start": Action.SET_TRACKING_START,
    "framework-versions": Action.VIEW_COMPLIANCE,
    "framework-version-preview": Action.VIEW_COMPLIANCE,
    "framework-version-adopt": Action.ADOPT_FRAMEWORK_VERSION,
    "last-done": Action.CHANGE_PARTNERSHIP,
    "rulebook": Action.VIEW_RULEBOOK,  # the framework in force in plain English: every staff role
    "rulebook-section": Action.VIEW_RULEBOOK,
    "rulebook-print": Action.VIEW_RULEBOOK,
    # The partnership cycle (accord.domain.lifecycle)
    "cycle": Action.VIEW_CYCLE,
    "cycle-move": Action.CHANGE_PARTNERSHIP,
    "gate-override": Action.OVERRIDE_GATE,  # only administrators may let a partnership past a gate item
    "cycle-retrospective": Action.OVERRIDE_GATE,  # passes every gate on the recorder's word
    "business-case": Action.VIEW_CYCLE,
    "business-case-part": Action.CHANGE_PARTNERSHIP,
    "bank-checklist": Action.VIEW_CYCLE,  # a framework checklist no artefact answers (issue 16)
    "checklist": Action.VIEW_CYCLE,  # read by all who see the cycle; sent only by who may change it
    "artefact-record": Action.VIEW_CYCLE,  # read by all who see the cycle; sent only by who may change it
    "evidence-upload": Action.CHANGE_PARTNERSHIP,
    "evidence-file": Action.VIEW_CYCLE,
    "sign-off": Action.VIEW_CYCLE,
    "consultee-add": Action.CHANGE_PARTNERSHIP,
    "sign-off-declaration": Action.CHANGE_PARTNERSHIP,
    "consultee-change": Action.CHANGE_PARTNERSHIP,
    "consultee-remove": Action.CHANGE_PARTNERSHIP,
    "approvals": Action.VIEW_CYCLE,
    "decide": Action.DECIDE,
    "approver-inbox": Action.DECIDE,
    "appointments": Action.MANAGE_APPOINTMENTS,
    "agreement": Action.VIEW_CYCLE,  # read by all who see the cycle; sent only by who may change it
    "agreement-coverage": Action.CHANGE_PARTNERSHIP,
    "signatory-add": Action.CHANGE_PARTNERSHIP,
    "signatory-remove": Action.CHANGE_PARTNERSHIP,
    "leaving": Action.VIEW_CYCLE,  # read by all who see the cycle; sent only by who may change it
    "leaving-form": Action.CHANGE_PARTNERSHIP,
    "document": Action.VIEW_CYCLE,
    # Joint risk registers (accord.domain.risks)
    "risks": Action.VIEW_RISKS,
    "risk": Action.VIEW_RISKS,
    "risk-add": Action.CHANGE_RISKS,
    "risk-library": Action.CHANGE_RISKS,
    "risk-edit": Action.CHANGE_RISKS,
    "risk-score": Action.CHANGE_RISKS,
    "risk-review": Action.CHANGE_RISKS,
    "risk-close": Action.CHANGE_RISKS,
    "risk-escalate": Action.CHANGE_RISKS,
    "risk-child-add": Action.CHANGE_RISKS,
    "risk-child-change": Action.CHANGE_RISKS,
    "risk-child-remove": Action.CHANGE_RISKS,
    "risk-heatmap": Action.VIEW_RISKS,
    "risk-export": Action.VIEW_RISKS,
    "council-risks": Action.VIEW_COUNCIL_RISKS,
    "council-heatmap": Action.VIEW_COUNCIL_RISKS,
    "council-risks-export": Action.VIEW_COUNCIL_RISKS,
    # Monitoring: performance and progress reports (accord.domain.monitoring)
    "performance": Action.VIEW_MONITORING,
    "exception-report": Action.VIEW_MONITORING,
    "indicator": Action.VIEW_MONITORING,
    "indicator-add": Action.CHANGE_MONITORING,
    "indicator-edit": Action.CHANGE_MONITORING,
    "value-add": Action.CHANGE_MONITORING,
    "value-edit": Action.CHANGE_MONITORING,
    "delivery-plan": Action.VIEW_MONITORING,
    "milestone-add": Action.CHANGE_MONITORING,
    "milestone-edit": Action.CHANGE_MONITORING,
    "budget-add": Action.CHANGE_MONITORING,
    "budget-edit": Action.CHANGE_MONITORING,
    "progress-reports": Action.VIEW_MONITORING,
    "progress-report-new": Action.CHANGE_MONITORING,
    "progress-report": Action.VIEW_MONITORING,
    "progress-report-edit": Action.CHANGE_MONITORING,
    # Reviews and assurance ratings (accord.domain.reviews)
    "reviews": Action.VIEW_MONITORING,
    "review": Action.VIEW_MONITORING,
    "review-actions": Action.VIEW_MONITORING,
    "ratings": Action.VIEW_MONITORING,
    "review-start": Action.REVIEW,
    "review-question": Action.REVIEW,
    "review-decision": Action.REVIEW,
    "review-rating": Action.REVIEW,
    "review-action-add": Action.REVIEW,
    "review-action": Action.REVIEW,
    # Outside-body duties (accord.domain.representation)
    "representatives": Action.VIEW_MONITORING,
    "meeting-add": Action.CHANGE_MONITORING,
    "meeting-edit": Action.CHANGE_MONITORING,
    "report-back-add": Action.CHANGE_MONITORING,
    # Schedule, reminders and calendars (accord.outputs.reminders)
    "my-work": SIGNED_IN,
    "calendar-feed": SIGNED_IN,
    "calendar-feed-revoke": SIGNED_IN,
    "calendar-feed-ics": PUBLIC,  # the secret token in the address is the authentication
    "council-calendar": Action.VIEW_REPORTS,
    "council-duties": Action.VIEW_COMPLIANCE,  # the council's own duties (ADR 0031): every staff role
    # Reports to committees (accord.outputs.reports)
    "reports": Action.VIEW_REPORTS,
    "report": Action.VIEW_REPORTS,
    "report-download": Action.VIEW_REPORTS,
    "report-issue": Action.ISSUE_REPORTS,
    "report-snapshots": Action.VIEW_REPORTS,
    "report-snapshot": Action.VIEW_REPORTS,
    "report-snapshot-download": Action.VIEW_REPORTS,
    "partnership-pack": Action.VIEW_MONITORING,
    "partnership-pack-download": Action.VIEW_MONITORING,
    "partnership-pack-issue": Action.ISSUE_REPORTS,
}

# The published register and open data, import and export, and the API declare their own URLs'
# access beside their views; they are merged here so this stays the one table the tests read.
# TOKEN_AUTHENTICATED: the URL names that are JSON API operations (a bearer token, no session).
TOKEN_AUTHENTICATED: frozenset[str] = frozenset()
for _app_policy in (
    "accord.outputs.public.access",
    "accord.outputs.transfer.access",
    "accord.outputs.api.access",
):
    _module = import_module(_app_policy)
    URL_POLICY.update(_module.URL_POLICY)
    TOKEN_AUTHENTICATED |= getattr(_module, "TOKEN_AUTHENTICATED", frozenset())
