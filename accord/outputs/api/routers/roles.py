"""/api/v1/partnerships/{pk}/roles: who holds which role on a partnership, through the register's services."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from accord.kernel import clock
from accord.register import services
from accord.register.forms.children import CHILD_FORMS
from accord.register.models import PartnershipRole

from ..access_checks import Action, partnership, staff
from ..bridge import check, current_values
from ..errors import responses
from ..pagination import PageQuery, page_of, paginate
from ..schemas.common import Id, organisation_ref, ref
from ..schemas.roles import PartnershipRole as RoleSchema
from ..schemas.roles import RoleChange, RoleCreate, RoleEnd, RoleSaved

router = Router(tags=["Partnership roles"])
RoleForm = CHILD_FORMS["people"]
FIELDS = ("person", "role", "start_date", "end_date", "notes")
RolePage = page_of(RoleSchema, "PartnershipRolePage")


def role_out(request: HttpRequest, role: PartnershipRole, shown: bool | None = None) -> dict:
    shown = staff(request) if shown is None else shown
    today = clock.today()
    return {
        "id": role.pk,
        "person": ref(role.person),
        "organisation": organisation_ref(role.person.organisation),
        "role": role.role,
        "start_date": role.start_date,
        "end_date": role.end_date,
        "is_current": role.end_date is None or role.end_date >= today,
        "notes": role.notes if shown else None,
    }


def _saved(request: HttpRequest, role: PartnershipRole) -> dict:
    role = PartnershipRole.objects.select_related("person__organisation", "partnership").get(pk=role.pk)
    return {**role_out(request, role), "partnership_version": role.partnership.version}


def _save(request, found, values: dict, version: int, reason: str, role=None) -> dict:
    cleaned = check(RoleForm, values, partnership=found, instance=role or PartnershipRole(partnership=found))
    chosen = {k: cleaned[k] for k in FIELDS}
    if role is None:
        role = services.add_child(request.user, found, PartnershipRole, chosen, version, reason)
    else:
        role = services.change_child(request.user, role, chosen, version, reason)
    return _saved(request, role)


@router.get("/partnerships/{pk}/roles", response=responses(RolePage, 403, 404), url_name="api-roles")
def list_roles(request: HttpRequest, pk: Id, page: PageQuery):
    found = partnership(request, pk, Action.VIEW_REGISTER)
    shown = staff(request)
    roles = found.roles.select_related("person__organisation").order_by("role", "person__name", "id")
    result = paginate(request, roles, page)
    result["results"] = [role_out(request, r, shown) for r in result["results"]]
    return result


@router.post(
    "/partnerships/{pk}/roles",
    response=responses(RoleSaved, 400, 403, 404, 409, ok_status=201),
    url_name="api-role-create",
)
def create_role(request: HttpRequest, pk: Id, payload: RoleCreate):
    """Give a person a role on the partnership. Send the partnership's `version`."""
    found = partnership(request, pk, Action.CHANGE_PARTNERSHIP)
    values = payload.dict(exclude_none=True)
    version, reason = values.pop("version"), values.pop("reason", "")
    return Status(201, _save(request, found, values, version, reason))


@router.patch(
    "/partnerships/{pk}/roles/{role_id}",
    response=responses(RoleSaved, 400, 403, 404, 409),
    url_name="api-role-change",
)
def change_role(request: HttpRequest, pk: Id, role_id: Id, payload: RoleChange):
    found = partnership(request, pk, Action.CHANGE_PARTNERSHIP)
    role = get_object_or_404(PartnershipRole, pk=role_id, partnership=found)
    sent = payload.dict(exclude_unset=True)
    version, reason = sent.pop("version"), sent.pop("reason", None) or ""
    return _save(request, found, {**current_values(role, FIELDS), **sent}, version, reason, role)


@router.post(
    "/partnerships/{pk}/roles/{role_id}/end",
    response=responses(RoleSaved, 400, 403, 404, 409),
    url_name="api-role-end",
)
def end_role(request: HttpRequest, pk: Id, role_id: Id, payload: RoleEnd):
    """End a person's role (today, or on the date given); it stays in the record as past."""
    found = partnership(request, pk, Action.CHANGE_PARTNERSHIP)
    role = get_object_or_404(PartnershipRole, pk=role_id, partnership=found)
    values = {**current_values(role, FIELDS), "end_date": payload.end_date or clock.today()}
    return _save(request, found, values, payload.version, payload.reason or "", role)
