"""Public event pages (being written)."""

from django.http import Http404


def _missing(request, *args, **kwargs):
    raise Http404


event_list = event_detail = event_calendar = registration_new = _missing
registration_sent = registration_manage = _missing
