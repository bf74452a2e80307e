"""The gala's awards: the public page, the badge, the list filter, the API, the jury's
private notes, and certificates (PDF text extracted and checked)."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from recognition.awards import HonourableMention
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.organisations.factories import OrganisationFactory
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.django_db


@pytest.fixture
def gala():
    organisation = OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    awarded = DeedFactory(title="Kotihoidon aamupalaverit", organisation=organisation)
    DeedContactFactory(deed=awarded, name="Maija Meikäläinen", publish_consent=True)
    DeedContactFactory(deed=awarded, name="Salainen Henkilö", publish_consent=False)
    DeedFactory(title="Tavallinen teko", organisation=organisation)
    gala = gala_with_awards([awarded])
    HonourableMention.objects.create(
        gala=gala, organisation=organisation, unit="Kotihoito", text="Laaja kehittämistyö."
    )
    return gala


def text_of(pdf_bytes):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def test_the_awarded_page_lists_awards_with_consented_contacts_only(client, gala):
    html = client.get("/palkitut/2024/").content.decode()
    assert "Kotihoidon aamupalaverit" in html and "Vuoden teko" in html
    assert "Maija Meikäläinen" in html and "Salainen Henkilö" not in html
    assert "Tavallinen teko" not in html
    assert "Laaja kehittämistyö." in html  # the honourable mention
    assert client.get("/palkitut/")["Location"] == "/palkitut/2024/"
    assert client.get("/palkitut/1999/").status_code == 404


def test_jury_notes_are_never_public(client, gala):
    deed = gala.categories.get().awards.get().deed
    for url in (
        "/palkitut/2024/",
        deed.get_absolute_url(),
        "/api/v1/awards/?year=2024",
        "/joulukalenteri/2024/1/",
        f"/api/v1/deeds/{deed.pk}/",
    ):
        assert "SALAINEN HUOMIO" not in client.get(url).content.decode(), url


def test_an_awarded_deed_has_a_badge_and_a_list_filter(client, gala):
    deed = gala.categories.get().awards.get().deed
    assert "Palkittu 2024: Vuoden teko" in client.get(deed.get_absolute_url()).content.decode()
    listing = client.get("/api/v1/deeds/?awarded=true").json()
    assert [d["id"] for d in listing["results"]] == [deed.pk]
    assert client.get("/api/v1/deeds/?awarded=maybe").status_code == 400
    page = client.get("/teot/?awarded=true")
    assert page.context["total"] == 1
    assert "Palkitut teot" in page.content.decode()  # the removable filter chip


def test_the_awards_api_filters_by_year(client, gala):
    answer = client.get("/api/v1/awards/?year=2024").json()
    assert answer[0]["deed"]["title"] == "Kotihoidon aamupalaverit"
    assert answer[0]["category"] == "Vuoden teko"
    assert client.get("/api/v1/awards/?year=2023").json() == []
    assert client.get("/api/v1/awards/?year=20x4").status_code == 400
    assert client.get("/api/v1/awards/?year=2024&lang=sv").json()[0]["category"] == "Årets insats"


def test_certificates_carry_the_deed_organisation_category_and_date(admin_client, gala):
    award = gala.categories.get().awards.get()
    finnish = text_of(admin_client.get(f"/palkitut/kunniakirjat/{award.pk}.pdf?kieli=fi").content)
    assert "Kunniakirja" in finnish
    assert "Limingan kunta" in finnish and "Kotihoidon aamupalaverit" in finnish
    assert "Vuoden teko" in finnish and "20.11.2024" in finnish
    swedish = text_of(admin_client.get(f"/palkitut/kunniakirjat/{award.pk}.pdf?kieli=sv").content)
    assert "Hedersdiplom" in swedish and "Årets insats" in swedish
    assert admin_client.get(f"/palkitut/kunniakirjat/{award.pk}.pdf?kieli=de").status_code == 404


def test_all_certificates_of_a_gala_come_as_one_zip(admin_client, gala):
    response = admin_client.get("/palkitut/2024/kunniakirjat.zip?kieli=fi")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = sorted(archive.namelist())
    assert len(names) == 2 and names[0].startswith("award-") and names[1].startswith("mention-")
    assert "Kunniamaininta" in text_of(archive.read(names[1]))
    assert "Kotihoito" in text_of(archive.read(names[1]))


def test_certificates_are_for_staff_only(client, django_user_model, gala):
    award = gala.categories.get().awards.get()
    assert client.get(f"/palkitut/kunniakirjat/{award.pk}.pdf").status_code == 302
    editor = django_user_model.objects.create_user(email="e@example.fi", password="x")
    client.force_login(editor)
    assert client.get("/palkitut/2024/kunniakirjat.zip").status_code == 302


def test_the_jury_awards_only_shortlisted_published_deeds_in_the_admin(admin_client, gala):
    category = gala.categories.get()
    outsider = DeedFactory(title="Ei ehdolla")
    draft = DeedFactory(title="Luonnos", status="draft")
    url = f"/hallinta/recognition/awardcategory/{category.pk}/change/"
    existing = category.awards.get()
    shortlisted = category.shortlist.get()
    base = {
        "name": category.name,
        "name_sv": category.name_sv,
        "kind": "special",
        "gala": gala.pk,
        "position": 0,
        "shortlist-TOTAL_FORMS": 2,
        "shortlist-INITIAL_FORMS": 1,
        "shortlist-0-id": shortlisted.pk,
        "shortlist-0-category": category.pk,
        "shortlist-0-deed": shortlisted.deed_id,
        "shortlist-0-jury_notes": "SALAINEN HUOMIO",
        "shortlist-1-category": category.pk,
        "shortlist-1-deed": draft.pk,
        "awards-TOTAL_FORMS": 2,
        "awards-INITIAL_FORMS": 1,
        "awards-0-id": existing.pk,
        "awards-0-category": category.pk,
        "awards-0-deed": existing.deed_id,
        "awards-1-category": category.pk,
        "awards-1-deed": outsider.pk,
    }
    response = admin_client.post(url, base)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vain julkaistuja tekoja voi asettaa ehdolle." in html
    assert "Aseta teko ensin ehdolle tässä sarjassa." in html
    assert category.awards.count() == 1 and category.shortlist.count() == 1


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "1' OR '1'='1", "-1", ""])
def test_a_forged_category_filter_shows_the_page_without_a_server_error(client, gala, value):
    response = client.get("/palkitut/2024/", {"kategoria": value})
    assert response.status_code == 200
