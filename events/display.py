"""How an event's time and capacity read on the public pages (in Finnish time).

Plain functions over the event (and the counts ``Event.objects.with_counts()`` puts on
it), so that the list computes them without a query per event.
"""

from dataclasses import dataclass

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import RegistrationStatus


def _day(moment):
    # "ti 9.3.2027": the weekday helps people place the date.
    return dateformat.format(moment, "D j.n.Y")


def _time(moment):
    return dateformat.format(moment, "G.i")


def event_when(event):
    """ "ti 9.3.2027 klo 9.00–11.00", or with both days when it spans midnight."""
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    if start.date() == end.date():
        return _("%(day)s at %(start)s–%(end)s") % {
            "day": _day(start),
            "start": _time(start),
            "end": _time(end),
        }
    return _("%(start_day)s at %(start)s – %(end_day)s at %(end)s") % {
        "start_day": _day(start),
        "start": _time(start),
        "end_day": _day(end),
        "end": _time(end),
    }


def moment(value):
    """A single point in time: "ti 9.3.2027 klo 9.00"."""
    local = timezone.localtime(value)
    return _("%(day)s at %(time)s") % {"day": _day(local), "time": _time(local)}


@dataclass(frozen=True)
class Availability:
    code: str  # open, few, full, unlimited, not_yet, closed, past, cancelled, draft
    text: str
    places_left: int | None = None


def confirmed_count(event):
    count = getattr(event, "confirmed_count", None)
    if count is None:
        count = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    return count


def availability(event, now=None):
    """What the list and the page say about taking part: places left, the waiting list,
    or why registration is not possible."""
    state = event.registration_state(now)
    if state == "cancelled":
        return Availability("cancelled", _("Cancelled"))
    if state == "past":
        return Availability("past", _("Ended"))
    if state == "draft":
        return Availability("draft", _("Not published"))
    if state == "closed":
        return Availability("closed", _("Registration closed"))
    if state == "not_yet":
        return Availability(
            "not_yet",
            _("Registration opens %(when)s") % {"when": moment(event.registration_opens_at)},
        )
    if event.capacity is None:
        return Availability("unlimited", _("Registration open"))
    left = max(event.capacity - confirmed_count(event), 0)
    if left == 0:
        return Availability("full", _("Full – join the waiting list"), 0)
    text = ngettext("%(count)s place left", "%(count)s places left", left) % {"count": left}
    return Availability("open", text, left)
