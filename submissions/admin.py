from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import BlockedAttempt, OrganisationRequest, Submission, SubmissionFile


class SubmissionFileInline(admin.TabularInline):
    model = SubmissionFile
    extra = 0
    fields = ["kind", "original_name", "alt_text", "size"]
    readonly_fields = fields
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "is_revision", "email", "submitted_at", "review_link"]
    list_filter = ["status", "is_revision", "language"]
    search_fields = ["email", "data__title"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "status",
        "deed",
        "event",
        "is_revision",
        "email",
        "email_verified",
        "language",
        "message",
        "created_at",
        "submitted_at",
        "decided_at",
        "licence_version",
        "licence_agreed_at",
        "licence_text",
        "audit_trail",
    ]
    exclude = ["data", "form_key", "link_salt", "created_by"]
    inlines = [SubmissionFileInline]

    @admin.display(description=_("moderation"))
    def review_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("moderation:review", args=[obj.pk]), _("open")
        )

    @admin.display(description=_("history"))
    def audit_trail(self, obj):
        rows = format_html("").join(
            format_html("<li>{} {} {} {}</li>", e.created_at, e.actor_label, e.action, e.reason)
            for e in obj.audit_entries()
        )
        return format_html("<ol>{}</ol>", rows)

    def has_add_permission(self, request):
        return False


@admin.register(OrganisationRequest)
class OrganisationRequestAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "municipality", "status", "organisation", "created_at"]
    list_filter = ["status", "type"]
    readonly_fields = ["submission"]


@admin.register(BlockedAttempt)
class BlockedAttemptAdmin(admin.ModelAdmin):
    list_display = ["day", "reason", "count"]
    list_filter = ["reason"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False
