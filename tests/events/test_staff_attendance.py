"""The attendance list: one tap per person marks them present (or not), without
JavaScript through a redirect, with htmx by swapping the person's row alone."""

import datetime as dt

import pytest

from audit.models import AuditEntry
from events.models import Registration
from tests.events.factories_staff import event, register, staff_member

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


@pytest.fixture
def today():
    """An event starting in an hour, with two registered and one waiting."""
    made = event(starts_in=dt.timedelta(hours=1), capacity=2)
    return made, [register(made, "Pekka Paikalla"), register(made, "Outi Ovella"), register(made)]


def test_the_list_has_a_big_button_per_registered_person(client, staff, today):
    made, (pekka, outi, waiting) = today
    page = client.get(f"/tapahtumat/hallinta/{made.pk}/lasnaolo/").content.decode()
    assert page.count('class="attendance__button"') == 2
    assert f'id="mark-{pekka.pk}"' in page and 'aria-pressed="false"' in page
    assert f'action="/tapahtumat/hallinta/{made.pk}/lasnaolo/{pekka.pk}/"' in page
    assert f"mark-{waiting.pk}" not in page
    assert page.index("Outi Ovella") < page.index("Pekka Paikalla")  # by name


def test_a_tap_without_javascript_marks_and_comes_back_to_the_person(client, staff, today):
    made, (pekka, _outi, _waiting) = today
    url = f"/tapahtumat/hallinta/{made.pk}/lasnaolo/{pekka.pk}/"
    response = client.post(url, {"attended": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/lasnaolo/#person-{pekka.pk}")
    assert Registration.objects.get(pk=pekka.pk).attended is True
    client.post(url, {"attended": "1"})  # a double tap changes nothing more
    assert AuditEntry.objects.filter(action="event.attendance_marked").count() == 1
    client.post(url, {"attended": "0"})
    assert Registration.objects.get(pk=pekka.pk).attended is False


def test_with_htmx_only_the_row_and_the_count_come_back(client, staff, today):
    made, (pekka, _outi, _waiting) = today
    url = f"/tapahtumat/hallinta/{made.pk}/lasnaolo/{pekka.pk}/"
    response = client.post(url, {"attended": "1"}, headers=HTMX)
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert "<html" not in html
    assert f'id="person-{pekka.pk}"' in html and 'aria-pressed="true"' in html
    assert 'name="attended" value="0"' in html  # the next tap undoes it
    assert 'hx-swap-oob="innerHTML"' in html and "1" in html
    assert Registration.objects.get(pk=pekka.pk).attended is True


def test_too_early_is_refused_with_a_message(client, staff):
    later = event(starts_in=dt.timedelta(days=5))
    person = register(later)
    url = f"/tapahtumat/hallinta/{later.pk}/lasnaolo/{person.pk}/"
    response = client.post(url, {"attended": "1"}, follow=True)
    assert len(list(response.context["messages"])) == 1
    fragment = client.post(url, {"attended": "1"}, headers=HTMX)
    assert 'role="alert"' in fragment.content.decode()
    assert Registration.objects.get(pk=person.pk).attended is None


def test_someone_waiting_cannot_be_marked(client, staff, today):
    made, (_pekka, _outi, waiting) = today
    url = f"/tapahtumat/hallinta/{made.pk}/lasnaolo/{waiting.pk}/"
    response = client.post(url, {"attended": "1"}, follow=True)
    assert response.status_code == 200
    assert Registration.objects.get(pk=waiting.pk).attended is None


def test_any_other_value_means_not_present(client, staff, today):
    made, (pekka, _outi, _waiting) = today
    url = f"/tapahtumat/hallinta/{made.pk}/lasnaolo/{pekka.pk}/"
    client.post(url, {"attended": "1"})
    client.post(url, {"attended": "<script>"})
    assert Registration.objects.get(pk=pekka.pk).attended is False
