from django.http import Http404


def approvals_page(request, pk):
    raise Http404


def decide(request, pk, artefact_id, role_id):
    raise Http404


def inbox(request):
    raise Http404


def appointments(request):
    raise Http404
