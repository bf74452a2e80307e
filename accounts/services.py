"""Password resets: asked for on the public page, written by a task."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.ratelimit import email_rate_limited
from emails.services import email_queue

from .models import User


def password_reset_request(address):
    """Ask for a password-reset email to ``address``.

    The request does the same work whether or not an account has the address (count,
    look up, queue a task), so neither the answer nor its timing tells; the task writes
    the email only when there is an account. At most PASSWORD_RESET_EMAILS_PER_HOUR
    per recipient, from however many clients.
    """
    limit = settings.PASSWORD_RESET_EMAILS_PER_HOUR
    if email_rate_limited(address, limit, bucket="password-reset"):
        return
    user_ids = [user.pk for user in PasswordResetForm().get_users(address)]

    def enqueue():
        from .tasks import password_reset_send

        password_reset_send.enqueue(user_ids)

    transaction.on_commit(enqueue)


def password_reset_email(user_ids):
    """Queue a reset link to each of these accounts that may still sign in."""
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        if not user.has_usable_password():
            continue
        token = default_token_generator.make_token(user)
        email_queue(
            to=user.email,
            template="password_reset",
            context={
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": token,
                "user": user,
            },
            language=user.language,
            secrets=[token],
        )
