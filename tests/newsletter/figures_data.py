"""Subscribers who joined and left over 2024–2025, made through the services at their
own moments (Finnish time), and an issue sent in March 2025."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from newsletter.issue_services import issue_schedule
from newsletter.models import Issue
from newsletter.sending import newsletter_tick
from newsletter.services import subscriber_set_aside, subscriber_unsubscribe
from taxonomy.models import Sector
from tests.newsletter.factories import draft_issue, subscribed

HELSINKI = ZoneInfo("Europe/Helsinki")


def at(*args):
    return dt.datetime(*args, tzinfo=HELSINKI)


def when(moment):
    return time_machine.travel(moment, tick=False)


def history():
    """2024: a and f joined. 2025: b (at 00:30 on New Year's Day), c and d joined; f
    and c unsubscribed, d was set aside; e never confirmed. At the end of 2025: a, b."""
    sector = Sector.objects.first()
    people = {}
    with when(at(2024, 3, 1, 9)):
        people["f"] = subscribed("f@example.fi")
    with when(at(2024, 6, 10, 9)):
        people["a"] = subscribed("a@example.fi", language="sv")
    with when(at(2025, 1, 1, 0, 30)):
        people["b"] = subscribed(
            "b@example.fi", language="en", wants_newsletter=False, sectors=[sector]
        )
    with when(at(2025, 1, 10, 9)):
        subscriber_unsubscribe(people["f"])
    with when(at(2025, 2, 1, 9)):
        people["c"] = subscribed("c@example.fi", sectors=[sector])
    with when(at(2025, 3, 3, 9)):
        people["d"] = subscribed("d@example.fi")
    with when(at(2025, 3, 10, 9)):
        issue_schedule(draft_issue(key="2025-03", subject_fi="Maaliskuun kirje"), actor=None)
        newsletter_tick()
    with when(at(2025, 4, 2, 9)):
        people["e"] = subscribed("e@example.fi", confirm=False)
    with when(at(2025, 5, 15, 9)):
        subscriber_unsubscribe(people["c"])
    with when(at(2025, 7, 1, 9)):
        subscriber_set_aside(people["d"], reason="Liian monta palautusta.")
    people["issue"] = Issue.objects.get(key="2025-03")
    people["sector"] = sector
    return people
