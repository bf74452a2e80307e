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


class SubthemeQuerySet(TermQuerySet):
    def theme_of_each(self):
        """``{subtheme pk: its theme's pk}`` in one query."""
        return dict(self.values_list("pk", "theme_id"))


class Subtheme(Term):
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="subthemes"
    )

    objects = SubthemeQuerySet.as_manager()

    class Meta(Term.Meta):
        verbose_name = _("subtheme")
        verbose_name_plural = _("subthemes")
        ordering = ["theme__position", "position", "id"]


class CustomerGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("customer group")
        verbose_name_plural = _("customer groups")


def themes_with_subthemes(themes, subthemes, *, theme_of=None):
    """The themes of something tagged with ``themes`` and ``subthemes`` (terms or their
    primary keys), as primary keys: the chosen themes, then the theme of each subtheme
    that is not among them, each once, in order.

    A subtheme narrows a theme, so a deed about a subtheme is about its theme too: every
    way of tagging a deed (publishing a shared deed, the admin, the import) completes
    its themes with this rather than refusing the choice. ``theme_of`` is
    ``Subtheme.objects.theme_of_each()``, for a caller that tags many deeds (the
    import) and so looks it up once; without it this costs a query.
    """
    subtheme_pks = [getattr(subtheme, "pk", subtheme) for subtheme in subthemes]
    if theme_of is None and subtheme_pks:
        theme_of = Subtheme.objects.filter(pk__in=subtheme_pks).theme_of_each()
    result = dict.fromkeys(getattr(theme, "pk", theme) for theme in themes)
    result.update(dict.fromkeys(theme_of[pk] for pk in subtheme_pks))
    return list(result)
