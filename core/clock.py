"""The time the events and newsletter apps see, and whether they send mail: the demo's
one seam.

A registration stores the moment it was made, and a 2021 event is "past" today and
refuses registrations; a subscriber confirmed in 2021 counts in 2021's figures. The
demo (demo/events.py, demo/newsletter.py) replays the past through the real services —
locks, capacity, the waiting list, audit — so inside ``replay()`` it sets the moment
they see, and they queue no mail (the people are fictional, and there would be
thousands of messages). Everywhere else ``now()`` is ``timezone.now()``. The state is
per thread: a replay never changes what a request served beside it sees.
"""

import contextlib
import threading

from django.utils import timezone

_state = threading.local()


def now():
    return getattr(_state, "moment", None) or timezone.now()


def mail_on():
    return not getattr(_state, "replaying", False)


class Replay:
    @property
    def moment(self):
        return getattr(_state, "moment", None)

    @moment.setter
    def moment(self, value):
        _state.moment = value


@contextlib.contextmanager
def replay():
    _state.replaying, _state.moment = True, None
    try:
        yield Replay()
    finally:
        _state.replaying, _state.moment = False, None
