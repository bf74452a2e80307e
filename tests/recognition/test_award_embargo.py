"""A gala's results are under embargo until staff publish them or their publication time
comes: before that nothing of them is visible or countable on any public surface."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from audit.models import AuditEntry
from catalogue.models import CatalogueVersion
from recognition.awards import Gala, HonourableMention
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
# The gala is on 10.12.2026 at 18:00; the calendar's door 1 is open from 1.12.
BEFORE = dt.datetime(2026, 12, 3, 12, tzinfo=HELSINKI)
GALA_STARTS = dt.datetime(2026, 12, 10, 18, tzinfo=HELSINKI)


@pytest.fixture
def embargoed(time_machine):
    time_machine.move_to(BEFORE)
    organisation = OrganisationFactory(name_fi="Kekseliään kunta", slug="kekseliaan-kunta")
    deed = DeedFactory(title="Salainen voittajateko", organisation=organisation)
    DeedFactory(title="Tavallinen teko", organisation=organisation)
    gala = gala_with_awards([deed], year=2026, category_name="Vuoden salaisuus", public=False)
    Gala.objects.filter(pk=gala.pk).update(date=GALA_STARTS.date())
    HonourableMention.objects.create(
        gala=gala, organisation=organisation, text="Kunniamaininnan perustelu"
    )
    return gala, deed


def public_surfaces(client, deed):
    """What anyone can see of the award: (surface, text shown or count) pairs."""
    organisation = deed.organisation.slug
    deed_page = client.get(deed.get_absolute_url()).content.decode()
    awarded_list = client.get("/teot/?awarded=true")
    organisation_page = client.get(f"/organisaatiot/{organisation}/?awarded=true")
    return {
        "badge": "Vuoden salaisuus" in deed_page,
        "list filter": awarded_list.context["total"],
        "list shows the deed": "Salainen voittajateko" in awarded_list.content.decode(),
        "organisation page filter": organisation_page.context["total"],
        "api filter": client.get("/api/v1/deeds/?awarded=true").json()["count"],
        "api stats": client.get("/api/v1/stats/deeds?by=sector&awarded=true").json()["count"],
        "stats page": client.get("/tilastot/?awarded=true").context["figures"].total,
        "awards api": len(client.get("/api/v1/awards/").json()),
        "awarded page": client.get("/palkitut/2026/").status_code,
        "latest awarded": client.get("/palkitut/", follow=True)
        .content.decode()
        .count("Salainen voittajateko"),
        "share card": client.get("/palkitut/2026/kortti.png").status_code,
        "mention": "Kunniamaininnan perustelu"
        in client.get("/palkitut/", follow=True).content.decode(),
        "calendar": "Salainen voittajateko"
        in client.get("/joulukalenteri/2026/1/").content.decode(),
        "feeds": any(
            "Vuoden salaisuus" in client.get(url).content.decode()
            for url in ("/syotteet/uudet.rss", "/syotteet/uudet.atom")
        ),
    }


HIDDEN = {
    "badge": False,
    "list filter": 0,
    "list shows the deed": False,
    "organisation page filter": 0,
    "api filter": 0,
    "api stats": 0,
    "stats page": 0,
    "awards api": 0,
    "awarded page": 404,
    "latest awarded": 0,
    "share card": 404,
    "mention": False,
    # The calendar of 2026 keeps the gala it had when December began (test_advent_calendar).
    "calendar": False,
    "feeds": False,
}
SHOWN = {
    **HIDDEN,
    "badge": True,
    "list filter": 1,
    "list shows the deed": True,
    "organisation page filter": 1,
    "api filter": 1,
    "api stats": 1,
    "stats page": 1,
    "awards api": 1,
    "awarded page": 200,
    "latest awarded": 1,
    "share card": 200,
    "mention": True,
}


def test_decided_awards_are_nowhere_public_before_the_results_are_published(client, embargoed):
    _gala, deed = embargoed
    assert public_surfaces(client, deed) == HIDDEN


def test_staff_publish_the_results_with_a_confirmation_and_then_they_are_everywhere(
    admin_client, client, embargoed
):
    gala, deed = embargoed
    action = {"action": "publish_results", "_selected_action": [gala.pk]}
    confirm = admin_client.post("/hallinta/recognition/gala/", action)
    assert confirm.status_code == 200 and "Kyllä, julkaise tulokset" in confirm.content.decode()
    assert public_surfaces(client, deed) == HIDDEN  # asking is not publishing

    done = admin_client.post("/hallinta/recognition/gala/", {**action, "confirmed": "yes"})
    assert done.status_code == 302
    assert public_surfaces(client, deed) == SHOWN
    assert AuditEntry.objects.filter(action="gala.published", object_id=gala.pk).exists()
    again = admin_client.post("/hallinta/recognition/gala/", {**action, "confirmed": "yes"})
    assert again.status_code == 302
    assert AuditEntry.objects.filter(action="gala.published").count() == 1


def test_results_become_public_by_themselves_at_the_time_staff_set(
    admin_client, client, embargoed, time_machine
):
    gala, deed = embargoed
    change = admin_client.post(
        f"/hallinta/recognition/gala/{gala.pk}/change/",
        {
            "year": 2026,
            "name": gala.name,
            "date": "2026-12-10",
            "place": "Helsinki",
            "stream_url": "",
            "results_public_at_0": "2026-12-10",
            "results_public_at_1": "18:00:00",
            "categories-TOTAL_FORMS": 0,
            "categories-INITIAL_FORMS": 0,
            "mentions-TOTAL_FORMS": 0,
            "mentions-INITIAL_FORMS": 0,
        },
    )
    assert change.status_code == 302, change.content.decode()[:3000]
    gala.refresh_from_db()
    assert gala.results_public_at == GALA_STARTS
    assert AuditEntry.objects.filter(action="gala.scheduled", object_id=gala.pk).exists()
    version = (
        CatalogueVersion.objects.get(pk=1).version if CatalogueVersion.objects.exists() else None
    )

    time_machine.move_to(GALA_STARTS - dt.timedelta(seconds=1), tick=False)
    assert public_surfaces(client, deed) == HIDDEN
    time_machine.move_to(GALA_STARTS, tick=False)
    # Nothing about the deeds changed: the clock alone lifts the embargo.
    assert public_surfaces(client, deed) == SHOWN
    after = (
        CatalogueVersion.objects.get(pk=1).version if CatalogueVersion.objects.exists() else None
    )
    assert after == version


def test_a_publication_time_in_the_past_or_a_second_publication_is_refused(admin_client, embargoed):
    gala, _deed = embargoed
    url = f"/hallinta/recognition/gala/{gala.pk}/change/"
    form = {
        "year": 2026,
        "name": gala.name,
        "date": "2026-12-10",
        "place": "Helsinki",
        "stream_url": "",
        "results_public_at_0": "2026-12-01",
        "results_public_at_1": "12:00:00",
        "categories-TOTAL_FORMS": 0,
        "categories-INITIAL_FORMS": 0,
        "mentions-TOTAL_FORMS": 0,
        "mentions-INITIAL_FORMS": 0,
    }
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "Valitse hetki tulevaisuudesta" in response.content.decode()
    form["results_public_at_0"] = "nonsense\x00" * 100
    assert admin_client.post(url, form).status_code == 200
    gala.refresh_from_db()
    assert gala.results_public_at is None
