"""The coaching page and the experts' public profiles."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coaching.experts import expert_change, round_create
from coaching.models import CoachingTheme
from coaching.services import application_close, application_deed_record
from core import clock
from deeds.models import DeedStatus
from tests.deeds.factories import DeedFactory

from .factories import expert, open_round, realised

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.parametrize(
    ("prefix", "title", "theme"),
    [
        ("", "Sparrausta työpaikoille", "Työyhteisö ja -kulttuuri"),
        ("/sv", "Sparrning för arbetsplatser", "Arbetsgemenskap och arbetskultur"),
        ("/en", "Coaching for workplaces", "Work community and culture"),
    ],
)
def test_the_coaching_page_in_each_language(client, prefix, title, theme):
    open_round()
    coach = expert(name="Sari Sparraaja", organisation_name="Valmennus Oy")
    response = client.get(f"{prefix}/sparraus/")
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html and theme in html
    assert "Sari Sparraaja" in html and "Valmennus Oy" in html
    assert f'href="{prefix}/sparraus/asiantuntijat/{coach.slug}/"' in html
    assert f'href="{prefix}/sparraus/hae/"' in html
    assert not response.cookies  # a public page: no cookie for visitors


def test_the_page_tells_when_applications_close(client):
    today = clock.now().date()
    round_create(
        year=today.year,
        budget_days=Decimal("40"),
        opens_on=today - datetime.timedelta(days=3),
        closes_on=datetime.date(today.year, 12, 31),
        actor=None,
    )
    html = client.get("/sparraus/").content.decode()
    assert f"Haku on auki 31.12.{today.year} asti." in html


def test_without_an_open_round_there_is_no_apply_button(client):
    today = clock.now().date()
    round_create(
        year=today.year + 1,
        budget_days=Decimal("40"),
        opens_on=today + datetime.timedelta(days=20),
        closes_on=today + datetime.timedelta(days=60),
        actor=None,
    )
    html = client.get("/sparraus/").content.decode()
    assert "Hakemuksia ei oteta vastaan juuri nyt." in html
    opens = (today + datetime.timedelta(days=20)).strftime("%-d.%-m.%Y")
    assert f"Seuraava haku avautuu {opens}." in html
    assert 'href="/sparraus/hae/"' not in html


def test_theme_descriptions_and_hidden_experts(client):
    theme = CoachingTheme.objects.active().first()
    theme.description_fi = "Yhteiset pelisäännöt ja vuorovaikutus."
    theme.save()
    CoachingTheme.objects.filter(slug="etatyo-ja-etapalvelut").update(is_active=False)
    expert(name="Piilotettu Henkilö", is_public=False)
    html = client.get("/sparraus/").content.decode()
    assert "Yhteiset pelisäännöt ja vuorovaikutus." in html
    assert "Etätyö ja etäpalvelut" not in html
    assert "Piilotettu Henkilö" not in html
    # The Swedish page shows the Finnish description marked as Finnish.
    html = client.get("/sv/sparraus/").content.decode()
    assert '<p lang="fi">Yhteiset pelisäännöt ja vuorovaikutus.</p>' in html


def test_the_footer_links_to_coaching(client):
    html = client.get("/").content.decode()
    assert '<a href="/sparraus/">Sparraus</a>' in html
    assert '<a href="/sv/sparraus/">Sparrning</a>' in client.get("/sv/").content.decode()


def test_an_expert_profile_with_photo_bio_and_deeds(client, settings):
    coach = expert(name="Sari Sparraaja", bio_fi="Fasilitoija.", bio_sv="Facilitator på svenska.")
    expert_change(
        coach,
        fields={"photo": SimpleUploadedFile("sari.png", PNG), "photo_alt": "Sari hymyilee."},
        themes=list(coach.themes.all()),
        actor=None,
    )
    open_round()
    application = application_close(realised(coach=coach), actor=None)
    published = DeedFactory(title="Palaverit puoleen aikaan", status=DeedStatus.PUBLISHED)
    hidden = DeedFactory(title="Keskeneräinen teko", status=DeedStatus.DRAFT)
    application_deed_record(application, published)
    application_deed_record(application, hidden)
    other = DeedFactory(title="Toisen sparrauksen teko", status=DeedStatus.PUBLISHED)
    application_deed_record(realised(), other)

    response = client.get(f"/sparraus/asiantuntijat/{coach.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sari Sparraaja" in html and "Fasilitoija." in html
    assert re.search(r'<img[^>]+alt="Sari hymyilee\."', html)
    assert "Työyhteisö ja -kulttuuri" in html
    assert "Palaverit puoleen aikaan" in html and published.get_absolute_url() in html
    assert "Keskeneräinen teko" not in html
    assert "Toisen sparrauksen teko" not in html

    swedish = client.get(f"/sv/sparraus/asiantuntijat/{coach.slug}/").content.decode()
    assert "Facilitator på svenska." in swedish
    english = client.get(f"/en/sparraus/asiantuntijat/{coach.slug}/").content.decode()
    # No English bio: the Finnish one, marked as Finnish (WCAG 2.1 SC 3.1.2).
    assert re.search(r'<div class="prose expert-bio" lang="fi">\s*<p>Fasilitoija\.</p>', english)


def test_a_hidden_or_unknown_expert_is_404(client):
    hidden = expert(is_public=False)
    assert client.get(f"/sparraus/asiantuntijat/{hidden.slug}/").status_code == 404
    assert client.get("/sparraus/asiantuntijat/ei-ole/").status_code == 404
