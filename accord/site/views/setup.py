"""Set up Accord: the administrators' task list, each step with its state and the page that does it
(issue 18, item 8). The facts are gathered by accord.site.setup.facts and judged by the pure rules in
accord.site.setup.steps; the page's one write is confirming the rulebook was checked (ADR 0039)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accord.frameworks import loader
from accord.kernel.accounts.policy import Action, require

from ..setup import facts, services, steps

CONFIRM_RULEBOOK = "rulebook-checked"


def setup(request: HttpRequest) -> HttpResponse:
    require(request, Action.SET_UP_ACCORD)
    framework = loader.for_request(request)
    if request.method == "POST":
        if request.POST.get("confirm") == CONFIRM_RULEBOOK:
            services.confirm_rulebook_checked(request.user, framework)
            messages.success(request, f"Recorded: you checked the rulebook of version {framework.version}.")
        return redirect("setup")
    found = facts.gather(framework, request.user)
    results = steps.evaluate(found)
    return render(
        request,
        "setup.html",
        {
            "framework": framework,
            "results": results,
            "done": steps.completed(results),
            "council": found.council,
            "council_settings": steps.COUNCIL_SETTINGS,
            "rulebook_checked": found.rulebook.checked_version == framework.version,
            "confirm_rulebook": CONFIRM_RULEBOOK,
            "State": steps.State,
        },
    )
