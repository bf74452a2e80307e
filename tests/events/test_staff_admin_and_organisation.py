"""The admin shows events read-only (the services alone change them), and an
organisation's page shows its event participation to staff and its editors only."""

import pytest

from audit.models import AuditEntry
from events.models import Event, Series
from tests.editors.factories import UserFactory, editor_of
from tests.events.factories_staff import event, organisation, register

pytestmark = pytest.mark.django_db


def test_the_admin_cannot_add_change_or_delete_events_or_registrations(admin_client):
    made = event(capacity=1)
    person = register(made, "Admin Näkee")
    assert admin_client.get("/hallinta/events/event/add/").status_code == 403
    page = admin_client.get(f"/hallinta/events/event/{made.pk}/change/")
    assert page.status_code == 200  # to view
    assert b'name="title_fi"' not in page.content
    response = admin_client.post(
        f"/hallinta/events/event/{made.pk}/change/", {"title_fi": "Muutettu", "capacity": "0"}
    )
    assert response.status_code == 403
    assert Event.objects.get(pk=made.pk).title_fi != "Muutettu"
    assert admin_client.post(f"/hallinta/events/event/{made.pk}/delete/").status_code == 403
    assert admin_client.get("/hallinta/events/registration/add/").status_code == 403
    response = admin_client.post(f"/hallinta/events/registration/{person.pk}/delete/")
    assert response.status_code == 403
    assert Event.objects.filter(pk=made.pk).exists()


def test_the_admin_saves_series_through_the_audited_service(admin_client):
    response = admin_client.post(
        "/hallinta/events/series/add/",
        {"name_fi": "Hallinnon sarja", "name_sv": "", "name_en": ""},
    )
    assert response.status_code == 302
    series = Series.objects.get()
    assert series.slug == "hallinnon-sarja"
    assert AuditEntry.objects.filter(action="series.created").count() == 1


@pytest.fixture
def participation():
    org = organisation(name_fi="Osallistujan kunta")
    made = event(title_fi="Osallistujien työpaja")
    register(made, "Nimi Piilossa", organisation=org)
    return org, made


def page_of(client, org):
    return client.get(org.get_absolute_url()).content.decode()


def test_staff_see_the_organisations_event_participation(admin_client, participation):
    org, made = participation
    page = page_of(admin_client, org)
    assert "Osallistujien työpaja" in page
    assert f"/tapahtumat/hallinta/{made.pk}/" in page
    assert "Nimi Piilossa" not in page  # counts, not people


def test_the_organisations_own_editor_sees_it(client, participation):
    org, made = participation
    client.force_login(editor_of(org))
    page = page_of(client, org)
    assert "Osallistujien työpaja" in page
    assert "/tapahtumat/hallinta/" not in page
    assert "Nimi Piilossa" not in page


def test_others_do_not_see_it(client, participation):
    org, _made = participation
    assert "Osallistujien työpaja" not in page_of(client, org)
    client.force_login(UserFactory())
    assert "Osallistujien työpaja" not in page_of(client, org)
    client.force_login(editor_of(organisation(name_fi="Toinen kunta")))
    assert "Osallistujien työpaja" not in page_of(client, org)


def test_the_list_fragment_does_not_carry_it(admin_client, participation):
    org, _made = participation
    response = admin_client.get(org.get_absolute_url(), headers={"HX-Request": "true"})
    assert "Osallistujien työpaja" not in response.content.decode()
