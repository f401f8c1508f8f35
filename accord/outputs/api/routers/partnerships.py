"""/api/v1/partnerships: the register, searched and filtered as the staff register is."""

from django.forms import modelform_factory
from django.http import HttpRequest
from ninja import Query, Router, Status

from accord.kernel.ui.forms import govuk_formfield
from accord.register import services
from accord.register.access import visible_partnerships
from accord.register.filters import RegisterFilterForm, register_query
from accord.register.forms.partnerships import ESSENTIALS, SECTIONS, CreateForm, PartnershipFormBase
from accord.register.models import Partnership

from ..access_checks import Action, absolute, partnership, require, staff
from ..bridge import check, current_values, field_errors, form_data
from ..errors import invalid, responses
from ..pagination import PageQuery, page_of, paginate
from ..schemas.common import Id, organisation_ref, ref
from ..schemas.partnerships import (
    Partnership as PartnershipSchema,
)
from ..schemas.partnerships import (
    PartnershipChange,
    PartnershipCreate,
    PartnershipFilters,
    PartnershipSummary,
)

router = Router(tags=["Partnerships"])

EDITABLE = list(dict.fromkeys(name for _, fields in SECTIONS.values() for name in fields))
STAFF_FIELDS = (
    "additional_monitoring_required",
    "notes",
    "covers_members_expenses",
    "insurance_arrangements",
    "exit_strategy",
    "is_published",
    "governance_summary",
    "complaints_procedure",
    "complaints_url",
    "latest_year_contribution",
)
PLAIN_FIELDS = (
    "id",
    "reference",
    "name",
    "description",
    "purpose",
    "vision",
    "aims_objectives",
    "subtype",
    "statutory_status",
    "incorporation",
    "statutory_basis",
    "themes",
    "geographical_area",
    "client_groups",
    "council_role",
    "start_date",
    "proposed_end_date",
    "external_funding_end_date",
    "funding_sources",
    "accountable_to",
    "monitoring_arrangements",
    "is_key_partnership",
    "has_procurement_functions",
    "works_with_children",
    "has_risk_register",
    "status",
    "version",
    "created_at",
    "updated_at",
)
DEFAULTS = {
    "additional_monitoring_required": False,
    "is_key_partnership": False,
    "has_procurement_functions": False,
    "works_with_children": False,
    "is_published": False,
    "covers_members_expenses": "unknown",
    "has_risk_register": "unknown",
}

CreatePartnershipForm = modelform_factory(
    Partnership,
    form=CreateForm,
    fields=list(dict.fromkeys([*ESSENTIALS, *EDITABLE])),
    formfield_callback=govuk_formfield,
)
ChangePartnershipForm = modelform_factory(
    Partnership, form=PartnershipFormBase, fields=EDITABLE, formfield_callback=govuk_formfield
)
PartnershipPage = page_of(PartnershipSummary, "PartnershipPage")


class _Unfiltered:
    """No filters given: the register's query without building its filter form (a cost per request)."""

    cleaned_data: dict = {}

    def is_valid(self) -> bool:
        return True


UNFILTERED = _Unfiltered()


def summary(request: HttpRequest, p: Partnership) -> dict:
    return {
        "id": p.pk,
        "reference": p.reference,
        "name": p.name,
        "status": p.status,
        "council_role": p.council_role,
        "partnership_type": ref(p.partnership_type),
        "directorate": ref(p.directorate),
        "proposed_end_date": p.proposed_end_date,
        "url": absolute(request, f"/partnerships/{p.pk}"),
    }


def detail(request: HttpRequest, p: Partnership) -> dict:
    shown = staff(request)
    out = {name: getattr(p, name) for name in PLAIN_FIELDS}
    out.update({name: getattr(p, name) if shown else None for name in STAFF_FIELDS})
    out.update(
        partnership_type=ref(p.partnership_type),
        directorate=ref(p.directorate),
        lead_organisation=organisation_ref(p.lead_organisation),
        accountable_body=organisation_ref(p.accountable_body),
        url=absolute(request, f"/partnerships/{p.pk}"),
    )
    return out


@router.get("/partnerships", response=responses(PartnershipPage, 403), url_name="api-partnerships")
def list_partnerships(request: HttpRequest, page: PageQuery, filters: Query[PartnershipFilters]):
    """The partnerships you may see, filtered as on the register page, a page at a time."""
    require(request, Action.VIEW_REGISTER)
    values = filters.dict(exclude_none=True)
    form = RegisterFilterForm(form_data(RegisterFilterForm, values)) if values else UNFILTERED
    if values and not form.is_valid():
        raise invalid(field_errors(form))
    listed, counted = register_query(form, visible_partnerships(request.user))
    result = paginate(request, listed, page, counted=counted)
    result["results"] = [summary(request, p) for p in result["results"]]
    return result


@router.get("/partnerships/{pk}", response=responses(PartnershipSchema, 403, 404), url_name="api-partnership")
def read_partnership(request: HttpRequest, pk: Id):
    """One partnership. Partners see their own partnerships, without the council's internal sections."""
    return detail(request, partnership(request, pk, Action.VIEW_REGISTER))


@router.post(
    "/partnerships",
    response=responses(PartnershipSchema, 400, 403, ok_status=201),
    url_name="api-partnership-create",
)
def create_partnership(request: HttpRequest, payload: PartnershipCreate):
    """Add a partnership to the register (administrators and officers)."""
    require(request, Action.CREATE_PARTNERSHIP)
    values = {**DEFAULTS, **payload.dict(exclude_none=True)}
    cleaned = check(CreatePartnershipForm, values)
    created = services.create(
        request.user, Partnership, {k: cleaned[k] for k in CreatePartnershipForm._meta.fields}
    )
    return Status(201, detail(request, partnership(request, created.pk)))


@router.patch(
    "/partnerships/{pk}",
    response=responses(PartnershipSchema, 400, 403, 404, 409),
    url_name="api-partnership-change",
)
def change_partnership(request: HttpRequest, pk: Id, payload: PartnershipChange):
    """Change some of a partnership's fields. Send the `version` you read; if someone else has saved
    since, the answer is 409 and nothing changes."""
    current = partnership(request, pk, Action.CHANGE_PARTNERSHIP)
    sent = payload.dict(exclude_unset=True)
    version, reason = sent.pop("version"), sent.pop("reason", None) or ""
    values = {**current_values(current, EDITABLE), **sent}
    cleaned = check(ChangePartnershipForm, values, instance=current)
    services.update(
        request.user,
        Partnership,
        current.pk,
        {k: cleaned[k] for k in EDITABLE},
        expected_version=version,
        reason=reason,
    )
    return detail(request, partnership(request, pk))
