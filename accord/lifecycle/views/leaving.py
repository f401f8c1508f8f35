from django.http import Http404


def exit_decision(request, pk):
    raise Http404


def leaving_form(request, pk):
    raise Http404
