from django.http import Http404


def invitation_accept(request, token):
    raise Http404


my_applications = invitation_accept
