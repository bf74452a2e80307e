"""How writes to deeds reach the data derived from them: the one change-notification
module between the deeds' side and the read side (STYLE.md, layers).

The read-side apps own their derived data (the catalogue's facet index, the search
index) and ``catalogue/changes.py`` declares which change refreshes what. Single saves
through the ORM reach it by Django's model signals, so no service, admin page, command
or shell can forget to. What signals cannot carry is said here:

- ``bulk_write()``: bulk writers (``import_deeds``) write with ``bulk_create``, which
  sends no signal, and would otherwise cost one re-index per saved row. Inside it the
  per-row listeners stay silent; at the end the writer calls ``deeds_written(ids)`` once.
- ``quiet()``: a write that will be rolled back (the moderation preview's deed) must not
  touch derived data at all.
"""

import threading
from contextlib import contextmanager

from django.dispatch import Signal

# Sent with ``ids``: the deeds a bulk writer wrote or changed.
bulk_written = Signal()

_state = threading.local()


def is_quiet():
    """True inside ``quiet()`` or ``bulk_write()``: per-row listeners do nothing."""
    return getattr(_state, "depth", 0) > 0


@contextmanager
def quiet():
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1


bulk_write = quiet  # the same silence; the name says the writer announces at the end


def deeds_written(ids):
    """Tell the read side once that these deeds were written in bulk."""
    bulk_written.send(sender=deeds_written, ids=list(ids))
