from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import (
    Award,
    AwardCategory,
    Campaign,
    Gala,
    Highlight,
    HonourableMention,
    MunicipalityRanking,
    Shortlisting,
)
from .services import (
    TRANSLATIONS,
    GalaError,
    RankingError,
    award_decide,
    gala_publish,
    gala_schedule,
    honourable_mention_add,
    ranking_freeze,
    ranking_publish,
    ranking_unpublish,
    shortlist_add,
)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "target"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.log_action("campaign.changed" if change else "campaign.created", actor=request.user)


class FreezeForm(forms.ModelForm):
    class Meta:
        model = MunicipalityRanking
        fields = [
            "title",
            "title_sv",
            "title_en",
            "campaign",
            "starts_on",
            "ends_on",
            "rule",
            "text",
            "text_sv",
            "text_en",
        ]

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The period ends before it starts."))
        return data


@admin.register(MunicipalityRanking)
class MunicipalityRankingAdmin(admin.ModelAdmin):
    """Adding one freezes the ranking of its period as it stands; the rows never change
    after that. Publishing shows it on the public "most inventive municipality" page."""

    list_display = ["title", "year", "starts_on", "ends_on", "rule", "frozen_at", "published_at"]
    readonly_fields = ["rows", "frozen_at", "frozen_by", "published_at"]
    actions = ["publish", "unpublish"]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = FreezeForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        frozen = ["campaign", "starts_on", "ends_on", "rule"] if obj else []
        return [*self.readonly_fields, *frozen]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            obj.log_action("ranking.changed", actor=request.user)
            return
        data = form.cleaned_data
        frozen = ranking_freeze(
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            rule=data["rule"],
            campaign=data["campaign"],
            text=data["text"],
            translations={name: data.get(name, "") for name in TRANSLATIONS},
            actor=request.user,
        )
        obj.pk = frozen.pk
        obj.refresh_from_db()

    @admin.action(description=_("Publish on the public page"))
    def publish(self, request, queryset):
        for ranking in queryset:
            try:
                ranking_publish(ranking, actor=request.user)
            except RankingError as error:
                self.message_user(request, f"{ranking}: {error}", messages.ERROR)

    @admin.action(description=_("Take off the public page"))
    def unpublish(self, request, queryset):
        for ranking in queryset:
            ranking_unpublish(ranking, actor=request.user)


def save_through_services(request, formset):
    instances = formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj.delete()
    for obj in instances:
        if obj.pk is not None:
            obj.save()
        elif isinstance(obj, Shortlisting):
            shortlist_add(obj.category, obj.deed, actor=request.user, jury_notes=obj.jury_notes)
        elif isinstance(obj, Award):
            award = award_decide(obj.category, obj.deed, actor=request.user)
            if obj.door:
                Award.objects.filter(pk=award.pk).update(door=obj.door)
        elif isinstance(obj, HonourableMention):
            honourable_mention_add(
                obj.gala,
                obj.organisation,
                actor=request.user,
                unit=obj.unit,
                text=obj.text,
                text_sv=obj.text_sv,
                text_en=obj.text_en,
            )
        else:
            obj.save()
    formset.save_m2m()


class CategoryInline(admin.TabularInline):
    model = AwardCategory
    extra = 0
    fields = ["position", "name", "name_sv", "name_en", "kind", "sector", "theme"]


class MentionInline(admin.StackedInline):
    model = HonourableMention
    extra = 0
    autocomplete_fields = ["organisation"]


class GalaForm(forms.ModelForm):
    class Meta:
        model = Gala
        fields = [
            "year",
            "name",
            "name_sv",
            "name_en",
            "date",
            "place",
            "stream_url",
            "results_public_at",
        ]

    def clean_results_public_at(self):
        value = self.cleaned_data.get("results_public_at")
        if "results_public_at" not in self.changed_data:
            return value
        if self.instance.pk and self.instance.results_are_public():
            raise forms.ValidationError(_("The results of this gala are already public."))
        if value is not None and value <= timezone.now():
            raise forms.ValidationError(
                _("Choose a moment in the future, or publish the results now.")
            )
        return value


@admin.register(Gala)
class GalaAdmin(admin.ModelAdmin):
    """The results stay under embargo until "results public from" (or the publish
    action, which asks for confirmation); both go through the audited services."""

    form = GalaForm
    list_display = ["year", "name", "date", "place", "results_public_at"]
    inlines = [CategoryInline, MentionInline]
    readonly_fields = ["certificates"]
    actions = ["publish_results"]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            obj.log_action("gala.created", actor=request.user)
            return
        wanted = obj.results_public_at
        scheduled = "results_public_at" in form.changed_data
        if scheduled:
            obj.results_public_at = form.initial.get("results_public_at")
        super().save_model(request, obj, form, change)
        obj.log_action("gala.changed", actor=request.user)
        if scheduled:
            gala_schedule(obj, at=wanted, actor=request.user)
            obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        save_through_services(request, formset)

    @admin.action(description=_("Publish the results now"))
    def publish_results(self, request, queryset):
        if request.POST.get("confirmed") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": _("Publish the results?"),
                "galas": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "recognition/admin/gala_publish_confirm.html", context)
        for gala in queryset:
            try:
                gala_publish(gala, actor=request.user)
            except GalaError as error:
                self.message_user(request, f"{gala}: {error}", messages.ERROR)
            else:
                self.message_user(request, _("%(gala)s: results published.") % {"gala": gala})
        return None

    @admin.display(description=_("Certificates"))
    def certificates(self, obj):
        if not obj.pk:
            return "–"
        return format_html_join(
            " · ",
            '<a href="{}?kieli={}">{}</a>',
            (
                (reverse("recognition:gala_zip", kwargs={"year": obj.year}), code, label)
                for code, label in (("fi", _("all as ZIP, in Finnish")), ("sv", _("in Swedish")))
            ),
        )


class ShortlistInline(admin.TabularInline):
    """The jury's shortlist with its private notes: only here, never on a public page."""

    model = Shortlisting
    extra = 0
    autocomplete_fields = ["deed"]
    fields = ["deed", "jury_notes"]


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0
    autocomplete_fields = ["deed"]
    fields = ["deed", "door", "certificate"]
    readonly_fields = ["certificate"]

    @admin.display(description=_("Certificate"))
    def certificate(self, obj):
        if not obj.pk:
            return "–"
        url = reverse("recognition:award_pdf", kwargs={"pk": obj.pk})
        return format_html(
            '<a href="{}?kieli=fi">PDF fi</a> · <a href="{}?kieli=sv">PDF sv</a>', url, url
        )


@admin.register(AwardCategory)
class AwardCategoryAdmin(admin.ModelAdmin):
    """Shortlist deeds with jury notes, then decide the awards in the same place."""

    list_display = ["name", "gala", "kind"]
    list_filter = ["gala"]
    inlines = [ShortlistInline, AwardInline]

    def save_formset(self, request, form, formset, change):
        # New shortlistings and awards go through the same services as the staff's gala
        # page (their rules and audit entries); edits of notes or doors are saved as such.
        save_through_services(request, formset)


@admin.register(Highlight)
class HighlightAdmin(admin.ModelAdmin):
    """Schedule a deed for a week: any day of the week may be given, its Monday is kept."""

    list_display = ["week", "deed", "note"]
    list_filter = ["week"]
    autocomplete_fields = ["deed"]
    date_hierarchy = "week"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.log_action("highlight.changed" if change else "highlight.scheduled", actor=request.user)
