from django.contrib import admin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    # Raw data only; staff handle feedback on /palaute/hallinta/ through the services.
    list_display = ["__str__", "topic", "language", "created_at", "handled_at"]
    list_filter = ["topic", "language"]
    search_fields = ["message", "email"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "topic",
        "message",
        "email",
        "page",
        "language",
        "created_at",
        "handled_at",
        "handled_by",
    ]

    def has_add_permission(self, request):
        return False
