"""The calendar file (RFC 5545) parses, with times in UTC and text escaped and folded."""

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.ics import event_ics

from .factories_core import published_event

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def parsed(text):
    calendar = icalendar.Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_file_parses_with_utc_times_and_escaped_text():
    event = published_event(
        title_fi="Työpaja; pilotit, kokeilut ja \\ opit",
        summary_fi="Rivi 1\nRivi 2 – " + "pitkä teksti ääkkösin " * 20,
        venue="Kuntatalo",
        address="Toinen linja 14, Helsinki",
        starts_at=datetime(2027, 3, 9, 9, 0, tzinfo=HELSINKI),
        ends_at=datetime(2027, 3, 9, 11, 30, tzinfo=HELSINKI),
    )
    text = event_ics(event)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    vevent = parsed(text)
    assert str(vevent["SUMMARY"]) == "Työpaja; pilotit, kokeilut ja \\ opit"
    assert vevent["DTSTART"].dt == datetime(2027, 3, 9, 7, 0, tzinfo=ZoneInfo("UTC"))
    assert vevent["DTEND"].dt == datetime(2027, 3, 9, 9, 30, tzinfo=ZoneInfo("UTC"))
    assert str(vevent["LOCATION"]) == "Kuntatalo, Toinen linja 14, Helsinki"
    assert str(vevent["DESCRIPTION"]).startswith("Rivi 1 Rivi 2 – pitkä")
    assert str(vevent["UID"]) == f"event-{event.pk}@127.0.0.1:8000"


def test_the_public_file_keeps_the_stream_link_unless_staff_made_it_public():
    event = published_event(online=True, stream_url="https://example.fi/live")
    assert "example.fi/live" not in event_ics(event)
    sent = parsed(event_ics(event, stream_url=event.stream_url))
    assert "example.fi/live" in str(sent["DESCRIPTION"])
    event.stream_public = True
    assert str(parsed(event_ics(event))["LOCATION"]) == "https://example.fi/live"
