"""A second factor for staff: a TOTP app (RFC 6238) with one-time recovery codes.

Staff hold the keys to every deed, registration and email address, so a guessed or
phished password alone must not open their pages (issue 19, item 12). After the
password, a staff member either sets up an authenticator app (the first time) or types
its six-digit code; ``accounts.middleware.StaffSecondFactorMiddleware`` keeps every
other page, the admin's included, closed until then. django-otp holds the devices and
checks the codes (drift of one 30-second step, no code accepted twice).

Recovery codes (10, each usable once) are shown once, when the app is set up; using
one is logged. Losing both: another superuser resets the second factor in the admin
(``second_factor_reset``), and the person sets it up again at the next sign-in.
"""

from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.ratelimit import rate_forgive, rate_limited

RECOVERY_CODES = 10
ATTEMPTS_BUCKET = "second-factor"
APP_DEVICE = "app"
RECOVERY_DEVICE = "recovery"


class SecondFactorError(Exception):
    """The code was wrong, or too many were tried."""


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def setup_device(user):
    """The app being set up: one unconfirmed device per person, kept across reloads of
    the set-up page so the QR code does not change under the person's camera."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    return device


def _limited(user):
    return rate_limited(ATTEMPTS_BUCKET, str(user.pk), settings.SIGN_IN_ATTEMPTS_PER_HOUR)


def _clean(code):
    return "".join(str(code).split())[:16]


def second_factor_enable(request, code):
    """Confirm the app with its first code; returns the recovery codes (shown once).
    The attempt is counted outside the transaction, so a wrong code still counts."""
    user = request.user
    if _limited(user):
        raise SecondFactorError("limit")
    device = setup_device(user)
    if not device.verify_token(_clean(code)):
        raise SecondFactorError("code")
    with transaction.atomic():
        return _enable(request, user, device)


def _enable(request, user, device):
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=recovery, token=c) for c in codes])
    otp_login(request, device)
    rate_forgive(ATTEMPTS_BUCKET, str(user.pk))
    user.log_action("account.second_factor_enabled", actor=user)
    return codes


def second_factor_verify(request, code):
    """Accept a code from the app or a recovery code for the signed-in person."""
    user = request.user
    if _limited(user):
        raise SecondFactorError("limit")
    code = _clean(code)
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            otp_login(request, device)
            rate_forgive(ATTEMPTS_BUCKET, str(user.pk))
            return device
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code.lower()):
            otp_login(request, device)
            rate_forgive(ATTEMPTS_BUCKET, str(user.pk))
            left = device.token_set.count()
            user.log_action("account.recovery_code_used", actor=user, data={"codes_left": left})
            return device
    raise SecondFactorError("code")


@transaction.atomic
def second_factor_reset(user, *, actor):
    """Remove a person's app and recovery codes (lost phone); they set up a new app at
    their next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.log_action("account.second_factor_reset", actor=actor)
