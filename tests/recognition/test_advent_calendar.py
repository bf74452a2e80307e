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
