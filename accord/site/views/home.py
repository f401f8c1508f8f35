"""The home page: the partnerships the signed-in user holds a role on."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.kernel.accounts.policy import Action, can
from accord.register.access import my_partnerships, visible_partnerships


def home(request: HttpRequest) -> HttpResponse:
    mine = my_partnerships(request.user).select_related("partnership_type", "directorate").order_by("name")
    return render(
        request,
        "home.html",
        {
            "mine": mine[:100],
            "total_visible": visible_partnerships(request.user).count(),
            "can_create": can(request.user, Action.CREATE_PARTNERSHIP),
        },
    )
