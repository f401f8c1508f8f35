from django.http import Http404


def partnership_heatmap(request, pk):
    raise Http404


def council_heatmap(request):
    raise Http404
