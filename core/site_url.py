"""Absolute addresses from SITE_URL, not from the request's Host header.

Feeds and sitemaps write absolute links that other sites copy and keep; Django builds
them from the request (``get_current_site`` → the Host header, ``is_secure``), which
behind a proxy or with a mistyped host would spread the wrong address. ``on_site_url``
hands those views a request that answers as SITE_URL does (issue 19).
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings


class SiteURLRequest:
    """The request as seen from SITE_URL: its host and scheme; all else unchanged."""

    def __init__(self, request):
        self._request = request
        self._site = urlsplit(settings.SITE_URL)

    def get_host(self):
        return self._site.netloc

    @property
    def scheme(self):
        return self._site.scheme

    def is_secure(self):
        return self._site.scheme == "https"

    def build_absolute_uri(self, location=None):
        path = self._request.get_full_path() if location is None else location
        if urlsplit(path).scheme:
            return path
        return f"{self._site.scheme}://{self._site.netloc}{path}"

    def __getattr__(self, name):
        return getattr(self._request, name)


def on_site_url(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(SiteURLRequest(request), *args, **kwargs)

    return wrapped
