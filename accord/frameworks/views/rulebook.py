"""The Rulebook: the framework in force in plain English, for staff (issue 17). A contents page, one
page per section and the whole rulebook on one page to print."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from accord.kernel.accounts.policy import Action, require

from .. import loader, rulebook


def contents(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_RULEBOOK)
    framework = loader.for_request(request)
    return render(
        request, "frameworks/rulebook/contents.html", {"framework": framework, "sections": rulebook.SECTIONS}
    )


def section(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, Action.VIEW_RULEBOOK)
    found = rulebook.section(slug)
    if found is None:
        raise Http404("No such section of the rulebook")
    framework = loader.for_request(request)
    previous, following = rulebook.neighbours(slug)
    context = rulebook.build(framework)
    context.update({"section": found, "previous": previous, "next": following, "level": 2, "printing": False})
    return render(request, "frameworks/rulebook/section.html", context)


def print_all(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_RULEBOOK)
    framework = loader.for_request(request)
    context = rulebook.build(framework)
    context.update({"level": 3, "printing": True})
    return render(request, "frameworks/rulebook/print.html", context)
