"""What the recognition services share: their domain errors and the way a ``*_change``
service applies the fields it is given. Imported through services.py."""

from django.utils.translation import gettext as _


class RecognitionError(Exception):
    """A state change the rules refuse; its message is translated, for staff to read
    (the admin shows it as a message, the staff pages next to their form)."""


class RankingError(RecognitionError):
    pass


class CampaignError(RecognitionError):
    pass


class GalaError(RecognitionError):
    pass


class HighlightError(RecognitionError):
    pass


def apply_changes(obj, allowed, changes):
    """Set the fields named in ``changes`` on ``obj`` and return the names whose value
    differs, sorted (for ``save(update_fields=…)`` and the audit entry). A name outside
    ``allowed`` is a programming error: such a field changes through its own service."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"{type(obj).__name__}: not changed here: {', '.join(sorted(unknown))}")
    changed = sorted(name for name, value in changes.items() if getattr(obj, name) != value)
    for name in changed:
        setattr(obj, name, changes[name])
    return changed


def locked(model, obj, error=None):
    """``obj`` read again under a row lock (select_for_update), so that the state a
    service checks is the one it changes. With ``error`` (a RecognitionError class), a
    row removed meanwhile (a second click, another person) is refused with it rather
    than failing."""
    found = model.objects.select_for_update().filter(pk=obj.pk).first()
    if found is None:
        if error is None:
            raise model.DoesNotExist
        raise error(_("This was removed already."))
    return found
