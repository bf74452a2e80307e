"""Checks every public form shares against automated posts, without third-party
CAPTCHAs: a honeypot field people never see, a minimum time between opening the form
and sending it, and text cleaned of control characters nobody types.

Per-client limits per hour are core.ratelimit's; what a form does with a blocked post
(count it, tell the person) is the form's app's.
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing

# The honeypot's name: one that browsers' autofill does not recognise (it would fill in
# "website", "url", "name" or "email" for a person and get them blocked).
HONEYPOT = "tt_leave_empty"
# Kept from when this lived in submissions/spam.py: forms opened before an upgrade
# still send a timestamp this accepts.
SALT = "submissions.form-started"
MAX_AGE = 7 * 24 * 3600

# C0 control characters other than tab and line breaks, and DEL: nobody types them,
# and PostgreSQL refuses NUL outright, so they are dropped rather than refused.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def started_token():
    """The signed time the form was opened, sent back in its ``started`` field."""
    return signing.dumps(int(time.time()), salt=SALT)


def spam_reason(post, *, first_save=True):
    """Why this post looks automated ("honeypot", "no_timestamp", "too_fast"), or None.

    The fill time is checked only on a form's first save: a draft saved again later
    (the share form) has long passed it."""
    if post.get(HONEYPOT):
        return "honeypot"
    if first_save:
        try:
            started = signing.loads(post.get("started", ""), salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            return "no_timestamp"
        if time.time() - started < settings.SUBMISSION_MIN_FILL_SECONDS:
            return "too_fast"
    return None


def without_controls(value):
    return CONTROL.sub("", str(value))


class PlainTextField(forms.CharField):
    """A text field that drops control characters before validating."""

    def to_python(self, value):
        return super().to_python(without_controls(value) if value is not None else value)
