"""The advent calendar opens one door a day in Finnish time, and never early."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from tests.deeds.factories import DeedFactory
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def calendar():
    deeds = [DeedFactory(title=f"Palkittu teko {n:02}") for n in range(1, 26)]
    gala_with_awards(deeds, year=2025)
    return deeds


def test_a_door_opens_at_midnight_finnish_time(client, calendar, time_machine):
    time_machine.move_to(dt.datetime(2025, 12, 4, 23, 59, 59, tzinfo=HELSINKI))
    assert client.get("/joulukalenteri/2025/5/").status_code == 403
    assert client.get("/joulukalenteri/2025/4/").status_code == 200
    # 22:00 UTC on 4.12. is already midnight of 5.12. in Helsinki (UTC+2 in winter).
    time_machine.move_to(dt.datetime(2025, 12, 4, 22, 0, 0, tzinfo=dt.UTC))
    door = client.get("/joulukalenteri/2025/5/")
    assert door.status_code == 200
    assert "Palkittu teko" in door.content.decode()


def test_a_closed_door_shows_nothing_of_its_deed_anywhere(client, calendar, time_machine):
    time_machine.move_to(dt.datetime(2025, 12, 2, 12, tzinfo=HELSINKI))
    page = client.get("/joulukalenteri/2025/").content.decode()
    assert re.findall(r'href="/joulukalenteri/2025/(\d+)/"', page) == ["1", "2"]
    assert "Palkittu teko" not in page
    closed = client.get("/joulukalenteri/2025/24/")
    assert closed.status_code == 403 and "Palkittu teko" not in closed.content.decode()
    other_year = client.get("/joulukalenteri/2026/1/")
    assert other_year.status_code == 403


def test_each_door_holds_a_different_award_and_bad_numbers_are_not_found(
    client, calendar, time_machine
):
    time_machine.move_to(dt.datetime(2025, 12, 24, 12, tzinfo=HELSINKI))
    titles = {
        client.get(f"/joulukalenteri/2025/{n}/").context["award"].deed.title for n in range(1, 25)
    }
    assert len(titles) == 24
    for number in (0, 25, 99):
        assert client.get(f"/joulukalenteri/2025/{number}/").status_code == 404


def door_titles(client, year, doors=range(1, 25)):
    return [
        award.deed.title
        if (award := client.get(f"/joulukalenteri/{year}/{n}/").context["award"])
        else None
        for n in doors
    ]


def test_opened_doors_stay_the_same_when_next_years_gala_is_created_and_published(
    client, calendar, time_machine
):
    from recognition.services import gala_publish

    time_machine.move_to(dt.datetime(2026, 12, 5, 12, tzinfo=HELSINKI))
    before = door_titles(client, 2026, range(1, 6))
    assert before == ["Palkittu teko 01", "Palkittu teko 02", "Palkittu teko 03",
                      "Palkittu teko 04", "Palkittu teko 05"]  # fmt: skip
    # This year's gala is created in December with other awards, and published.
    newer = gala_with_awards(
        [DeedFactory(title=f"Uusi palkittu {n}") for n in range(3)], year=2026, public=False
    )
    assert door_titles(client, 2026, range(1, 6)) == before
    gala_publish(newer, actor=None)
    assert door_titles(client, 2026, range(1, 6)) == before
    # A later award of the calendar's own gala goes behind the doors already filled.
    from recognition.awards import Award

    category = calendar[0].awards.get().category
    late = DeedFactory(title="Myöhään palkittu")
    Award.objects.create(category=category, deed=late)
    assert door_titles(client, 2026, range(1, 6)) == before


def test_the_calendar_of_a_year_holds_that_years_gala_published_before_december(
    client, time_machine
):
    gala_with_awards([DeedFactory(title="Vanha palkittu")], year=2025)
    gala_with_awards([DeedFactory(title="Tämän vuoden palkittu")], year=2026)
    time_machine.move_to(dt.datetime(2026, 12, 1, 9, tzinfo=HELSINKI))
    door = client.get("/joulukalenteri/2026/1/").content.decode()
    assert "Tämän vuoden palkittu" in door and "Tekojen tori -gaala 2026" in door
    assert door_titles(client, 2025, [1]) == ["Vanha palkittu"]


def test_staff_order_the_doors(client, calendar, time_machine):
    from recognition.awards import Award

    time_machine.move_to(dt.datetime(2025, 12, 24, 12, tzinfo=HELSINKI))
    Award.objects.filter(deed=calendar[9]).update(door=1)
    Award.objects.filter(deed=calendar[0]).update(door=2)
    assert door_titles(client, 2025, [1, 2, 3]) == [
        "Palkittu teko 10",
        "Palkittu teko 01",
        "Palkittu teko 02",
    ]


def test_the_calendar_address_goes_to_this_or_last_years_calendar(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 1, 9, tzinfo=HELSINKI))
    assert client.get("/joulukalenteri/")["Location"] == "/joulukalenteri/2026/"
    assert '/joulukalenteri/2026/"' in client.get("/").content.decode()  # linked in December
    time_machine.move_to(dt.datetime(2027, 6, 1, 9, tzinfo=HELSINKI))
    assert client.get("/joulukalenteri/")["Location"] == "/joulukalenteri/2026/"
    assert "/joulukalenteri/" not in client.get("/").content.decode()


def test_doors_are_named_and_link_to_the_previous_and_next_open_door(
    client, calendar, time_machine
):
    time_machine.move_to(dt.datetime(2025, 12, 3, 9, tzinfo=HELSINKI))
    page = client.get("/joulukalenteri/2025/").content.decode()
    assert 'aria-label="Luukku 1, avaa"' in page
    assert "Tekojen tori -gaala 2025" in page
    sv = client.get("/sv/joulukalenteri/2025/").content.decode()
    assert 'aria-label="Lucka 1, öppna"' in sv
    middle = client.get("/joulukalenteri/2025/2/").content.decode()
    assert 'href="/joulukalenteri/2025/1/" rel="prev"' in middle
    assert 'href="/joulukalenteri/2025/3/" rel="next"' in middle
    assert "Gaala: Tekojen tori -gaala 2025" in middle
    today = client.get("/joulukalenteri/2025/3/").content.decode()
    assert 'rel="next"' not in today  # door 4 is still closed
    assert 'rel="prev"' not in client.get("/joulukalenteri/2025/1/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/joulukalenteri/0/",
        "/joulukalenteri/10000/",
        "/joulukalenteri/99999999999999999999/",
        "/joulukalenteri/0/1/",
        "/joulukalenteri/10000/1/",
        "/joulukalenteri/99999999999999999999/1/",
        "/joulukalenteri/2025/99999999999999999999/",
    ],
)
def test_impossible_years_and_doors_are_not_found(client, url):
    assert client.get(url).status_code == 404
