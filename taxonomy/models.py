"""The vocabularies deeds are tagged with: sectors, themes, subthemes, customer groups.

Staff edit them in the admin, order them by position and retire terms that are no
longer offered: a retired term disappears from forms but keeps working on the
deeds that have it, including their links and filters.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import LocalizedNameMixin
from core.slugs import unique_slug


class TermQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Term(LocalizedNameMixin, models.Model):
    slug = models.SlugField(
        _("address name"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in addresses and the API; do not change once in use."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=150)
    name_sv = models.CharField(_("name in Swedish"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Retired terms are no longer offered but stay on existing deeds."),
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name_fi)
        super().save(*args, **kwargs)


class Sector(Term):
    class Meta(Term.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Subtheme(Term):
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="subthemes"
    )

    class Meta(Term.Meta):
        verbose_name = _("subtheme")
        verbose_name_plural = _("subthemes")
        ordering = ["theme__position", "position", "id"]


class CustomerGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("customer group")
        verbose_name_plural = _("customer groups")
