from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
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
    CAMPAIGN_FIELDS,
    CATEGORY_FIELDS,
    GALA_FIELDS,
    HIGHLIGHT_FIELDS,
    RANKING_FIELDS,
    TRANSLATIONS,
    GalaError,
    RankingError,
    RecognitionError,
    award_decide,
    award_door_set,
    award_withdraw,
    campaign_change,
    campaign_create,
    category_add,
    category_change,
    category_remove,
    gala_change,
    gala_create,
    gala_publish,
    gala_schedule,
    highlight_cancel,
    highlight_change,
    highlight_schedule,
    honourable_mention_add,
    honourable_mention_change,
    honourable_mention_remove,
    ranking_change,
    ranking_freeze,
    ranking_publish,
    ranking_unpublish,
    shortlist_add,
    shortlist_change,
    shortlist_remove,
)

# Every change made in this admin goes through the services (their rules and audit
# entries), as the staff pages' do. Django's own admin history still records the edit.


class ServicesAdmin(admin.ModelAdmin):
    """A refused change (RecognitionError) comes back as a message on the same page, not
    as a server error. The admin saves a form and its inlines in one transaction, which
    the refusal rolls back whole; the form has to be filled in again."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except RecognitionError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except RecognitionError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class RemovingAdmin(ServicesAdmin):
    """Deleting, too, goes through a service (``remove``)."""

    def remove(self, request, obj):
        raise NotImplementedError

    def delete_model(self, request, obj):
        self.remove(request, obj)

    def delete_queryset(self, request, queryset):
        # The changelist's "delete selected": one by one, each refusal a message.
        for obj in queryset:
            try:
                self.remove(request, obj)
            except RecognitionError as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)


def adopt(obj, saved):
    """The admin goes on with its own instance (its inlines, its messages and its
    history point at it): give it what the service saved."""
    obj.pk = saved.pk
    obj.refresh_from_db()
    obj._state.adding = False


def changes(form, names):
    return {name: form.cleaned_data[name] for name in form.changed_data if name in names}


@admin.register(Campaign)
class CampaignAdmin(ServicesAdmin):
    list_display = ["name", "starts_on", "ends_on", "target"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        if change:
            campaign_change(obj, actor=request.user, **changes(form, CAMPAIGN_FIELDS))
        else:
            data = {name: form.cleaned_data[name] for name in CAMPAIGN_FIELDS}
            adopt(obj, campaign_create(actor=request.user, **data))


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
class MunicipalityRankingAdmin(ServicesAdmin):
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
            ranking_change(obj, actor=request.user, **changes(form, RANKING_FIELDS))
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
        adopt(obj, frozen)

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


def _shortlisting_change(obj, fields, actor):
    if "deed" in fields:  # another deed in the same row: off the list, then on
        shortlist_remove(obj, actor=actor)
        shortlist_add(obj.category, obj.deed, actor=actor, jury_notes=obj.jury_notes)
    else:
        shortlist_change(obj, jury_notes=obj.jury_notes, actor=actor)


def _award_change(obj, fields, actor):
    if "deed" in fields:
        award_withdraw(obj, actor=actor)
        award_decide(obj.category, obj.deed, actor=actor, door=obj.door)
    else:
        award_door_set(obj, door=obj.door, actor=actor)


MENTION_TEXTS = ["unit", "text", "text_sv", "text_en"]


def _values(obj, fields):
    return {name: getattr(obj, name) for name in fields}


ADD = {
    AwardCategory: lambda obj, actor: category_add(
        obj.gala, actor=actor, **_values(obj, CATEGORY_FIELDS)
    ),
    Shortlisting: lambda obj, actor: shortlist_add(
        obj.category, obj.deed, actor=actor, jury_notes=obj.jury_notes
    ),
    Award: lambda obj, actor: award_decide(obj.category, obj.deed, actor=actor, door=obj.door),
    HonourableMention: lambda obj, actor: honourable_mention_add(
        obj.gala, obj.organisation, actor=actor, **_values(obj, MENTION_TEXTS)
    ),
}
CHANGE = {
    AwardCategory: lambda obj, fields, actor: category_change(
        obj, actor=actor, **_values(obj, fields)
    ),
    Shortlisting: _shortlisting_change,
    Award: _award_change,
    HonourableMention: lambda obj, fields, actor: honourable_mention_change(
        obj, actor=actor, **_values(obj, fields)
    ),
}
REMOVE = {
    AwardCategory: category_remove,
    Shortlisting: shortlist_remove,
    Award: award_withdraw,
    HonourableMention: honourable_mention_remove,
}


def save_through_services(request, formsets):
    """Each row of the inlines through its service. Removals first, the later inline's
    before the earlier's (an award is withdrawn before its deed leaves the shortlist);
    then changes and additions in the inlines' order (a deed shortlisted and awarded
    in one save)."""
    actor = request.user
    for formset in formsets:
        formset.save(commit=False)
    for formset in reversed(formsets):
        for obj in formset.deleted_objects:
            REMOVE[type(obj)](obj, actor=actor)
    for formset in formsets:
        for obj, fields in formset.changed_objects:
            CHANGE[type(obj)](obj, fields, actor)
        for obj in formset.new_objects:
            ADD[type(obj)](obj, actor)
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
class GalaAdmin(ServicesAdmin):
    """The results stay under embargo until "results public from" (or the publish
    action, which asks for confirmation); both go through the audited services."""

    form = GalaForm
    list_display = ["year", "name", "date", "place", "results_public_at"]
    inlines = [CategoryInline, MentionInline]
    readonly_fields = ["certificates"]
    actions = ["publish_results"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            gala = gala_create(
                **{name: data[name] for name in GALA_FIELDS},
                results_public_at=data["results_public_at"],
                actor=request.user,
            )
            adopt(obj, gala)
            return
        gala_change(obj, actor=request.user, **changes(form, GALA_FIELDS))
        if "results_public_at" in form.changed_data:
            gala_schedule(obj, at=data["results_public_at"], actor=request.user)
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        save_through_services(request, formsets)

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
class AwardCategoryAdmin(RemovingAdmin):
    """Shortlist deeds with jury notes, then decide the awards in the same place."""

    list_display = ["name", "gala", "kind"]
    list_filter = ["gala"]
    inlines = [ShortlistInline, AwardInline]

    def get_readonly_fields(self, request, obj=None):
        # A category stays at its gala: moving it would move its shortlist and awards.
        return ["gala"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            category_change(obj, actor=request.user, **changes(form, CATEGORY_FIELDS))
            obj.refresh_from_db()
        else:
            data = {name: form.cleaned_data[name] for name in CATEGORY_FIELDS}
            adopt(obj, category_add(form.cleaned_data["gala"], actor=request.user, **data))

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        save_through_services(request, formsets)

    def remove(self, request, obj):
        category_remove(obj, actor=request.user)


@admin.register(Highlight)
class HighlightAdmin(RemovingAdmin):
    """Schedule a deed for a week: any day of the week may be given, its Monday is kept."""

    list_display = ["week", "deed", "note"]
    list_filter = ["week"]
    autocomplete_fields = ["deed"]
    date_hierarchy = "week"

    def save_model(self, request, obj, form, change):
        if change:
            highlight_change(obj, actor=request.user, **changes(form, HIGHLIGHT_FIELDS))
            obj.refresh_from_db()
        else:
            data = {name: form.cleaned_data[name] for name in HIGHLIGHT_FIELDS}
            adopt(obj, highlight_schedule(data.pop("deed"), actor=request.user, **data))

    def remove(self, request, obj):
        highlight_cancel(obj, actor=request.user)
