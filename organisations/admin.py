from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Municipality, Organisation, Region


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name_fi", "type", "municipality", "region", "is_active"]
    list_filter = ["type", "region", "is_active"]
    list_select_related = ["municipality", "region"]
    search_fields = ["name_fi", "name_sv", "name_en", "slug", "business_id"]
    autocomplete_fields = ["municipality"]
    readonly_fields = ["created_at", "updated_at"]
    fields = [
        "name_fi",
        "name_sv",
        "name_en",
        "slug",
        "type",
        "municipality",
        "region",
        "website",
        "business_id",
        "is_active",
        "created_at",
        "updated_at",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.log_action(
            "organisation.changed" if change else "organisation.created",
            actor=request.user,
            data={"fields": sorted(form.changed_data)},
        )

    def has_delete_permission(self, request, obj=None):
        # An organisation with deeds is made inactive, not deleted (deeds point to it).
        if obj is not None and (obj.deeds.exists() or obj.partner_deeds.exists()):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    """Reference data from the official registry: only 'active' is edited by hand."""

    list_display = ["code", "name_fi", "name_sv", "region", "is_active", "has_geometry"]
    list_filter = ["region", "is_active"]
    search_fields = ["code", "name_fi", "name_sv"]
    readonly_fields = ["code", "name_fi", "name_sv", "region", "languages"]
    fields = ["code", "name_fi", "name_sv", "region", "languages", "is_active"]

    @admin.display(boolean=True, description=_("border loaded"))
    def has_geometry(self, obj):
        return obj.geometry is not None

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "name_sv", "name_en"]
    search_fields = ["code", "name_fi", "name_sv"]
    readonly_fields = ["code", "nuts3"]
    fields = ["code", "name_fi", "name_sv", "name_en", "nuts3"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
