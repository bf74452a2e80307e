"""Daily totals are readable in the admin; raw hits and salts are deliberately not shown."""

from django.contrib import admin

from .models import SiteDay


@admin.register(SiteDay)
class SiteDayAdmin(admin.ModelAdmin):
    list_display = ["day", "visitors", "views", "rolled_up_at"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
