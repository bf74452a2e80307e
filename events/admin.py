"""The admin shows events' raw data; it never writes events or registrations.

Why read-only rather than saving through the services: an event's status, the
registration's closing, the recording and the waiting list each have their own service
with its checks (capacity under the event's row lock, promotion, emails to registrants),
and the staff pages (/tapahtumat/hallinta/, events/staff_views.py) already call them with
proper forms. An admin form that saved through event_change would be a second, weaker
editor of the same thing; one that saved directly would skip the lock, the promotion and
the audit. So events, registrations and messages are view-only here (no adding, changing
or deleting: deleting an event would also delete its registrations and the figures
counted from them), and series, which have no state, are saved through
events/series_services.py like on the staff pages.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import pgettext_lazy

from .models import Event, Message, Registration, Series
from .series_services import SERIES_FIELDS, series_change, series_create


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partner", "created_at"]
    search_fields = ["name_fi", "name_sv", "name_en", "partner"]
    fields = list(SERIES_FIELDS)

    def has_delete_permission(self, request, obj=None):
        # An event keeps its series (PROTECT); an unused one may go.
        return obj is None or not obj.events.exists()

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in SERIES_FIELDS}
        saved = (
            series_change(obj, actor=request.user, **data)
            if change
            else series_create(actor=request.user, **data)
        )
        obj.pk = saved.pk
        obj.refresh_from_db()
        obj._state.adding = False


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = ["name", "organisation", "organisation_name", "role", "status", "attended"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "starts_at", "status", "capacity", "staff_page"]
    list_filter = ["status", "kind", "series"]
    search_fields = ["title_fi", "title_sv", "title_en"]
    date_hierarchy = "starts_at"
    inlines = [RegistrationInline]

    @admin.display(description=pgettext_lazy("events staff", "staff page"))
    def staff_page(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("events_staff:event", args=[obj.pk]),
            pgettext_lazy("events staff", "Manage"),
        )


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "event", "status", "role", "created_at", "attended"]
    list_filter = ["status", "role"]
    search_fields = ["name", "email", "organisation_name"]
    list_select_related = ["event"]
    raw_id_fields = ["event", "organisation"]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["subject", "event", "recipients", "sent_at"]
    list_select_related = ["event"]
