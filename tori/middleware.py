"""Site-wide response headers, and the limit on a request's size."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than REQUEST_MAX_BYTES (413) before anything reads
    it. Django limits form fields in memory (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams
    files to disk without a total, so one post could fill the disk; the proxy's limit
    (README, client_max_body_size) should be the same, and this holds without one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            return HttpResponse(
                _("The request is too large."),
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy from settings on every response.

    Django 5.2 has no CSP support of its own and one header needs no dependency.
    The policy allows no inline script or style, which is why templates never use
    ``style=`` or ``<script>`` bodies.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class PrivatePagesMiddleware:
    """Keep personal pages out of every cache: ``Cache-Control: no-store`` on whatever a
    signed-in person sees (staff and editor pages, and public pages with their staff
    links) and on pages opened by a secret link (a URL with a ``token``), which send a
    referrer only to this site, so the link's secret does not travel to another one
    (issue 19). Not ``no-referrer``: with it browsers send ``Origin: null`` on the page's
    own form posts, and the CSRF check refuses them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        secret_link = bool(match and "token" in match.kwargs)
        user = getattr(request, "user", None)
        if secret_link or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store, private"
        if secret_link:
            response["Referrer-Policy"] = "same-origin"
        return response
