from django.http import Http404


def sign_off(request, pk):
    raise Http404


def consultee_edit(request, pk, consultee_id=None):
    raise Http404


def consultee_remove(request, pk, consultee_id):
    raise Http404
