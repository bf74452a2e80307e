"""The analytics app's privacy contract (docs/privacy.md).

Nothing here is linked to an email address: a page view carries only a visitor hash made
with a salt that is deleted when the day ends, and search words that look like an
address or a phone number are never stored. So export and erasure have nothing to find;
what the contract owns is the retention job (raw rows older than ANALYTICS_RAW_DAYS,
rolled up into daily totals first, and past days' salts).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import days

from .models import DailySalt, Hit, SearchHit
from .services import analytics_prune, rare_searches_forget

MODELS = [Hit, SearchHit, DailySalt]


def personal_data_export(address):
    return {}


def personal_data_erase(address, phones=()):
    return {}


def personal_data_prune(now=None):
    raw, salts = analytics_prune(now=now)
    counts = {"raw rows": raw, "salts": salts}
    cutoff = timezone.localdate(now) - timedelta(days=settings.ANALYTICS_RAW_DAYS)
    # Reported only when there were some, to keep the cron log to what happened.
    if rare := rare_searches_forget(cutoff):
        counts["rare search words"] = rare
    return counts


def notice_purposes():
    return [
        dict(
            key="analytics",
            title=_("Visitor statistics without cookies"),
            description=_(
                "We count page views and searches to know which content is used. No cookie "
                "or other identifier is stored on your device, and visitors who send Do Not "
                "Track or Global Privacy Control are not counted."
            ),
            data=_(
                "The page address, the referring site and the search words (searches with an "
                "email address or phone number are not recorded), and a visitor code made "
                "from the IP address and browser with a key that changes every day and is "
                "then deleted, so visitors cannot be recognised from one day to the next."
            ),
            legal_basis=_(
                "Legitimate interest (GDPR art. 6(1)(f)): developing the service on the basis "
                "of how it is used."
            ),
            retention=[
                _("Single page views are deleted after %(days)s; only daily totals are kept.")
                % {"days": days(settings.ANALYTICS_RAW_DAYS)},
                _(
                    "After %(days)s, search words searched fewer than three times in all are "
                    "deleted; only the number of such searches is kept."
                )
                % {"days": days(settings.ANALYTICS_RAW_DAYS)},
            ],
        )
    ]
