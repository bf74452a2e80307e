from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from .images import clean_image_upload
from .models import Deed, DeedAttachment, DeedContact, DeedImage, DeedLink
from .services import DeedStateError, deed_change, deed_create, deed_publish, deed_unpublish

TAG_FIELDS = {
    "sectors": Sector,
    "themes": Theme,
    "subthemes": Subtheme,
    "customer_groups": CustomerGroup,
}


FIELDSETS = [
    (
        _("Story"),
        {
            "fields": [
                "title",
                "summary",
                "background",
                "description",
                "implementation",
                "results",
                "tips",
                "language",
            ]
        },
    ),
    (
        _("Who and where"),
        {"fields": ["organisation", "unit", "partners", "municipality", "region"]},
    ),
    (_("Tags"), {"fields": ["kind", "sectors", "themes", "subthemes", "customer_groups"]}),
    (
        _("Project"),
        {
            "fields": ["funding", "funder", "project_start", "project_end"],
            "classes": ["collapse"],
        },
    ),
    (
        _("Publication"),
        {
            "fields": [
                "status",
                "published_at",
                "submitter_email",
                "legacy_path",
                "created_at",
                "updated_at",
            ]
        },
    ),
    (_("History"), {"fields": ["audit_trail"]}),
]
# A deed's state changes only through deed_publish/deed_unpublish (the list's
# actions), which check the current state and leave an audit entry: a deed added here
# starts as a draft (deed_create), and staff publish it with the action.
READONLY_FIELDS = ["status", "published_at", "region", "created_at", "updated_at", "audit_trail"]
EDITABLE_FIELDS = [
    name for _, options in FIELDSETS for name in options["fields"] if name not in READONLY_FIELDS
]


class DeedAdminForm(forms.ModelForm):
    class Meta:
        model = Deed
        fields = EDITABLE_FIELDS
        widgets = {name: forms.CheckboxSelectMultiple for name in TAG_FIELDS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Retired terms are not offered for new tagging, but a deed that already has
        # one keeps it (and shows it) until staff decide otherwise.
        for name, model in TAG_FIELDS.items():
            if name not in self.fields:
                continue
            current = Q(pk__in=self.instance.pk and getattr(self.instance, name).all() or [])
            self.fields[name].queryset = model.objects.filter(Q(is_active=True) | current)
        # A subtheme whose theme is not ticked is no error: saving adds the theme
        # (deed_tags_set), as publishing a shared deed and the import do.


class DeedImageForm(forms.ModelForm):
    class Meta:
        model = DeedImage
        fields = ["image", "alt_text", "caption", "position"]

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if upload and "image" in self.changed_data:
            return clean_image_upload(upload)
        return upload


class DeedImageInline(admin.StackedInline):
    model = DeedImage
    form = DeedImageForm
    extra = 0
    max_num = 5


# Addresses typed without a scheme are taken as https (Django 6's default, adopted now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class DeedAttachmentInline(admin.TabularInline):
    model = DeedAttachment
    extra = 0
    fields = ["title", "file", "size", "position"]
    readonly_fields = ["size"]


class DeedLinkInline(admin.TabularInline):
    model = DeedLink
    extra = 0
    formfield_overrides = HTTPS_URLS


class DeedContactInline(admin.TabularInline):
    model = DeedContact
    extra = 0


@admin.register(Deed)
class DeedAdmin(admin.ModelAdmin):
    form = DeedAdminForm
    list_display = ["title", "organisation", "municipality", "kind", "status", "published_at"]
    list_filter = ["status", "kind", "language", "sectors", "themes", "region"]
    list_select_related = ["organisation", "municipality"]
    search_fields = ["title", "summary", "organisation__name_fi", "unit"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["organisation", "partners", "municipality"]
    readonly_fields = READONLY_FIELDS
    inlines = [DeedImageInline, DeedAttachmentInline, DeedLinkInline, DeedContactInline]
    actions = ["publish", "unpublish"]
    fieldsets = FIELDSETS

    @admin.display(description=_("Changes"))
    def audit_trail(self, obj):
        if not obj.pk:
            return "–"
        return render_to_string(
            "admin/deeds/audit_trail.html",
            {"entries": obj.audit_entries().select_related("actor")[:200]},
        )

    def save_model(self, request, obj, form, change):
        """Nothing yet: the deed is written with its tags and parts in save_related."""

    def save_related(self, request, form, formsets, change):
        # One service call writes the deed, its tags and inlines and the audit entry.
        values = form.cleaned_data
        tags = {name: values[name] for name in TAG_FIELDS}
        if change:
            deed_change(
                form.instance,
                actor=request.user,
                fields=form.changed_data,
                tags=tags,
                partners=values["partners"],
                parts=formsets,
            )
        else:
            deed_create(
                form.instance,
                actor=request.user,
                tags=tags,
                partners=values["partners"],
                parts=formsets,
            )

    @admin.action(description=_("Publish the selected deeds"))
    def publish(self, request, queryset):
        self._apply(request, queryset, deed_publish)

    @admin.action(description=_("Unpublish the selected deeds"))
    def unpublish(self, request, queryset):
        self._apply(request, queryset, deed_unpublish)

    def _apply(self, request, queryset, service):
        done = 0
        for deed in queryset:
            try:
                service(deed, actor=request.user)
                done += 1
            except DeedStateError as error:
                self.message_user(request, f"{deed}: {error}", messages.WARNING)
        if done:
            self.message_user(
                request,
                ngettext("%(count)d deed changed.", "%(count)d deeds changed.", done)
                % {"count": done},
                messages.SUCCESS,
            )
