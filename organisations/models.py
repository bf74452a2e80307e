"""Regions, municipalities and the organisations that share deeds.

Regions (maakunta) and municipalities (kunta) are reference data loaded by a
migration from ``data/``; staff only add geometry (``load_geodata``) or mark a
municipality merged. Organisations are kept by staff.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.models import LoggedModel
from core.collation import finnish_sort_key
from core.i18n import LocalizedNameMixin
from core.slugs import unique_slug


class Region(LocalizedNameMixin, models.Model):
    code = models.CharField(
        _("code"), max_length=2, unique=True, help_text=_("Official two-digit region code.")
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    nuts3 = models.CharField(_("NUTS 3 code"), max_length=5, blank=True)
    # Border projected to ETRS-TM35FIN and simplified once at import (load_geodata),
    # so drawing a map never projects anything per request.
    geometry = models.JSONField(_("border geometry"), null=True, blank=True, editable=False)
    svg_path = models.TextField(_("border for the map"), blank=True, editable=False)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]


class MunicipalityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Municipality(LocalizedNameMixin, models.Model):
    code = models.CharField(
        _("code"), max_length=3, unique=True, help_text=_("Official three-digit municipality code.")
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="municipalities"
    )
    # "fi", "sv" or "fi-sv" (bilingual), as in the official language status decree.
    languages = models.CharField(_("official languages"), max_length=5, default="fi")
    # A merged municipality stays so that old deeds keep their place.
    is_active = models.BooleanField(_("active"), default=True)
    sort_key = models.CharField(max_length=120, editable=False, db_index=True)
    geometry = models.JSONField(_("border geometry"), null=True, blank=True, editable=False)
    svg_path = models.TextField(_("border for the map"), blank=True, editable=False)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["sort_key"]

    def save(self, *args, **kwargs):
        self.sort_key = finnish_sort_key(self.name_fi)
        super().save(*args, **kwargs)


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality or city")
    JOINT_AUTHORITY = "joint_authority", _("Joint municipal authority")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    COMPANY = "company", _("Municipal company")
    OTHER = "other", _("Other organisation")


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_active=True)

    def of_type(self, org_type):
        return self.filter(type=org_type)

    def in_region(self, region_code):
        return self.filter(region__code=region_code)


business_id_validator = RegexValidator(
    r"^\d{7}-\d$", _("Enter a business ID in the form 1234567-8.")
)


class Organisation(LocalizedNameMixin, LoggedModel):
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(
        _("address name"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Part of the page address; made from the name if empty."),
    )
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("home municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    # Derived from the home municipality; set directly only for a wellbeing services
    # county, which serves a whole region rather than one municipality.
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    business_id = models.CharField(
        _("business ID"), max_length=9, blank=True, validators=[business_id_validator]
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("A dissolved organisation is hidden from lists; its deeds stay."),
    )
    sort_key = models.CharField(max_length=120, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_key", "id"]
        constraints = [
            models.CheckConstraint(
                name="organisation_has_place",
                condition=Q(municipality__isnull=False)
                | Q(region__isnull=False)
                | Q(type=OrganisationType.OTHER),
            ),
        ]

    def clean(self):
        if self.type == OrganisationType.WELLBEING_COUNTY:
            if not self.region_id and not self.municipality_id:
                raise ValidationError({"region": _("A wellbeing services county needs a region.")})
        elif self.type != OrganisationType.OTHER and not self.municipality_id:
            raise ValidationError({"municipality": _("Choose the home municipality.")})

    def save(self, *args, **kwargs):
        if self.municipality_id:
            self.region_id = Municipality.objects.values_list("region_id", flat=True).get(
                pk=self.municipality_id
            )
        self.sort_key = finnish_sort_key(self.name_fi)
        if not self.slug:
            self.slug = unique_slug(self, self.name_fi)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("organisations:detail", kwargs={"slug": self.slug})
