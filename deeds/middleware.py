from django.http import HttpResponsePermanentRedirect


class LegacyDeedRedirectMiddleware:
    """Send old addresses of imported deeds (from the previous site) to their new page.

    Looked up only when nothing else answered (404), so it costs nothing on
    ordinary requests.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        from .models import Deed

        path = request.path.rstrip("/")
        # No stored address is empty, overlong or holds a NUL (which PostgreSQL refuses).
        if not path or len(path) > 300 or "\x00" in path:
            return response
        deed = (
            Deed.objects.published()
            .filter(legacy_path__in=[path, path + "/"])
            .only("pk", "slug")
            .first()
        )
        return HttpResponsePermanentRedirect(deed.get_absolute_url()) if deed else response
