"""Campaigns and frozen results change through the services, in the admin too: each
change is audited with the fields it changed, and a published result keeps its text."""

import datetime as dt

import pytest
from django.utils import translation

from audit.models import AuditEntry
from recognition.models import Campaign
from recognition.services import (
    CampaignError,
    RankingError,
    campaign_change,
    campaign_create,
    ranking_change,
    ranking_freeze,
    ranking_publish,
)
from tests.recognition.admin_forms import shown_messages

pytestmark = pytest.mark.django_db
SEPTEMBER = {"starts_on": dt.date(2021, 9, 1), "ends_on": dt.date(2021, 9, 30)}


def test_a_campaign_is_created_and_changed_with_its_rules():
    campaign = campaign_create(
        name="Syyskampanja 2021", slug="syys-2021", target=150, actor=None, **SEPTEMBER
    )
    assert (campaign.target, campaign.name_sv) == (150, "")
    with translation.override("en"), pytest.raises(CampaignError, match="ends before"):
        campaign_change(campaign, ends_on=dt.date(2021, 8, 31), actor=None)
    other = campaign_create(name="Kevät", slug="kevat-2022", actor=None, **SEPTEMBER)
    with translation.override("en"), pytest.raises(CampaignError, match="address name"):
        campaign_change(other, slug="syys-2021", actor=None)
    with pytest.raises(CampaignError):
        campaign_create(name="Toinen", slug="syys-2021", actor=None, **SEPTEMBER)
    campaign_change(campaign, name_sv="Höstkampanjen 2021", target=150, actor=None)
    assert list(
        AuditEntry.objects.for_object(campaign).order_by("pk").values_list("action", "data")
    ) == [("campaign.created", {}), ("campaign.changed", {"fields": ["name_sv"]})]
    assert Campaign.objects.count() == 2


def campaign_form(campaign, **changes):
    fields = ["name", "slug", "name_sv", "name_en", "description"]
    fields += ["description_sv", "description_en"]
    data = {name: getattr(campaign, name) for name in fields}
    data.update(
        starts_on=campaign.starts_on.isoformat(),
        ends_on=campaign.ends_on.isoformat(),
        target=campaign.target or "",
    )
    return {**data, **changes}


def test_the_admin_changes_a_campaign_through_the_service(admin_client):
    campaign = campaign_create(name="Syyskampanja 2021", slug="syys-2021", actor=None, **SEPTEMBER)
    url = f"/hallinta/recognition/campaign/{campaign.pk}/change/"
    assert admin_client.post(url, campaign_form(campaign, target=200)).status_code == 302
    campaign.refresh_from_db()
    assert campaign.target == 200
    entry = AuditEntry.objects.for_object(campaign).get(action="campaign.changed")
    assert entry.data == {"fields": ["target"]}
    assert entry.actor.is_superuser


@pytest.fixture
def published_result():
    frozen = ranking_freeze(title="Kekseliäin kunta 2021", rule="home", actor=None, **SEPTEMBER)
    return ranking_publish(frozen, text="Liminka voitti.", actor=None)


def result_form(ranking, **changes):
    data = {name: getattr(ranking, name) for name in ["title", "title_sv", "title_en", "year"]}
    data.update(text=ranking.text, text_sv=ranking.text_sv, text_en=ranking.text_en)
    return {**data, **changes}


def test_a_published_result_keeps_a_text_when_changed_in_the_admin(admin_client, published_result):
    url = f"/hallinta/recognition/municipalityranking/{published_result.pk}/change/"
    refused = admin_client.post(url, result_form(published_result, text=""), follow=True)
    assert "Kirjoita ensin lyhyt teksti julkiselle sivulle." in shown_messages(refused)
    published_result.refresh_from_db()
    assert published_result.text == "Liminka voitti."

    admin_client.post(url, result_form(published_result, title_sv="Mest innovativa 2021"))
    published_result.refresh_from_db()
    assert published_result.title_sv == "Mest innovativa 2021"
    entry = AuditEntry.objects.for_object(published_result).get(action="ranking.changed")
    assert entry.data == {"fields": ["title_sv"]}
    with pytest.raises(TypeError):  # the frozen period is not the services' to change
        ranking_change(published_result, starts_on=dt.date(2021, 1, 1), actor=None)
    with pytest.raises(RankingError):
        ranking_change(published_result, text=" ", actor=None)
