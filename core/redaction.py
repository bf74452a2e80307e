"""Finding and removing one person's email address and phone numbers where someone typed
them into a text (a deed's story, a form's contents, a log entry, an email to someone
else): the erasure of personal data (docs/privacy.md) uses it in every app's contract.

An address is matched whole, case-insensitively: "a@example.fi" is also the tail of
"maija@example.fi", someone else's. A phone number is matched by its digits whatever
separators were typed between them ("040 765 4321", "040-7654321", "+358 40 765 4321"
are one number); numbers shorter than ``MIN_PHONE_DIGITS`` are not looked for, as they
would match ordinary figures.
"""

import re
from functools import reduce
from operator import or_

from django.db.models import Q, TextField
from django.db.models.functions import Cast

REDACTED = "[poistettu]"
MIN_PHONE_DIGITS = 6
# Characters that may stand before "@" in an address: a match preceded by one of them is
# the tail of a longer address, someone else's.
LOCAL_PART = r"[\w.!#$%&'*+/=?^`{|}~-]"
SEPARATORS = r"[ ().\-/]*"
FINLAND = "358"


def _national_digits(phone):
    """The number's digits without the trunk prefix or country code ("40 765 4321")."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("00" + FINLAND):
        digits = digits[2 + len(FINLAND) :]
    elif digits.startswith(FINLAND) and (phone or "").lstrip().startswith("+"):
        digits = digits[len(FINLAND) :]
    return digits[1:] if digits.startswith("0") else digits


def _as_text(field):
    return f"redaction_{field}"


class Redaction:
    """One person's address and phone numbers, to look for and blank out."""

    def __init__(self, address, phones=()):
        self.address = address.strip().lower()
        numbers = {_national_digits(p) for p in phones}
        self.numbers = sorted(n for n in numbers if len(n) >= MIN_PHONE_DIGITS)
        patterns = [rf"(?<!{LOCAL_PART}){re.escape(self.address)}(?![\w-]|\.\w)"]
        for number in self.numbers:
            digits = SEPARATORS.join(number)
            # Written nationally (0…) or internationally (+358 / 00358, perhaps "(0)").
            prefix = rf"(?:(?:\+|00){FINLAND}{SEPARATORS}(?:\(0\){SEPARATORS})?|0{SEPARATORS})?"
            patterns.append(rf"(?<![\d+]){prefix}{digits}(?!\d)")
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    def mentioned(self, value):
        """True when the address or a number is in this text, or anywhere in this JSON."""
        if isinstance(value, str):
            return bool(self.pattern.search(value))
        if isinstance(value, dict):
            return any(self.mentioned(k) or self.mentioned(v) for k, v in value.items())
        if isinstance(value, list | tuple):
            return any(self.mentioned(item) for item in value)
        return False

    def text(self, value):
        """The text (or JSON value, recursively) with every mention replaced."""
        if isinstance(value, str):
            return self.pattern.sub(REDACTED, value)
        if isinstance(value, dict):
            return {self.text(k): self.text(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.text(item) for item in value]
        return value

    def q(self, *fields):
        """A filter for rows that may mention the person in one of these fields (a
        superset, also on JSON fields: confirm with ``mentioned``). Use it on a queryset
        given to ``candidates``, which annotates the fields as text."""
        conditions = []
        for field in fields:
            name = _as_text(field)
            conditions.append(Q(**{f"{name}__icontains": self.address}))
            conditions += [
                Q(**{f"{name}__iregex": "[ ()./-]*".join(number)}) for number in self.numbers
            ]
        return reduce(or_, conditions)

    def candidates(self, queryset, *fields):
        """The rows of ``queryset`` whose fields mention the person."""
        annotated = queryset.annotate(
            **{_as_text(field): Cast(field, TextField()) for field in fields}
        )
        return [
            row
            for row in annotated.filter(self.q(*fields)).order_by("pk")
            if any(self.mentioned(getattr(row, field)) for field in fields)
        ]

    def redact(self, obj, *fields):
        """Replace the mentions in these fields of ``obj``; returns the fields changed
        (the caller saves them)."""
        changed = []
        for field in fields:
            value = getattr(obj, field)
            if self.mentioned(value):
                setattr(obj, field, self.text(value))
                changed.append(field)
        return changed
