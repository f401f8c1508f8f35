from django.http import Http404


def council_risks(request):
    raise Http404


def council_export(request, fmt):
    raise Http404
