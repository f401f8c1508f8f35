"""/api/v1/organisations and /api/v1/people: the directory, for the roles that may see it on the web."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from accord.register import services
from accord.register.forms.directory import (
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    DirectorySearchForm,
    OrganisationModelForm,
    PersonModelForm,
)
from accord.register.models import Organisation, Person
from accord.register.search import search_directory

from ..access_checks import Action, absolute, require
from ..bridge import check, current_values, field_errors, form_data
from ..errors import invalid, responses
from ..pagination import PageQuery, page_of, paginate
from ..schemas.common import Id, organisation_ref, ref
from ..schemas.directory import (
    DirectorySearch,
    OrganisationChange,
    OrganisationCreate,
    PersonChange,
    PersonCreate,
)
from ..schemas.directory import Organisation as OrganisationSchema
from ..schemas.directory import Person as PersonSchema

router = Router(tags=["Organisations and people"])

OrganisationPage = page_of(OrganisationSchema, "OrganisationPage")
PersonPage = page_of(PersonSchema, "PersonPage")
OUT_FIELDS = ("id", "version", "created_at", "updated_at")
ORGANISATION_DEFAULTS = {"can_be_accountable_body": False, "can_employ_staff": False}


def organisation_out(request: HttpRequest, o: Organisation) -> dict:
    out = {name: getattr(o, name) for name in (*ORGANISATION_FIELDS, *OUT_FIELDS, "is_council")}
    return {**out, "url": absolute(request, f"/organisations/{o.pk}")}


def person_out(request: HttpRequest, p: Person) -> dict:
    out = {name: getattr(p, name) for name in (*PERSON_FIELDS, *OUT_FIELDS)}
    out.update(organisation=organisation_ref(p.organisation), directorate=ref(p.directorate))
    return {**out, "url": absolute(request, f"/people/{p.pk}")}


def _searched(queryset, search: DirectorySearch, fields: tuple[str, ...]):
    form = DirectorySearchForm(form_data(DirectorySearchForm, search.dict(exclude_none=True)))
    if not form.is_valid():
        raise invalid(field_errors(form))
    return search_directory(queryset, form.cleaned_data["q"], fields) if form.cleaned_data["q"] else queryset


# Organisations ----------------------------------------------------------------------------


@router.get("/organisations", response=responses(OrganisationPage, 403), url_name="api-organisations")
def list_organisations(request: HttpRequest, page: PageQuery, search: Query[DirectorySearch]):
    require(request, Action.VIEW_DIRECTORY)
    queryset = _searched(Organisation.objects.order_by("name", "id"), search, ("name", "org_id"))
    result = paginate(request, queryset, page)
    result["results"] = [organisation_out(request, o) for o in result["results"]]
    return result


@router.get(
    "/organisations/{pk}", response=responses(OrganisationSchema, 403, 404), url_name="api-organisation"
)
def read_organisation(request: HttpRequest, pk: Id):
    require(request, Action.VIEW_DIRECTORY)
    return organisation_out(request, get_object_or_404(Organisation, pk=pk))


@router.post(
    "/organisations",
    response=responses(OrganisationSchema, 400, 403, ok_status=201),
    url_name="api-organisation-create",
)
def create_organisation(request: HttpRequest, payload: OrganisationCreate):
    require(request, Action.CREATE_ORGANISATION)
    cleaned = check(OrganisationModelForm, {**ORGANISATION_DEFAULTS, **payload.dict(exclude_none=True)})
    created = services.create(request.user, Organisation, {k: cleaned[k] for k in ORGANISATION_FIELDS})
    return Status(201, organisation_out(request, created))


@router.patch(
    "/organisations/{pk}",
    response=responses(OrganisationSchema, 400, 403, 404, 409),
    url_name="api-organisation-change",
)
def change_organisation(request: HttpRequest, pk: Id, payload: OrganisationChange):
    require(request, Action.CHANGE_ORGANISATION)
    current = get_object_or_404(Organisation, pk=pk)
    sent = payload.dict(exclude_unset=True)
    version = sent.pop("version")
    values = {**current_values(current, ORGANISATION_FIELDS), **sent}
    cleaned = check(OrganisationModelForm, values, instance=current)
    changed = services.update(
        request.user, Organisation, pk, {k: cleaned[k] for k in ORGANISATION_FIELDS}, expected_version=version
    )
    return organisation_out(request, changed)


# People -----------------------------------------------------------------------------------


@router.get("/people", response=responses(PersonPage, 403), url_name="api-people")
def list_people(request: HttpRequest, page: PageQuery, search: Query[DirectorySearch]):
    require(request, Action.VIEW_DIRECTORY)
    queryset = Person.objects.select_related("organisation", "directorate").order_by("name", "id")
    result = paginate(request, _searched(queryset, search, ("name", "job_title", "email")), page)
    result["results"] = [person_out(request, p) for p in result["results"]]
    return result


@router.get("/people/{pk}", response=responses(PersonSchema, 403, 404), url_name="api-person")
def read_person(request: HttpRequest, pk: Id):
    require(request, Action.VIEW_DIRECTORY)
    return person_out(request, get_object_or_404(Person.objects.select_related("organisation"), pk=pk))


@router.post(
    "/people", response=responses(PersonSchema, 400, 403, ok_status=201), url_name="api-person-create"
)
def create_person(request: HttpRequest, payload: PersonCreate):
    require(request, Action.CREATE_PERSON)
    cleaned = check(PersonModelForm, {"kind": "officer", **payload.dict(exclude_none=True)})
    created = services.create(request.user, Person, {k: cleaned[k] for k in PERSON_FIELDS})
    return Status(201, person_out(request, created))


@router.patch(
    "/people/{pk}", response=responses(PersonSchema, 400, 403, 404, 409), url_name="api-person-change"
)
def change_person(request: HttpRequest, pk: Id, payload: PersonChange):
    require(request, Action.CHANGE_PERSON)
    current = get_object_or_404(Person, pk=pk)
    sent = payload.dict(exclude_unset=True)
    version = sent.pop("version")
    values = {**current_values(current, PERSON_FIELDS), **sent}
    cleaned = check(PersonModelForm, values, instance=current)
    changed = services.update(
        request.user, Person, pk, {k: cleaned[k] for k in PERSON_FIELDS}, expected_version=version
    )
    return person_out(request, changed)
