from django.contrib import admin

from .models import Editorship, Invitation


@admin.register(Editorship)
class EditorshipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "user", "created_at", "added_by"]
    list_select_related = ["organisation", "user", "added_by"]
    search_fields = ["user__email", "organisation__name_fi"]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["added_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)
        obj.log_action("editorship.changed" if change else "editorship.added", actor=request.user)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are sent from the editors page, which emails them."""

    list_display = ["email", "created_at", "expires_at", "accepted_at", "cancelled_at"]
    search_fields = ["email"]
    readonly_fields = [
        "email",
        "organisations",
        "language",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "cancelled_at",
    ]
    exclude = ["salt"]

    def has_add_permission(self, request):
        return False
