"""The recording (with the captioning deadline of Act 306/2019) and the figures."""

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from events.models import Event
from events.services import registration_mark_attendance
from tests.events.factories_staff import event, past_event, register, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def test_staff_publish_the_recording_and_see_the_deadline(client, staff):
    over = past_event(kind="webinar")
    url = f"/tapahtumat/hallinta/{over.pk}/"
    response = client.post(
        f"{url}tallenne/", {"recording-url": "https://video.example.fi/tallenne"}
    )
    assert response.status_code == 302
    over.refresh_from_db()
    assert over.recording_url == "https://video.example.fi/tallenne"
    assert over.recording_captioned is False
    deadline = timezone.localtime(over.recording_published_at + dt.timedelta(days=14))
    page = client.get(url).content.decode()
    assert deadline.strftime("%-d.%-m.%Y") in page
    assert "306/2019" in page
    assert "notice--error" not in page and "notice--warning" not in page
    assert AuditEntry.objects.filter(action="event.recording_published", actor=staff).exists()


def test_a_warning_when_the_deadline_is_near_and_an_alert_when_past(client, staff, time_machine):
    over = past_event(kind="webinar")
    client.post(f"/tapahtumat/hallinta/{over.pk}/tallenne/", {"recording-url": "https://v.fi/a"})
    url = f"/tapahtumat/hallinta/{over.pk}/"
    time_machine.move_to(timezone.now() + dt.timedelta(days=12), tick=False)
    client.force_login(staff)  # a staff session lasts STAFF_SESSION_HOURS
    assert "notice--warning" in client.get(url).content.decode()
    time_machine.move_to(timezone.now() + dt.timedelta(days=3), tick=False)
    client.force_login(staff)  # the session does not last this long
    assert "notice--error" in client.get(url).content.decode()
    client.post(
        f"/tapahtumat/hallinta/{over.pk}/tallenne/",
        {"recording-url": "https://v.fi/a", "recording-captioned": "on"},
    )
    page = client.get(url).content.decode()
    assert "notice--error" not in page and "notice--warning" not in page


def test_a_recording_before_the_event_is_refused_and_the_address_kept(client, staff):
    upcoming = event()
    response = client.post(
        f"/tapahtumat/hallinta/{upcoming.pk}/tallenne/",
        {"recording-url": "https://v.fi/tuleva"},
    )
    assert response.status_code == 400
    assert Event.objects.get(pk=upcoming.pk).recording_url == ""


def test_a_bad_address_is_refused(client, staff):
    over = past_event()
    response = client.post(
        f"/tapahtumat/hallinta/{over.pk}/tallenne/", {"recording-url": "javascript:alert(1)"}
    )
    assert response.status_code == 400
    assert Event.objects.get(pk=over.pk).recording_url == ""


def test_the_event_page_shows_its_figures(client, staff):
    made = event(capacity=2, starts_in=dt.timedelta(hours=1))
    first = register(made, role="employee")
    register(made, role="supervisor")
    register(made)  # waiting
    registration_mark_attendance(first, attended=True, actor=staff)
    response = client.get(f"/tapahtumat/hallinta/{made.pk}/")
    figures = response.context["figures"]
    assert (figures.registrants, figures.attendees, figures.waitlist_peak) == (2, 1, 1)
    assert "50 %" in response.content.decode()  # employees' share


def test_yearly_figures_by_kind_with_a_year_selector(client, staff):
    this_year = timezone.localdate().year
    workshop = event(kind="workshop")
    register(workshop)
    register(event(kind="webinar"))
    event(kind="network", published=False)  # a draft is not counted
    response = client.get("/tapahtumat/hallinta/luvut/")
    assert response.status_code == 200
    assert response.context["year"] == this_year
    kinds = [kind for kind, _figures in response.context["rows"]]
    assert [str(k) for k in kinds] == ["workshop", "webinar"]
    assert response.context["total"].registrants == 2
    assert f'<option value="{this_year}" selected>' in response.content.decode()


@pytest.mark.parametrize("year", ["1850", "abc", "99999999999999999999", "<script>", ""])
def test_a_bad_year_shows_the_current_one(client, staff, year):
    response = client.get("/tapahtumat/hallinta/luvut/", {"vuosi": year})
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
