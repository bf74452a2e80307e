from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import CustomerGroup, Sector, Subtheme, Theme


class TermAdmin(admin.ModelAdmin):
    """Ordered, editable vocabularies. Terms in use are retired, never deleted: deleting
    would silently strip the tag from every deed that has it."""

    list_display = ["name_fi", "name_sv", "name_en", "slug", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name_fi", "name_sv", "name_en", "slug"]
    ordering = ["position", "id"]
    actions = ["retire", "restore"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.deeds.exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Slugs are in shared links and API clients: fixed once the term is in use.
        return ["slug"] if obj is not None and obj.deeds.exists() else []

    @admin.action(description=_("Retire the selected terms"))
    def retire(self, request, queryset):
        self._set_active(request, queryset, False)

    @admin.action(description=_("Bring the selected terms back into use"))
    def restore(self, request, queryset):
        self._set_active(request, queryset, True)

    def _set_active(self, request, queryset, active):
        count = 0
        for term in queryset:  # one by one so the catalogue hears of each change
            term.is_active = active
            term.save(update_fields=["is_active"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d term updated.", "%(count)d terms updated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


admin.site.register(Sector, TermAdmin)
admin.site.register(Theme, TermAdmin)
admin.site.register(CustomerGroup, TermAdmin)


@admin.register(Subtheme)
class SubthemeAdmin(TermAdmin):
    list_display = ["name_fi", "theme", "name_sv", "slug", "position", "is_active"]
    list_filter = ["theme", "is_active"]
    ordering = ["theme__position", "position", "id"]
