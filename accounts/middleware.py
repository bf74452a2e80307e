"""Staff pages open only after the second factor (accounts/second_factor.py), and a
staff member's session lasts STAFF_SESSION_HOURS, not the editors' two weeks."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

# Pages a staff member may open between the password and the code.
OPEN_BEFORE_SECOND_FACTOR = {
    "accounts:second_factor",
    "accounts:second_factor_setup",
    "accounts:logout",
    "admin:logout",
    "healthz",
    "set_language",
}


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            if "_session_expiry" not in request.session:
                request.session.set_expiry(settings.STAFF_SESSION_HOURS * 3600)
            if settings.STAFF_REQUIRE_SECOND_FACTOR and not user.is_verified():
                if not self._open(request):
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse('accounts:second_factor')}?{query}")
        return self.get_response(request)

    @staticmethod
    def _open(request):
        if request.path_info.startswith((settings.STATIC_URL, "/media/")):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # a 404 shows nothing
        return match.view_name in OPEN_BEFORE_SECOND_FACTOR
