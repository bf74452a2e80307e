"""The one table of the helpers: per-hour counters of core.ratelimit.

They live in the database because it is the store every deployment has and every app
process shares (the default cache is per process). ``core`` stays the bottom layer:
this model, like the rest of core, knows no app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """How many times one client, account or recipient used one limited thing (``bucket``:
    signing in, a new deed, feedback, an email) in one clock hour.

    ``key`` is a keyed hash (HMAC with SECRET_KEY) of the IP address or email address,
    never the address itself; the row is deleted once its hour is over.
    """

    bucket = models.CharField(_("limited use"), max_length=40)
    key = models.CharField(_("hashed address"), max_length=64)
    hour = models.DateTimeField(_("hour"), db_index=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")
        constraints = [
            # The counters' upsert (INSERT … ON CONFLICT) names exactly these columns.
            models.UniqueConstraint(fields=["bucket", "key", "hour"], name="core_ratecounter_once")
        ]

    def __str__(self):
        return f"{self.bucket} {self.key[:8]}… {self.hour:%Y-%m-%d %H}: {self.count}"
