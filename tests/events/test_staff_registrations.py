"""The registrants page: the registered, the waiting list in queue order and the
cancelled; staff cancel a registration and the first person waiting gets the place."""

import pytest

from audit.models import AuditEntry
from events.models import Registration
from tests.events.factories_staff import event, organisation, register, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


@pytest.fixture
def full_event():
    made = event(capacity=2)
    org = organisation(name_fi="Ilmoittajan kaupunki")
    people = [
        register(made, "Anna Alku", organisation=org, diet="Laktoositon", role="supervisor"),
        register(made, "Bertta Toinen", language="sv", accessibility_needs="Induktiosilmukka"),
        register(made, "Cecilia Kolmas"),
        register(made, "Daniel Neljäs"),
        register(made, "Eino Viides"),
    ]
    return made, people


def test_the_page_shows_registered_waiting_in_order_and_cancelled(client, staff, full_event):
    made, people = full_event
    from events.services import registration_cancel

    registration_cancel(people[4])  # leaves the waiting list by themselves
    page = client.get(f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet/").content.decode()
    for text in ("Anna Alku", "Ilmoittajan kaupunki", "Laktoositon", "Induktiosilmukka"):
        assert text in page
    assert page.index("Cecilia Kolmas") < page.index("Daniel Neljäs") < page.index("Eino Viides")
    waiting_part = page[page.index('id="h-waiting"') : page.index('id="h-cancelled"')]
    assert "Cecilia Kolmas" in waiting_part and "Daniel Neljäs" in waiting_part
    assert "Anna Alku" not in waiting_part
    assert "Eino Viides" in page[page.index('id="h-cancelled"') :]


def test_staff_cancel_after_a_confirmation_and_the_first_waiting_is_promoted(
    client, staff, full_event
):
    made, people = full_event
    url = f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet/{people[0].pk}/peru/"
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Anna Alku" in confirm.content.decode()
    assert Registration.objects.get(pk=people[0].pk).status == "confirmed"
    response = client.post(url, follow=True)
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "Anna Alku" in shown and "Cecilia Kolmas" in shown
    assert Registration.objects.get(pk=people[0].pk).status == "cancelled"
    assert Registration.objects.get(pk=people[0].pk).cancelled_by_staff
    assert Registration.objects.get(pk=people[2].pk).status == "confirmed"
    assert Registration.objects.get(pk=people[3].pk).status == "waitlisted"
    assert AuditEntry.objects.filter(action="event.registration_cancelled", actor=staff).exists()


def test_cancelling_twice_is_a_message_not_an_error(client, staff, full_event):
    made, people = full_event
    url = f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet/{people[3].pk}/peru/"
    client.post(url, follow=True)
    again = client.post(url, follow=True)
    assert again.status_code == 200
    assert len(list(again.context["messages"])) == 1
    assert Registration.objects.get(pk=people[2].pk).status == "waitlisted"


def test_hostile_registrant_text_is_escaped(client, staff):
    made = event()
    register(made, "<img src=x onerror=alert(1)>", diet="<b>kala</b>")
    page = client.get(f"/tapahtumat/hallinta/{made.pk}/ilmoittautuneet/").content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "<b>kala</b>" not in page
