"""The admin: coaching themes are reference data edited here; rounds, experts and
applications are shown read-only.

Why read-only: every change of a round, an expert or an application has its service
(coaching/services.py, experts.py, feedback.py) with its checks (the state, the budget
under the round's lock, the emails to the applicant and the expert, the audit entry),
and the staff pages (/sparraus/hallinta/) call them with proper forms. An admin form
would be a second editor that skips them, so nothing here adds, changes or deletes
them (deleting an application would also delete the sessions the figures count).
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from taxonomy.admin import TermAdmin

from .models import Application, CoachingTheme, Expert, Round


@admin.register(CoachingTheme)
class CoachingThemeAdmin(TermAdmin):
    fields = [
        "name_fi",
        "name_sv",
        "name_en",
        "description_fi",
        "description_sv",
        "description_en",
        "slug",
        "position",
        "is_active",
    ]

    @staticmethod
    def _in_use(obj):
        return obj.applications.exists() or obj.experts.exists()

    def has_delete_permission(self, request, obj=None):
        # A theme on applications or experts is retired, never deleted: the figures
        # count applications by theme.
        if obj is not None and self._in_use(obj):
            return False
        return admin.ModelAdmin.has_delete_permission(self, request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj is not None and self._in_use(obj) else []


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Round)
class RoundAdmin(ReadOnlyAdmin):
    list_display = ["year", "budget_days", "opens_on", "closes_on"]


@admin.register(Expert)
class ExpertAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation_name", "email", "is_public", "user"]
    search_fields = ["name", "organisation_name", "email"]
    list_filter = ["is_public"]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "round", "status", "days_requested", "days_granted", "staff_page"]
    list_filter = ["status", "round"]
    search_fields = ["organisation_name", "organisation__name_fi", "contact_name"]
    list_select_related = ["round", "organisation"]
    exclude = ["form_key", "link_salt"]

    @admin.display(description=_("staff page"))
    def staff_page(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("coaching_staff:application", args=[obj.pk]),
            _("Open"),
        )
