from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import Campaign, MunicipalityRanking
from .services import RankingError, ranking_freeze, ranking_publish, ranking_unpublish


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
        fields = ["title", "campaign", "starts_on", "ends_on", "rule", "text"]

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
