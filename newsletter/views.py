"""Public newsletter pages (being written: issue 15)."""

from django.http import Http404


def _not_yet(request, *args, **kwargs):
    raise Http404


subscribe = subscribed = confirm = preferences = unsubscribe = archive = archive_issue = _not_yet
