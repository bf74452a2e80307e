"""Staff create and change events through their form (event_create, event_change):
refusals come back as form errors with everything typed kept."""

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from events.models import Event, Registration, Series
from taxonomy.models import Sector, Theme
from tests.deeds.factories import DeedFactory
from tests.events.factories_staff import event, register, staff_member

pytestmark = pytest.mark.django_db

NEW = "/tapahtumat/hallinta/uusi/"
HOSTILE = "<script>alert('x')</script> ' OR 1=1 -- Åäö☃"


def local(delta):
    return timezone.localtime(timezone.now() + delta).strftime("%Y-%m-%dT%H:%M")


def form_data(**changes):
    data = {
        "kind": "webinar",
        "language": "fi",
        "title_fi": "Webinaari: hyvinvointi työssä",
        "title_sv": "Webbinarium: välmående i arbetet",
        "summary_fi": "Tunnin webinaari.",
        "starts_at": local(dt.timedelta(days=10)),
        "ends_at": local(dt.timedelta(days=10, hours=1)),
        "online": "on",
        "capacity": "100",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user


def test_staff_create_a_draft_with_tags_and_deeds(client, staff):
    deed = DeedFactory()
    a_theme = Theme.objects.filter(is_active=True).first()
    a_sector = Sector.objects.filter(is_active=True).first()
    response = client.post(
        NEW,
        form_data(themes=[a_theme.pk], sectors=[a_sector.pk], deed_numbers=f" {deed.pk}, "),
    )
    created = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/tapahtumat/hallinta/{created.pk}/"
    assert created.status == "draft"
    assert created.title_sv == "Webbinarium: välmående i arbetet"
    assert list(created.themes.all()) == [a_theme]
    assert list(created.sectors.all()) == [a_sector]
    assert list(created.deeds.all()) == [deed]
    assert AuditEntry.objects.filter(action="event.created", actor=staff).count() == 1


def test_the_new_form_shows_every_text_in_three_languages(client, staff):
    page = client.get(NEW).content.decode()
    for name in ("title_fi", "title_sv", "title_en", "summary_en", "programme_sv"):
        assert f'name="{name}"' in page
    assert 'name="status"' not in page


def test_bad_input_is_refused_with_everything_kept(client, staff):
    response = client.post(
        NEW,
        form_data(
            title_fi=HOSTILE,
            ends_at=local(dt.timedelta(days=9)),
            deed_numbers="12abc, 99999999999",
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page  # kept, escaped
    assert "The event ends before it starts." in page or "päättyy ennen" in page
    assert "12abc" in page
    assert not Event.objects.exists()


def test_unknown_or_unpublished_deeds_are_named(client, staff):
    hidden = DeedFactory(status="draft")
    response = client.post(NEW, form_data(deed_numbers=f"{hidden.pk} 4242424"))
    assert response.status_code == 400
    assert str(hidden.pk) in response.content.decode()
    assert not Event.objects.exists()


def test_nul_characters_are_refused_not_a_server_error(client, staff):
    response = client.post(NEW, form_data(title_fi="a\x00b"))
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_capacity_below_the_registered_is_refused_with_the_form_kept(client, staff):
    made = event(capacity=5)
    for _ in range(3):
        register(made)
    url = f"/tapahtumat/hallinta/{made.pk}/muokkaa/"
    data = form_data(kind="workshop", online=None, capacity="2", title_fi="Uusi otsikko")
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "3" in page and "paikkamäärä ei voi olla pienempi" in page
    assert 'value="Uusi otsikko"' in page
    made.refresh_from_db()
    assert made.capacity == 5 and made.title_fi != "Uusi otsikko"


def test_raising_capacity_promotes_and_says_who(client, staff):
    made = event(capacity=1)
    register(made, "Ensimmäinen")
    waiting = register(made, "Odottava Olli")
    assert waiting.status == "waitlisted"
    url = f"/tapahtumat/hallinta/{made.pk}/muokkaa/"
    response = client.post(url, form_data(kind="workshop", online=None, capacity="2"), follow=True)
    assert response.status_code == 200
    assert "Odottava Olli" in response.content.decode()
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"


def test_the_edit_form_starts_from_the_event(client, staff):
    deed = DeedFactory()
    made = event(capacity=12, deeds=[deed])
    page = client.get(f"/tapahtumat/hallinta/{made.pk}/muokkaa/").content.decode()
    assert 'value="12"' in page
    assert f'value="{deed.pk}"' in page
    assert timezone.localtime(made.starts_at).strftime("%Y-%m-%dT%H:%M") in page


def test_a_cancelled_event_cannot_be_edited(client, staff):
    from events.services import event_cancel

    made = event()
    event_cancel(made, actor=staff, reason="Sairastuminen")
    response = client.post(f"/tapahtumat/hallinta/{made.pk}/muokkaa/", form_data())
    assert response.status_code == 400
    made.refresh_from_db()
    assert made.title_fi == "Työpaja: kehittäminen arjessa"


def test_series_are_created_and_changed_through_audited_services(client, staff):
    response = client.post(
        "/tapahtumat/hallinta/sarjat/uusi/",
        {"name_fi": "Aamukahvit", "name_sv": "Morgonkaffe", "partner": "KT"},
    )
    assert response.status_code == 302
    series = Series.objects.get()
    assert AuditEntry.objects.filter(action="series.created", actor=staff).count() == 1
    response = client.post(
        f"/tapahtumat/hallinta/sarjat/{series.pk}/",
        {"name_fi": "Aamukahvit 2027", "name_sv": "Morgonkaffe", "partner": "KT"},
    )
    assert response.status_code == 302
    series.refresh_from_db()
    assert series.name_fi == "Aamukahvit 2027"
    entry = AuditEntry.objects.get(action="series.changed")
    assert entry.data == {"fields": ["name_fi"]}


def test_a_series_needs_a_finnish_name(client, staff):
    response = client.post("/tapahtumat/hallinta/sarjat/uusi/", {"name_sv": "Bara svenska"})
    assert response.status_code == 400
    assert 'value="Bara svenska"' in response.content.decode()
    assert not Series.objects.exists()


def test_a_new_event_can_start_in_a_series(client, staff):
    series = Series.objects.create(name_fi="Sarja")
    page = client.get(f"{NEW}?sarja={series.pk}").content.decode()
    assert f'<option value="{series.pk}" selected>' in page
    assert client.get(f"{NEW}?sarja=abc").status_code == 200
    assert client.get(f"{NEW}?sarja=99999999999999999999").status_code == 200
