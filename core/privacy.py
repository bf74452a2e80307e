"""The privacy contract of core's rate counters (docs/privacy.md, core/ratelimit.py).

A counter holds no address, only a keyed hash (HMAC with SECRET_KEY) of an IP address or
an email address, which is still pseudonymous personal data: it is kept only for its
hour. Counters are deleted as new ones open; the daily retention job deletes those left
when traffic stopped, and so usually finds none: it reports only when it deleted some,
to keep the cron log to what happened.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RateCounter
from .ratelimit import rate_counters_of, rate_counters_prune

MODELS = [RateCounter]


def personal_data_export(address):
    return {
        "rate_limits": [
            {"use": c.bucket, "hour": timezone.localtime(c.hour).isoformat(), "count": c.count}
            for c in rate_counters_of(address).order_by("hour", "bucket")
        ]
    }


def personal_data_erase(address, phones=()):
    return {"rate counters": rate_counters_of(address).delete()[0]}


def personal_data_prune(now=None):
    deleted = rate_counters_prune(now)
    return {"rate counters": deleted} if deleted else {}


def notice_purposes():
    return [
        dict(
            key="rate-limits",
            title=_("Limits against misuse"),
            description=_(
                "To keep the forms usable against automated misuse and password guessing, we "
                "count per hour sign-in attempts per IP address and per account, new deeds and "
                "feedback messages per IP address, and emails per recipient."
            ),
            data=_(
                "A one-way keyed hash of the IP address or email address with its hourly "
                "count; the address itself is not stored."
            ),
            legal_basis=_("Legitimate interest (GDPR art. 6(1)(f)): the security of the service."),
            retention=[_("Each count is deleted after its hour, within a day at the latest.")],
        )
    ]
