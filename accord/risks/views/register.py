from django.http import Http404


def risk_register(request, pk):
    raise Http404


def risk_export(request, pk, fmt):
    raise Http404
