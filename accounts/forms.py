from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import (
    AdminUserCreationForm,
    AuthenticationForm,
    PasswordResetForm,
    UserChangeForm,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.ratelimit import client_address, normalised_email, rate_forgive, rate_limited

from .models import User
from .services import password_reset_request

# Every post to a sign-in form counts against the client's address and the account
# typed in; a successful sign-in is given back. Password-reset posts count against
# the client's too (accounts.views.PasswordResetView).
CLIENT_BUCKET = "sign-in"
ACCOUNT_BUCKET = "sign-in-account"
LOCKED_OUT = "too_many_attempts"


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = ("email",)


class SignInLimitMixin:
    """One limit for every sign-in form, ours and the admin's: SIGN_IN_ATTEMPTS_PER_HOUR
    attempts per hour per client address and per account.

    The attempt is counted before the password is checked, so guesses sent in parallel
    cannot slip past the limit. An account is counted by the address typed, whether or
    not an account has it, and the refusal names neither, so neither the message nor
    the work behind it tells whether an account exists.
    """

    locked_out_message = _(
        "Too many sign-in attempts with this email address or from your network. "
        "Try again in an hour."
    )

    def clean(self):
        client = client_address(self.request) if self.request else ""
        account = normalised_email(self.cleaned_data.get("username") or "")
        limit = settings.SIGN_IN_ATTEMPTS_PER_HOUR
        over_client = rate_limited(CLIENT_BUCKET, client, limit)
        over_account = bool(account) and rate_limited(ACCOUNT_BUCKET, account, limit)
        if over_client or over_account:
            raise ValidationError(self.locked_out_message, code=LOCKED_OUT)
        cleaned = super().clean()
        if self.get_user() is not None:
            rate_forgive(CLIENT_BUCKET, client)
            rate_forgive(ACCOUNT_BUCKET, account)
        return cleaned


class SignInForm(SignInLimitMixin, AuthenticationForm):
    pass


class AdminSignInForm(SignInLimitMixin, AdminAuthenticationForm):
    """The admin's sign-in (/hallinta/login/, set in tori/urls.py): staff only."""


class PasswordResetQueuedForm(PasswordResetForm):
    """Django's reset form, but the request only counts and queues (accounts.services.
    password_reset_request): the message is written by a task, through our email queue
    (retried when the mail server is down), in the person's own language."""

    def save(self, *args, **kwargs):
        password_reset_request(self.cleaned_data["email"])
