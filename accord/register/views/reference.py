"""The reference lists administrators maintain: directorates, corporate priorities, partnership types."""

from django.forms import modelform_factory
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accord.kernel.accounts.policy import Action, require
from accord.kernel.ui.forms import GovukModelForm, govuk_formfield
from accord.register import offered_types
from accord.register.models import CorporatePriority, Directorate, PartnershipType

LISTS = {
    "directorates": (
        Directorate,
        "Directorates and service areas",
        ["code", "name", "description", "active"],
    ),
    "priorities": (CorporatePriority, "Corporate priorities", ["code", "name", "description", "active"]),
    "types": (PartnershipType, "Partnership types", ["name", "group", "citation", "description", "active"]),
}


def _list(name: str):
    if name not in LISTS:
        raise Http404
    return LISTS[name]


def _items(name: str, model):
    # Partnership types: the framework's own and those in use, not every framework's seeded types.
    return offered_types.listed() if name == "types" else model.objects.all()


def reference_index(request: HttpRequest) -> HttpResponse:
    require(request, Action.MANAGE_REFERENCE_LISTS)
    return render(request, "reference/index.html", {"lists": LISTS})


def reference_list(request: HttpRequest, name: str) -> HttpResponse:
    require(request, Action.MANAGE_REFERENCE_LISTS)
    model, title, fields = _list(name)
    return render(
        request,
        "reference/list.html",
        {"items": _items(name, model), "title": title, "name": name, "fields": fields},
    )


def reference_edit(request: HttpRequest, name: str, pk: int | None = None) -> HttpResponse:
    require(request, Action.MANAGE_REFERENCE_LISTS)
    model, title, fields = _list(name)
    instance = get_object_or_404(model, pk=pk) if pk else None
    form_class = modelform_factory(
        model, form=GovukModelForm, fields=fields, formfield_callback=govuk_formfield
    )
    form = form_class(request.POST if request.method == "POST" else None, instance=instance)
    if name == "types" and instance is not None:
        _subtypes_hint(form, instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("reference-list", name=name)
    return render(
        request,
        "reference/form.html",
        {
            "form": form,
            "title": f"Change {instance}" if instance else f"Add to {title.lower()}",
            "name": name,
            "list_title": title,
        },
    )


def _subtypes_hint(form, kind: PartnershipType) -> None:
    """A type the framework divides into sub-types says so, with each sub-type's name and source."""
    subtypes = offered_types.subtypes_for(kind.name)
    if subtypes:
        names = "; ".join(f"{s.name} ({s.citation})" if s.citation else s.name for s in subtypes)
        form.fields["name"].help_text = f"Its sub-types under the council's framework: {names}."
