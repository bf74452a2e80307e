from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogueVersion(models.Model):
    """One row whose number grows whenever anything a deed list shows changes.

    Every app process keeps the published catalogue's facet index in memory
    (catalogue/index.py) and rebuilds it when this number moves, so several
    stateless processes stay consistent without a shared cache.
    """

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("catalogue version")
        verbose_name_plural = _("catalogue versions")
