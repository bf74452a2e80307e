"""Site-wide response headers."""

from django.conf import settings


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
