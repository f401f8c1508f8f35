from django.http import Http404


def upload(request, pk, slot):
    raise Http404


def download(request, pk, file_id):
    raise Http404
