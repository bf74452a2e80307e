"""Signing in for staff and organisation editors; Django's own views, with our email
queue and a per-address limit on attempts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from core.ratelimit import client_key, rate_limited

from .forms import PasswordResetQueuedForm


class RateLimitedMixin:
    """Each post can guess a password or email someone: a limit per address and hour."""

    def post(self, request, *args, **kwargs):
        if rate_limited(client_key(request, "sign-in"), settings.SIGN_IN_ATTEMPTS_PER_HOUR):
            # An unbound form: checking the password now would defeat the limit.
            kwargs = {k: v for k, v in self.get_form_kwargs().items() if k not in ("data", "files")}
            kwargs["initial"] = {k: request.POST.get(k, "")[:254] for k in ("username", "email")}
            form = self.get_form_class()(**kwargs)
            messages.error(request, _("Too many attempts from your address. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class SignInView(RateLimitedMixin, auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


class PasswordResetView(RateLimitedMixin, auth_views.PasswordResetView):
    form_class = PasswordResetQueuedForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")


@login_required
def account_home(request):
    """Where signing in leads: staff to moderation, editors to their organisations."""
    if request.user.is_staff:
        return redirect("moderation:queue")
    return redirect("editors:dashboard")
