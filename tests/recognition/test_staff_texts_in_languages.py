"""Staff-entered recognition texts have Swedish and English versions: a page shows the
one of its language (marked with its lang), else the Finnish text (marked lang="fi")."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from recognition.awards import HonourableMention
from recognition.highlights import Highlight
from recognition.services import ranking_freeze, ranking_publish
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory
from tests.recognition.factories import CampaignFactory, gala_with_awards

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def campaign():
    return CampaignFactory(
        name="Syyskampanja 2021",
        name_sv="Höstkampanjen 2021",
        slug="syys-2021",
        description="Kerro teoistanne.",
        description_en="Tell about your deeds.",
    )


def test_a_campaign_page_shows_the_name_and_description_in_the_pages_language(client, campaign):
    swedish = client.get("/sv/kampanjat/syys-2021/").content.decode()
    assert '<h1 lang="sv">Höstkampanjen 2021</h1>' in swedish
    # No Swedish description: the Finnish one, marked as Finnish.
    assert '<div class="prose" lang="fi"><p>Kerro teoistanne.</p></div>' in swedish
    english = client.get("/en/kampanjat/syys-2021/").content.decode()
    assert '<h1 lang="fi">Syyskampanja 2021</h1>' in english
    assert 'lang="en"><p>Tell about your deeds.</p>' in english
    assert "Höstkampanjen 2021" in client.get("/sv/kampanjat/").content.decode()


def test_highlight_notes_follow_the_pages_language(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 18, 12, tzinfo=HELSINKI))
    Highlight.objects.create(
        deed=DeedFactory(), week=dt.date(2026, 11, 16), note="Hieno!", note_sv="Fint!"
    )
    assert '<span lang="sv">Fint!</span>' in client.get("/sv/").content.decode()
    assert '<span lang="sv">Fint!</span>' in client.get("/sv/nostot/").content.decode()
    assert '<span lang="fi">Hieno!</span>' in client.get("/en/nostot/").content.decode()
    assert "Fint!" in client.get("/sv/syotteet/nostot.atom").content.decode()


def test_gala_category_and_mention_texts_follow_the_pages_language(client):
    deed = DeedFactory(title="Palkittu teko")
    gala = gala_with_awards([deed])
    gala.name_sv = "Tekojen tori-galan 2024"
    gala.save()
    category = gala.categories.get()
    category.name_en = "Deed of the year"
    category.save()
    HonourableMention.objects.create(
        gala=gala,
        organisation=OrganisationFactory(),
        text="Laaja työ.",
        text_sv="Omfattande arbete.",
    )
    swedish = client.get("/sv/palkitut/2024/").content.decode()
    assert '<span lang="sv">Tekojen tori-galan 2024</span>' in swedish
    assert "Årets insats" in swedish and '<span lang="sv">Omfattande arbete.</span>' in swedish
    english = client.get("/en/palkitut/2024/").content.decode()
    assert "Deed of the year" in english and '<span lang="fi">Laaja työ.</span>' in english
    assert "Deed of the year" in client.get(f"/en/teot/{deed.pk}/", follow=True).content.decode()
    awards = client.get("/api/v1/awards/?lang=sv").json()
    assert awards[0]["gala"] == "Tekojen tori-galan 2024"
    assert client.get("/api/v1/awards/?lang=en").json()[0]["category"] == "Deed of the year"


def test_a_published_ranking_shows_its_title_and_text_in_the_pages_language(client):
    ranking = ranking_freeze(
        title="Kekseliäin kunta 2021",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 9, 30),
        rule="home",
        actor=None,
        translations={"title_sv": "Den mest innovativa kommunen 2021", "text_en": "Well done."},
    )
    ranking_publish(ranking, actor=None, text="Hienoa työtä.")
    swedish = client.get("/sv/kekseliain-kunta/").content.decode()
    assert 'lang="sv">Den mest innovativa kommunen 2021</h2>' in swedish
    assert 'lang="fi"><p>Hienoa työtä.</p>' in swedish
    english = client.get("/en/kekseliain-kunta/").content.decode()
    assert 'lang="en"><p>Well done.</p>' in english
