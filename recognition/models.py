"""Campaigns and the "most inventive municipality" results.

A campaign is a window of dates with a public page of live figures. A ranking is
computed live for any window (rankings.py); staff freeze one into a
``MunicipalityRanking`` whose rows no later change of deeds alters, and publish it
with a short text.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core.i18n import FALLBACK, localized_with_language


def translated(obj, field, language=None):
    """A staff-entered text in the page's language, else in Finnish (then the other one):
    (text, its language code). The Finnish text is the field itself (``name``), the
    others ``name_sv`` and ``name_en``."""
    text, code = localized_with_language(obj, field, language)
    return text, code or FALLBACK[0]


def in_language(obj, field, language=None):
    return translated(obj, field, language)[0]


class CampaignQuerySet(models.QuerySet):
    def running(self, day=None):
        day = day or timezone.localdate()
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def before(self, campaign):
        return self.filter(ends_on__lt=campaign.starts_on).order_by("-ends_on")


# A campaign's page draws a bar for each of its days: a year of them at most.
MAX_CAMPAIGN_DAYS = 366


class Campaign(LoggedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    target = models.PositiveIntegerField(
        _("target"), null=True, blank=True, help_text=_("New deeds the campaign aims at.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if problem := outside_years(self.starts_on, self.ends_on):
            raise ValidationError(problem)
        if self.starts_on and self.ends_on and self.days > MAX_CAMPAIGN_DAYS:
            raise ValidationError(
                {
                    "ends_on": _("A campaign lasts at most %(days)d days.")
                    % {"days": MAX_CAMPAIGN_DAYS}
                }
            )

    def get_absolute_url(self):
        return reverse("campaigns:detail", kwargs={"slug": self.slug})

    @property
    def days(self):
        return (self.ends_on - self.starts_on).days + 1

    def is_running(self, day=None):
        return self.starts_on <= (day or timezone.localdate()) <= self.ends_on

    def has_started(self, day=None):
        return self.starts_on <= (day or timezone.localdate())

    def days_so_far(self, day=None):
        """Days of the campaign up to today (all of them once it has ended)."""
        last = min(self.ends_on, day or timezone.localdate())
        return max(0, (last - self.starts_on).days + 1)


class RankingRule(models.TextChoices):
    HOME = "home", _("the home municipality of the deed's organisation")
    PARTNERS = "partners", _("the home municipalities of the organisation and its partners")


class MunicipalityRankingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class MunicipalityRanking(LoggedModel):
    """A frozen "most inventive municipality" result."""

    title = models.CharField(_("title"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rankings",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    rule = models.CharField(_("each deed counts for"), max_length=10, choices=RankingRule.choices)
    # [{place, municipality, code, count}] as they stood when frozen.
    rows = models.JSONField(_("ranking"), default=list, editable=False)
    text = models.TextField(_("text for the public page"), blank=True)
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)
    frozen_at = models.DateTimeField(_("frozen"), default=timezone.now, editable=False)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = MunicipalityRankingQuerySet.as_manager()

    class Meta:
        verbose_name = _("most inventive municipality result")
        verbose_name_plural = _("most inventive municipality results")
        ordering = ["-year", "-ends_on"]

    def __str__(self):
        return self.title

    @property
    def winners(self):
        return [row for row in self.rows if row["place"] == 1]

    @property
    def period(self):
        return (self.starts_on, self.ends_on)


# Periods, calendars and rankings are of these years: the portal's data begins after
# 2000, and far-off dates (9999-12-31) would overflow the date arithmetic of a window.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def outside_years(*days):
    """A message if any of the dates is outside FIRST_YEAR–LAST_YEAR, else ''."""
    if any(day and not FIRST_YEAR <= day.year <= LAST_YEAR for day in days):
        return _("Choose dates from the years %(first)s–%(last)s.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    return ""


def window(starts_on, ends_on):
    """The moments of a window of Finnish dates: from the first day's midnight to the
    midnight after the last day (a deed published at 23:59 on the last day counts)."""
    zone = timezone.get_default_timezone()
    start = dt.datetime.combine(starts_on, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(ends_on + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return start, end


# The gala's and the highlights' models live in their own modules (models.py would pass
# 500 lines); imported here so that Django registers them with this app.
from .awards import Award, AwardCategory, Gala, HonourableMention, Shortlisting  # noqa: E402, F401
from .highlights import Highlight  # noqa: E402, F401
