"""Council duties: the framework's obligations on the council as a whole (ADR 0031), each with its
status, due date, owners, clause and what met it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, require

from .. import duties


def council_duties(request: HttpRequest) -> HttpResponse:
    require(request, Action.VIEW_COMPLIANCE)
    framework = loader.for_request(request)
    today = clock.today()
    return render(
        request,
        "reminders/council_duties.html",
        {"framework": framework, "duties": duties.owned_duties(framework, today), "today": today},
    )
