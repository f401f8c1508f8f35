from django.http import Http404


def cycle_overview(request, pk):
    raise Http404


def cycle_move(request, pk, target):
    raise Http404


def cycle_retrospective(request, pk):
    raise Http404
