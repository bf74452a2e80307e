"""The staff's gala page walks through the steps, each through its service: categories,
a shortlist with private notes, awards and mentions, certificates, publication."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from audit.models import AuditEntry
from recognition.awards import Award, Gala
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def gala(time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 1, 12, tzinfo=HELSINKI))
    return Gala.objects.create(year=2026, name="Gaala 2026", date=dt.date(2026, 12, 10))


def step(client, step, data):
    return client.post(f"/gaalat/2026/{step}/", data)


def test_staff_walk_a_gala_from_categories_to_publication(admin_client, client, gala):
    deed = DeedFactory(title="Ehdokasteko")
    organisation = OrganisationFactory(name_fi="Mainittu kunta")
    page = admin_client.get("/gaalat/2026/")
    assert page.status_code == 200 and "Lisää ensin sarja." in page.content.decode()

    assert (
        step(
            admin_client, "category", {"category-name": "Vuoden teko", "category-kind": "special"}
        ).status_code
        == 302
    )
    category = gala.categories.get()
    assert step(admin_client, "award", {"shortlisting": "1"}).status_code == 404
    response = step(admin_client, "shortlist", {
        "shortlist-category": category.pk, "shortlist-deed": deed.pk,
        "shortlist-jury_notes": "SALAINEN HUOMIO",
    })  # fmt: skip
    assert response.status_code == 302
    shortlisting = category.shortlist.get()
    page = admin_client.get("/gaalat/2026/").content.decode()
    assert "SALAINEN HUOMIO" in page  # for staff only

    assert step(admin_client, "award", {"shortlisting": shortlisting.pk}).status_code == 302
    assert Award.objects.get().deed == deed
    again = step(admin_client, "award", {"shortlisting": shortlisting.pk})
    assert again.status_code == 302 and Award.objects.count() == 1
    mention = step(admin_client, "mention", {
        "mention-organisation": organisation.pk, "mention-text": "Laaja työ.",
        "mention-text_sv": "Omfattande arbete.",
    })  # fmt: skip
    assert mention.status_code == 302

    # Under embargo until published: a publication needs the confirmation box.
    assert client.get("/palkitut/2026/").status_code == 404
    refused = step(admin_client, "publish", {})
    assert refused.status_code == 400
    assert "Vahvista julkaisu rastittamalla ruutu." in refused.content.decode()
    assert step(admin_client, "publish", {"publish-confirm": "on"}).status_code == 302
    public = client.get("/palkitut/2026/").content.decode()
    assert "Ehdokasteko" in public and "Laaja työ." in public
    assert "SALAINEN HUOMIO" not in public
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"gala.category_added", "gala.shortlisted", "award.decided", "mention.added",
            "gala.published"} <= actions  # fmt: skip


def test_a_publication_time_is_set_on_the_gala_page(admin_client, gala):
    response = step(admin_client, "schedule", {"schedule-at": "2026-12-10T18:00"})
    assert response.status_code == 302
    gala.refresh_from_db()
    assert gala.results_public_at == dt.datetime(2026, 12, 10, 18, tzinfo=HELSINKI)
    past = step(admin_client, "schedule", {"schedule-at": "2026-10-01T18:00"})
    assert past.status_code == 400
    assert "Valitse hetki tulevaisuudesta" in past.content.decode()


def test_awards_need_the_shortlist_and_published_deeds(admin_client, gala):
    category = gala.categories.create(name="Sarja", kind="special")
    draft = DeedFactory(status="draft")
    response = step(
        admin_client, "shortlist", {"shortlist-category": category.pk, "shortlist-deed": draft.pk}
    )
    assert response.status_code == 400
    assert "Vain julkaistuja tekoja voi asettaa ehdolle." in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"shortlist-deed": "abc"},
        {"shortlist-deed": "99999999999999999999999"},
        {"shortlist-deed": "-1"},
        {"shortlist-deed": "424242"},
        {"shortlist-deed": "1\x00", "shortlist-jury_notes": "x" * 100_000},
        {"shortlist-category": "1' OR '1'='1", "shortlist-deed": "1"},
    ],
)
def test_hostile_shortlist_input_gets_a_message_not_an_error(admin_client, gala, data):
    gala.categories.create(name="Sarja", kind="special")
    response = step(
        admin_client, "shortlist", {"shortlist-category": gala.categories.get().pk, **data}
    )
    assert response.status_code == 400
    assert 'class="notice notice--error error-summary"' in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "9" * 40, "", "1\x00"])
def test_hostile_award_and_step_addresses_are_not_found(admin_client, gala, value):
    assert step(admin_client, "award", {"shortlisting": value}).status_code == 404
    assert admin_client.post("/gaalat/2026/unknown/", {}).status_code == 404
    assert step(admin_client, "schedule", {"schedule-at": value or "x"}).status_code == 400


def test_the_gala_pages_are_for_staff_only(client, django_user_model, gala):
    assert client.get("/gaalat/").status_code == 302
    assert client.get("/gaalat/2026/").status_code == 302
    editor = django_user_model.objects.create_user(email="e@example.fi", password="x")
    client.force_login(editor)
    assert client.post("/gaalat/2026/publish/", {"publish-confirm": "on"}).status_code == 302
    gala.refresh_from_db()
    assert gala.results_public_at is None


def test_the_campaign_staff_page_shows_its_figures_and_freezes_and_publishes_its_result(
    admin_client, client, time_machine
):
    from recognition.models import MunicipalityRanking
    from tests.organisations.factories import municipality
    from tests.recognition.factories import CampaignFactory

    time_machine.move_to(dt.datetime(2021, 10, 5, 12, tzinfo=HELSINKI))
    CampaignFactory(slug="syys-2021", name="Syyskampanja 2021")
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    for day in (2, 3):
        DeedFactory(
            organisation=liminka, published_at=dt.datetime(2021, 9, day, 12, tzinfo=HELSINKI)
        )
    assert client.get("/kampanjat/syys-2021/hallinta/").status_code == 302  # staff only
    page = admin_client.get("/kampanjat/syys-2021/hallinta/")
    assert page.status_code == 200
    assert page.context["figures"].total == 2
    html = page.content.decode()
    assert "Limingan kunta" in html and "Liminka" in html

    bad = admin_client.post(
        "/kampanjat/syys-2021/hallinta/", {"title": "", "rule": "nobody", "text": "x" * 9000}
    )
    assert bad.status_code == 400 and "error-summary" in bad.content.decode()
    done = admin_client.post(
        "/kampanjat/syys-2021/hallinta/",
        {"title": "Kekseliäin kunta 2021", "title_sv": "Mest innovativa 2021", "rule": "home"},
    )
    assert done.status_code == 302
    result = MunicipalityRanking.objects.get()
    assert result.rows[0]["code"] == "425" and result.title_sv == "Mest innovativa 2021"
    url = f"/kampanjat/syys-2021/hallinta/tulokset/{result.pk}/julkaise/"
    admin_client.post(url)  # no text yet: refused with a message
    assert MunicipalityRanking.objects.published().count() == 0
    result.text = "Liminka voitti."
    result.save()
    admin_client.post(url)
    assert "Mest innovativa 2021" in client.get("/sv/kekseliain-kunta/").content.decode()
