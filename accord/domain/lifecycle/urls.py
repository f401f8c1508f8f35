"""URLs of the partnership cycle: under a partnership, plus the approver's list and appointments."""

from django.urls import path

from .views import (
    agreement,
    approvals,
    casework,
    checklists,
    cycle,
    documents,
    files,
    leaving,
    overrides,
    signoff,
)

partnership_urls = [
    path("<int:pk>/cycle/", cycle.cycle_overview, name="cycle"),
    path("<int:pk>/cycle/move/<slug:target>/", cycle.cycle_move, name="cycle-move"),
    path(
        "<int:pk>/cycle/move/<slug:target>/override/<slug:item_id>/",
        overrides.gate_override,
        name="gate-override",
    ),
    path("<int:pk>/cycle/retrospective/", cycle.cycle_retrospective, name="cycle-retrospective"),
    path("<int:pk>/cycle/business-case/", casework.business_case, name="business-case"),
    path("<int:pk>/cycle/business-case/<slug:part>/", casework.business_case_part, name="business-case-part"),
    path(
        "<int:pk>/cycle/checklists/<slug:artefact_id>/<slug:bank_id>/", casework.checklist, name="checklist"
    ),
    path("<int:pk>/cycle/checklists/<slug:bank_id>/", checklists.framework_checklist, name="bank-checklist"),
    path("<int:pk>/cycle/records/<slug:artefact_id>/", casework.artefact_record, name="artefact-record"),
    path("<int:pk>/cycle/files/<slug:slot>/add/", files.upload, name="evidence-upload"),
    path("<int:pk>/cycle/files/<int:file_id>/", files.download, name="evidence-file"),
    path("<int:pk>/cycle/sign-off/", signoff.sign_off, name="sign-off"),
    path("<int:pk>/cycle/sign-off/add/", signoff.consultee_edit, name="consultee-add"),
    path("<int:pk>/cycle/sign-off/declaration/", signoff.declaration_sign, name="sign-off-declaration"),
    path(
        "<int:pk>/cycle/sign-off/<int:consultee_id>/change/", signoff.consultee_edit, name="consultee-change"
    ),
    path(
        "<int:pk>/cycle/sign-off/<int:consultee_id>/remove/",
        signoff.consultee_remove,
        name="consultee-remove",
    ),
    path("<int:pk>/cycle/approvals/", approvals.approvals_page, name="approvals"),
    path("<int:pk>/cycle/approvals/<slug:artefact_id>/<slug:role_id>/", approvals.decide, name="decide"),
    path("<int:pk>/cycle/agreement/", agreement.agreement_edit, name="agreement"),
    path("<int:pk>/cycle/agreement/coverage/", agreement.coverage, name="agreement-coverage"),
    path("<int:pk>/cycle/agreement/signatories/add/", agreement.signatory_add, name="signatory-add"),
    path(
        "<int:pk>/cycle/agreement/signatories/<int:signatory_id>/remove/",
        agreement.signatory_remove,
        name="signatory-remove",
    ),
    path("<int:pk>/cycle/leaving/", leaving.exit_decision, name="leaving"),
    path("<int:pk>/cycle/leaving/form/", leaving.leaving_form, name="leaving-form"),
    path("<int:pk>/cycle/documents/<slug:document>.docx", documents.download, name="document"),
]

site_urls = [
    path("approvals/", approvals.inbox, name="approver-inbox"),
    path("settings/appointments/", approvals.appointments, name="appointments"),
]
