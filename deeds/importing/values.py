"""Checking the single values of a line, with messages an editor can act on."""

import unicodedata
from datetime import date

from deeds.models import Deed

from .lookups import match_key


def type_name(value):
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {str: "a string", list: "a list", dict: "an object"}.get(type(value), "null")


def max_length(model, name):
    return model._meta.get_field(name).max_length


DEED_MAX_LENGTHS = {
    f.name: f.max_length for f in Deed._meta.concrete_fields if getattr(f, "max_length", None)
}


class ValueChecker:
    """Collects what is wrong with one line; each helper returns a usable value or a blank."""

    def __init__(self):
        self.data = {}
        self.problems = []

    def problem(self, message):
        self.problems.append(message)

    def string(self, value, label, *, required=False, max_length=None, single_line=False):
        """A cleaned string, or "" (with a problem recorded) when it is unusable."""
        if value is None:
            if required:
                self.problem(f"{label} is missing")
            return ""
        if not isinstance(value, str):
            self.problem(f"{label} must be a string, not {type_name(value)}")
            return ""
        if "\x00" in value:
            self.problem(f"{label} contains a NUL character, which cannot be stored")
            return ""
        value = unicodedata.normalize("NFC", value)
        if single_line:
            value = " ".join(value.split())
        else:
            value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if required and not value:
            self.problem(f"{label} is empty")
        if max_length and len(value) > max_length:
            self.problem(f"{label} is {len(value)} characters long; the limit is {max_length}")
        return value

    def field(self, name, **kwargs):
        """A string field of the line; its limit is the Deed field's of the same name."""
        kwargs.setdefault("max_length", DEED_MAX_LENGTHS.get(name))
        return self.string(self.data.get(name), name, **kwargs)

    def string_list(self, name, what, **kwargs):
        """The non-empty strings of a list field (each on one line), in order."""
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(f"{name} must be a list of {what}, not {type_name(value)}")
            return []
        strings = []
        for position, item in enumerate(value, start=1):
            text = self.string(item, f"{name} item {position}", single_line=True, **kwargs)
            if text:
                strings.append(text)
            elif isinstance(item, str):
                self.problem(f"{name} item {position} is empty")
        return strings

    def choice(self, name, labels, default):
        value = self.field(name, single_line=True)
        if not value:
            return default
        key = match_key(value)
        for choice, aliases in labels.items():
            if key == choice or key in aliases:
                return choice
        allowed = ", ".join(f'"{choice}"' for choice in labels)
        self.problem(f'unknown {name} "{value}" (use one of {allowed})')
        return default

    def date(self, name):
        value = self.field(name, single_line=True)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(f'{name} "{value}" is not a date in the form 2021-03-15')
            return None
