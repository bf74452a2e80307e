"""Weekly highlights (nosto): staff schedule deeds for a week; the home page and the
highlights page show the current week's, and past ones stay listed."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from deeds.models import Deed


def monday_of(day):
    return day - dt.timedelta(days=day.weekday())


class HighlightQuerySet(models.QuerySet):
    def public(self):
        return self.filter(deed__status="published")

    def current(self, day=None):
        return self.public().filter(week=monday_of(day or timezone.localdate()))

    def past(self, day=None):
        return self.public().filter(week__lt=monday_of(day or timezone.localdate()))


class Highlight(LoggedModel):
    deed = models.ForeignKey(
        Deed, verbose_name=_("deed"), on_delete=models.CASCADE, related_name="highlights"
    )
    week = models.DateField(_("week (its Monday)"))
    note = models.CharField(
        _("why this deed"), max_length=300, blank=True, help_text=_("Shown with the deed.")
    )
    note_sv = models.CharField(_("why this deed, in Swedish"), max_length=300, blank=True)
    note_en = models.CharField(_("why this deed, in English"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = HighlightQuerySet.as_manager()

    class Meta:
        verbose_name = _("highlight")
        verbose_name_plural = _("highlights")
        ordering = ["-week", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["deed", "week"], name="highlighted_once_a_week")
        ]

    def __str__(self):
        return f"{self.week:%Y-%m-%d}: {self.deed}"

    def save(self, *args, **kwargs):
        self.week = monday_of(self.week)  # any day of the week means that week
        super().save(*args, **kwargs)
