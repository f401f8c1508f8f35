from django.http import Http404


def download(request, pk, document):
    raise Http404
