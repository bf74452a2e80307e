"""Signing in for staff and organisation editors; Django's own views, with our email
queue and limits on attempts (accounts/forms.py, core/ratelimit.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.forms.forms import NON_FIELD_ERRORS
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from core.ratelimit import client_rate_limited

from .forms import CLIENT_BUCKET, LOCKED_OUT, PasswordResetQueuedForm, SignInForm


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, LOCKED_OUT):
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Each post may email someone: it counts against the client's sign-in attempts."""

    form_class = PasswordResetQueuedForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        if client_rate_limited(request, CLIENT_BUCKET, settings.SIGN_IN_ATTEMPTS_PER_HOUR):
            # An unbound form with what was typed: nothing is checked or sent.
            form = self.get_form_class()(initial={"email": request.POST.get("email", "")[:254]})
            messages.error(request, _("Too many attempts from your address. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


@login_required
def account_home(request):
    """Where signing in leads: staff to moderation, editors to their organisations."""
    if request.user.is_staff:
        return redirect("moderation:queue")
    return redirect("editors:dashboard")
