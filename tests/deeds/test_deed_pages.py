"""The deed list and deed pages over HTTP."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from deeds.models import DeedImage, DeedStatus
from taxonomy.models import Sector, Theme
from tests.deeds.factories import (
    DeedContactFactory,
    DeedFactory,
    DeedLinkFactory,
    image_bytes,
)
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db
LIST = "/teot/"


def result_titles(html):
    return re.findall(r'class="deed-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_list_filters_by_query_parameters_and_shows_counts(client):
    social = Sector.objects.get(slug="sosiaali-ja-terveys")
    DeedFactory(title="Kotihoidon reittikokeilu", sectors=[social])
    DeedFactory(
        title="Koulun välituntiliikunta", sectors=[Sector.objects.get(slug="kasvatus-ja-opetus")]
    )
    response = client.get(LIST, {"sector": "sosiaali-ja-terveys"})
    html = response.content.decode()
    assert response.status_code == 200
    assert result_titles(html) == ["Kotihoidon reittikokeilu"]
    # The count beside each choice says what choosing it would give.
    assert re.search(
        r'value="kasvatus-ja-opetus"[^>]*>\s*<label[^>]*>[^<]*'
        r'<span class="facet__count">1<',
        html,
    )
    assert 'value="sosiaali-ja-terveys" checked' in html


def test_list_answers_htmx_with_the_listing_fragment_only(client):
    DeedFactory(title="Kotihoidon reittikokeilu")
    full = client.get(LIST)
    fragment = client.get(LIST, headers={"HX-Request": "true"})
    assert "<html" in full.content.decode()
    assert "<html" not in fragment.content.decode()
    assert 'id="filter-form"' in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]


def test_list_paginates_and_keeps_filters_in_page_links(client, settings):
    settings.DEEDS_PER_PAGE = 5
    theme = Theme.objects.get(slug="innovaatiot")
    for i in range(12):
        DeedFactory(title=f"Innovaatio {i:02d}", themes=[theme])
    first = client.get(LIST, {"theme": "innovaatiot", "sort": "title"}).content.decode()
    assert result_titles(first) == [f"Innovaatio {i:02d}" for i in range(5)]
    assert "?theme=innovaatiot&amp;sort=title&amp;page=2" in first
    third = client.get(LIST, {"theme": "innovaatiot", "sort": "title", "page": 3})
    assert result_titles(third.content.decode()) == ["Innovaatio 10", "Innovaatio 11"]
    # Out of range or nonsense pages show a valid page instead of an error.
    assert client.get(LIST, {"page": "999"}).status_code == 200
    assert client.get(LIST, {"page": "abc"}).status_code == 200


def test_list_explains_unknown_filter_values_instead_of_failing(client):
    DeedFactory(title="Kotihoidon reittikokeilu")
    html = client.get(LIST, {"theme": "<script>x</script>", "sort": "x"}).content.decode()
    assert "Kotihoidon reittikokeilu" in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x</script>" not in html


def test_list_shows_chips_that_remove_one_filter(client):
    DeedFactory(themes=[Theme.objects.get(slug="luottamus")])
    html = client.get(LIST, {"theme": "luottamus", "kind": "improvement"}).content.decode()
    assert 'class="chip" href="?kind=improvement"' in html
    assert 'class="chip" href="?theme=luottamus"' in html


def test_list_with_no_results_offers_to_clear_filters(client):
    DeedFactory()
    html = client.get(LIST, {"kind": "experiment"}).content.decode()
    assert "empty-state" in html


def test_deed_page_shows_the_story_and_its_context(client):
    partner = OrganisationFactory(name_fi="Pirkkalan kunta", municipality=municipality("604"))
    deed = DeedFactory(
        title="Ruokahävikki puoleen",
        summary="Keskuskeittiö mittasi hävikkiä.",
        background="Hävikkiä syntyi paljon.",
        implementation="- Punnitsimme\n- Kerroimme",
        results="Hävikki puolittui.",
        tips="Aloittakaa mittaamisesta.",
        unit="Keskuskeittiö",
        kind="project",
        funding="external",
        funder="Työsuojelurahasto",
        sectors=[Sector.objects.get(slug="siivous-ja-ruokapalvelut")],
        themes=[Theme.objects.get(slug="innovaatiot")],
        partners=[partner],
    )
    DeedLinkFactory(deed=deed, url="https://example.com/havikki", title="Raportti")
    html = client.get(deed.get_absolute_url()).content.decode()
    for text in [
        "Ruokahävikki puoleen",
        "Keskuskeittiö mittasi hävikkiä.",
        "Hävikki puolittui.",
        "Aloittakaa mittaamisesta.",
        "Työsuojelurahasto",
        "Pirkkalan kunta",
        "Liminka",
        "Pohjois-Pohjanmaa",
        "https://example.com/havikki",
        "<li>Punnitsimme</li>",
    ]:
        assert text in html, text
    assert 'href="/teot/?sector=siivous-ja-ruokapalvelut"' in html
    assert 'href="/teot/?theme=innovaatiot"' in html
    assert 'href="/teot/?kind=project"' in html
    assert f'href="{deed.organisation.get_absolute_url()}"' in html


def test_deed_page_has_share_card_metadata(client):
    deed = DeedFactory(title="Ruokahävikki puoleen", summary="Keskuskeittiö mittasi hävikkiä.")
    html = client.get(deed.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Ruokahävikki puoleen">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:description" content="Keskuskeittiö mittasi hävikkiä.">' in html
    assert 'property="og:image" content="http' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_contact_details_appear_only_with_consent(client):
    deed = DeedFactory()
    DeedContactFactory(deed=deed, name="Kaisa Julkinen", email="kaisa@example.com")
    DeedContactFactory(
        deed=deed, name="Pekka Piilossa", email="pekka@example.com", publish_consent=False
    )
    html = client.get(deed.get_absolute_url()).content.decode()
    assert "Kaisa Julkinen" in html and "kaisa@example.com" in html
    assert "Pekka Piilossa" not in html and "pekka@example.com" not in html


def test_user_text_is_rendered_safely(client):
    deed = DeedFactory(
        background='Katso https://example.com\n\n<img src=x onerror="alert(1)">\n\n- <b>lista</b>'
    )
    html = client.get(deed.get_absolute_url()).content.decode()
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow ugc">' in html
    assert not re.search(r"<img src=x|<[^>]*\sonerror=", html)
    assert "&lt;img src=x" in html
    assert "&lt;b&gt;lista&lt;/b&gt;" in html


def test_unpublished_deed_is_hidden_from_the_public_but_shown_to_staff(client, staff_user):
    deed = DeedFactory(status=DeedStatus.IN_REVIEW, published_at=None)
    assert client.get(deed.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    response = client.get(deed.get_absolute_url())
    assert response.status_code == 200
    assert "notice--warning" in response.content.decode()


def test_deed_address_with_an_old_slug_redirects_to_the_current_one(client):
    deed = DeedFactory(title="Uusi otsikko")
    response = client.get(reverse("deeds:detail", kwargs={"pk": deed.pk, "slug": "vanha"}))
    assert response.status_code == 301
    assert response["Location"] == deed.get_absolute_url()
    assert client.get(f"/teot/{deed.pk}/").status_code == 301


def test_deed_page_lists_more_from_the_same_organisation(client):
    # Texts share nothing, so the sibling is not picked as "related" (which it would
    # then not repeat) and shows under "More from".
    deed = DeedFactory(title="Aamun kokoukset", summary="Aamupalaverit.", description="")
    sibling = DeedFactory(
        title="Pihapelit lapsille",
        summary="Pihapelit.",
        description="",
        organisation=deed.organisation,
    )
    DeedFactory(title="Vieras teko", summary="Kirjasto.", description="")
    html = client.get(deed.get_absolute_url()).content.decode()
    more = html.split('id="more-heading"')[1].split("</section>")[0]
    assert sibling.title in more
    assert "Vieras teko" not in html


def test_deed_page_shows_related_deeds_sharing_distinctive_words(client):
    deed = DeedFactory(title="Kotihoidon reittisuunnittelu", summary="Reitit uusiksi.")
    related = DeedFactory(
        title="Reittisuunnittelu kotihoidossa",
        summary="Uudet reitit.",
        organisation=OrganisationFactory(name_fi="Toinen kunta"),
    )
    DeedFactory(title="Kirjaston lukupiiri", summary="Lukupiiri kokoontui.", description="")
    html = client.get(deed.get_absolute_url()).content.decode()
    section = html.split('id="related-heading"')[1].split("</section>")[0]
    assert related.title in section
    assert "Kirjaston lukupiiri" not in section


def test_deed_images_have_dimensions_and_text_alternatives(client):
    deed = DeedFactory()
    DeedImage.objects.create(
        deed=deed,
        image=ContentFile(image_bytes(800, 600), "kuva.png"),
        alt_text="Työntekijät punnitsevat ruokaa",
    )
    html = client.get(deed.get_absolute_url()).content.decode()
    assert re.search(
        r'<img src="/media/deeds/[^"]+"\s+width="800" height="600" '
        r'alt="Työntekijät punnitsevat ruokaa"',
        html,
    )


def test_legacy_address_of_an_imported_deed_redirects(client):
    deed = DeedFactory(legacy_path="/teko/vanha-osoite-123")
    response = client.get("/teko/vanha-osoite-123/")
    assert response.status_code == 301
    assert response["Location"] == deed.get_absolute_url()
    assert client.get("/teko/ei-ole/").status_code == 404


def test_home_page_shows_headline_figures_and_latest_deeds(client):
    other = OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211"))
    DeedFactory(title="Ensimmäinen")
    DeedFactory(title="Toinen", organisation=other)
    DeedFactory(title="Ei julkinen", status=DeedStatus.DRAFT, published_at=None)
    html = client.get("/").content.decode()
    figures = re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html)
    assert [n for _, n in figures] == ["2", "2", "2"]
    assert result_titles(html) == ["Toinen", "Ensimmäinen"]
