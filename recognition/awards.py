"""The annual gala: award categories, the jury's shortlist, awards and honourable mentions.

Jury notes (``Shortlisting.jury_notes``) are private to staff: nothing public reads the
shortlist at all, only ``Award`` and ``HonourableMention``.

Embargo: a gala's awards and mentions are public only from ``Gala.results_public_at``
(set when staff publish them, or ahead of time, e.g. to the gala's start). It is
compared with the clock on every read (``public()``), so a scheduled publication shows
up at its moment without a job or a cache to invalidate.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from deeds.models import Deed
from organisations.models import Organisation
from taxonomy.models import Sector, Theme


class GalaQuerySet(models.QuerySet):
    def results_public(self, now=None):
        """Galas whose results are public at ``now`` (default: this moment)."""
        return self.filter(results_public_at__lte=now or timezone.now())


class Gala(LoggedModel):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    stream_url = models.URLField(_("stream address"), blank=True)
    results_public_at = models.DateTimeField(
        _("results public from"),
        null=True,
        blank=True,
        help_text=_(
            "Until this moment nothing of the gala's awards and honourable mentions is "
            "public. Empty: not until staff publish them."
        ),
    )

    objects = GalaQuerySet.as_manager()

    class Meta:
        verbose_name = _("gala")
        verbose_name_plural = _("galas")
        ordering = ["-year"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("recognition:awarded", kwargs={"year": self.year})

    def results_are_public(self, now=None):
        return self.results_public_at is not None and self.results_public_at <= (
            now or timezone.now()
        )


class CategoryKind(models.TextChoices):
    SECTOR = "sector", _("Sector")
    THEME = "theme", _("Theme")
    SPECIAL = "special", _("Special award")


class AwardCategory(models.Model):
    gala = models.ForeignKey(Gala, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CategoryKind.choices)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), null=True, blank=True, on_delete=models.PROTECT
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("award category")
        verbose_name_plural = _("award categories")
        ordering = ["gala", "position", "name"]

    def __str__(self):
        return f"{self.gala.year}: {self.name}"

    def label(self, language=None):
        from .models import in_language

        return in_language(self, "name", language)


class Shortlisting(models.Model):
    category = models.ForeignKey(AwardCategory, on_delete=models.CASCADE, related_name="shortlist")
    deed = models.ForeignKey(Deed, verbose_name=_("deed"), on_delete=models.CASCADE)
    jury_notes = models.TextField(_("jury notes (never public)"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("shortlisted deed")
        verbose_name_plural = _("shortlist")
        constraints = [
            models.UniqueConstraint(fields=["category", "deed"], name="shortlisted_once")
        ]

    def __str__(self):
        return str(self.deed)

    def clean(self):
        if self.deed_id and self.deed.status != "published":
            raise ValidationError({"deed": _("Only published deeds can be shortlisted.")})


class AwardQuerySet(models.QuerySet):
    def of_year(self, year):
        return self.filter(category__gala__year=year)

    def public(self, now=None):
        """Awards anyone may see: of a published deed, at a gala whose results are out."""
        return self.filter(
            deed__status="published", category__gala__results_public_at__lte=now or timezone.now()
        )


class Award(LoggedModel):
    category = models.ForeignKey(AwardCategory, on_delete=models.CASCADE, related_name="awards")
    deed = models.ForeignKey(
        Deed, verbose_name=_("deed"), on_delete=models.PROTECT, related_name="awards"
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now, editable=False)
    door = models.PositiveSmallIntegerField(
        _("advent calendar door"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("Empty: after the numbered ones, in the order the awards were decided."),
    )

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["category__position", "category__name", "deed__title"]
        constraints = [models.UniqueConstraint(fields=["category", "deed"], name="awarded_once")]

    def __str__(self):
        return f"{self.category}: {self.deed}"

    def clean(self):
        # The jury decides among the shortlist: an award is for a shortlisted deed.
        if (
            self.deed_id
            and self.category_id
            and not self.category.shortlist.filter(deed_id=self.deed_id).exists()
        ):
            raise ValidationError({"deed": _("Shortlist the deed in this category first.")})


class HonourableMentionQuerySet(models.QuerySet):
    def public(self, now=None):
        return self.filter(gala__results_public_at__lte=now or timezone.now())


class HonourableMention(LoggedModel):
    """For broad or visible development work of an organisation or one of its units."""

    gala = models.ForeignKey(Gala, on_delete=models.CASCADE, related_name="mentions")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT
    )
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    text = models.TextField(_("grounds"), blank=True)
    text_sv = models.TextField(_("grounds in Swedish"), blank=True)
    text_en = models.TextField(_("grounds in English"), blank=True)

    objects = HonourableMentionQuerySet.as_manager()

    class Meta:
        verbose_name = _("honourable mention")
        verbose_name_plural = _("honourable mentions")
        ordering = ["organisation__sort_key"]

    def __str__(self):
        return f"{self.gala.year}: {self.organisation}"
