"""Organisation and people pages: lists, records with their partnerships, create, change, history."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accord.kernel.accounts.policy import Action, can, require
from accord.kernel.audit.models import AuditEvent
from accord.kernel.ui.pages import conflict_summary, paginate, set_version
from accord.register import services
from accord.register.access import visible_partnerships
from accord.register.forms.directory import DirectorySearchForm, OrganisationModelForm, PersonModelForm
from accord.register.models import Organisation, Person
from accord.register.search import search_directory

DIRECTORY = {
    "organisation": {
        "model": Organisation,
        "form": OrganisationModelForm,
        "plural": "Organisations",
        "create": Action.CREATE_ORGANISATION,
        "change": Action.CHANGE_ORGANISATION,
        "history": "organisation",
    },
    "person": {
        "model": Person,
        "form": PersonModelForm,
        "plural": "People",
        "create": Action.CREATE_PERSON,
        "change": Action.CHANGE_PERSON,
        "history": "person",
    },
}


def organisation_list(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_DIRECTORY)
    form = DirectorySearchForm(request.GET or None)
    queryset = Organisation.objects.annotate(partnership_count=Count("memberships")).order_by("name")
    if form.is_valid() and form.cleaned_data["q"]:
        queryset = search_directory(queryset, form.cleaned_data["q"], ("name", "org_id"))
    page, pagination = paginate(request, queryset)
    return render(
        request, "directory/organisation_list.html", {"form": form, "page": page, "pagination": pagination}
    )


def person_list(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_DIRECTORY)
    form = DirectorySearchForm(request.GET or None)
    queryset = Person.objects.select_related("organisation", "directorate").order_by("name")
    if form.is_valid() and form.cleaned_data["q"]:
        queryset = search_directory(queryset, form.cleaned_data["q"], ("name", "job_title", "email"))
    page, pagination = paginate(request, queryset)
    return render(
        request, "directory/person_list.html", {"form": form, "page": page, "pagination": pagination}
    )


def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Action.VIEW_DIRECTORY)
    organisation = get_object_or_404(Organisation, pk=pk)
    memberships = (
        organisation.memberships.filter(partnership__in=visible_partnerships(request.user))
        .select_related("partnership")
        .order_by("partnership__name")
    )
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": memberships,
            "people": organisation.people.order_by("name"),
            "can_change": can(request.user, Action.CHANGE_ORGANISATION),
        },
    )


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, Action.VIEW_DIRECTORY)
    person = get_object_or_404(Person.objects.select_related("organisation", "directorate"), pk=pk)
    roles = (
        person.partnership_roles.filter(partnership__in=visible_partnerships(request.user))
        .select_related("partnership")
        .order_by("partnership__name", "role")
    )
    return render(
        request,
        "directory/person_detail.html",
        {
            "person": person,
            "roles": roles,
            "can_change": can(request.user, Action.CHANGE_PERSON),
        },
    )


def directory_create(request: HttpRequest, kind: str) -> HttpResponse:
    config = DIRECTORY[kind]
    require(request, config["create"])
    form = config["form"](request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        instance = services.create(request.user, config["model"], form.changed_values())
        return redirect(kind, pk=instance.pk)
    return render(
        request,
        "directory/form.html",
        {"form": form, "kind": kind, "title": f"Add {_noun(kind)}", "conflict": None},
    )


def directory_change(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    config = DIRECTORY[kind]
    require(request, config["change"])
    instance = get_object_or_404(config["model"], pk=pk)
    form = config["form"](
        request.POST if request.method == "POST" else None, instance=instance, version=instance.version
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update(
                request.user,
                config["model"],
                instance.pk,
                form.changed_values(),
                expected_version=form.cleaned_data.get("version") or 0,
            )
        except services.StaleEdit as stale:
            conflict = conflict_summary(stale)
            set_version(form, stale.current.version)
        else:
            return redirect(kind, pk=instance.pk)
    return render(
        request,
        "directory/form.html",
        {
            "form": form,
            "kind": kind,
            "title": f"Change {instance}",
            "conflict": conflict,
            "instance": instance,
        },
    )


def directory_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    config = DIRECTORY[kind]
    require(request, Action.VIEW_HISTORY)
    instance = get_object_or_404(config["model"], pk=pk)
    events = AuditEvent.objects.filter(**{config["history"]: instance}).order_by("-at", "-id")
    page, pagination = paginate(request, events, per_page=50)
    return render(
        request,
        "directory/history.html",
        {
            "instance": instance,
            "kind": kind,
            "page": page,
            "pagination": pagination,
            "back": reverse(kind, args=[instance.pk]),
        },
    )


def _noun(kind: str) -> str:
    return "an organisation" if kind == "organisation" else "a person"
