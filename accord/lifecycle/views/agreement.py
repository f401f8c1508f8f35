from django.http import Http404


def agreement_edit(request, pk):
    raise Http404


def coverage(request, pk):
    raise Http404


def signatory_add(request, pk):
    raise Http404


def signatory_remove(request, pk, signatory_id):
    raise Http404
