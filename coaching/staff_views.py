from django.http import Http404


def board(request):
    raise Http404


application_page = board
