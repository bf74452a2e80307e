from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "purpose", "status", "attempts", "sent_at"]
    list_filter = ["status", "purpose", "language"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    # The bodies are shown through ``masked``: a message still waiting holds its live
    # secret links, which staff must not be able to open in someone else's name.
    fields = readonly_fields = [
        "to",
        "language",
        "purpose",
        "subject_shown",
        "text_shown",
        "html_shown",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]

    @admin.display(description=_("subject"))
    def subject_shown(self, obj):
        return obj.masked(obj.subject)

    @admin.display(description=_("plain text"))
    def text_shown(self, obj):
        return obj.masked(obj.text())

    @admin.display(description=_("HTML"))
    def html_shown(self, obj):
        return obj.masked(obj.html())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
