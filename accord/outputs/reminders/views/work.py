"""My work: the signed-in person's due and overdue items across their partnerships."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.frameworks import loader
from accord.kernel import clock
from accord.kernel.accounts.policy import Action, can

from .. import mywork, planner
from ..feeds import active_feed


def my_work(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    work = mywork.work_for(request.user, today, framework=loader.for_request(request))
    return render(
        request,
        "reminders/my_work.html",
        {
            "has_work": mywork.has_work(request.user) or bool(work),
            "groups": mywork.grouped(work),
            "names": planner.GROUP_NAMES,
            "escalated": mywork.ESCALATED,
            "today": today,
            "feed": active_feed(request.user) if mywork.has_work(request.user) else None,
            "can_see_calendar": can(request.user, Action.VIEW_REPORTS),
        },
    )
