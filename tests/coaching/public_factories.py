"""Helpers for the public pages' tests: the application form's values and the
addresses of an application's pages."""

import re

from coaching.feedback import links_of
from coaching.models import CoachingTheme
from coaching.services import application_token

APPLY = "/sparraus/hae/"


def form_values(organisation=None, **changes):
    theme = CoachingTheme.objects.active().first()
    values = {
        "organisation_name": organisation.name_fi if organisation else "",
        "contact_name": "Maija Meikäläinen",
        "contact_role": "Esihenkilö",
        "contact_email": "maija@example.fi",
        "contact_phone": "040 123 4567",
        "language": "fi",
        "themes": [str(theme.pk)],
        "goals": "Haluamme oppia antamaan palautetta toisillemme.",
        "employees": "14",
        "supervisors": "2",
        "days_requested": "2,5",
        "timing": "Syyskuu–marraskuu",
        "preferred_expert": "",
        "consent": "on",
        "action": "send",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def started(client, url=APPLY):
    """The form's signed start time, as a browser sends it back."""
    html = client.get(url).content.decode()
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def post_form(client, values, url=APPLY):
    return client.post(url, {"started": started(client), **values})


def draft_url(application):
    return f"/sparraus/hae/{application.form_key}/"


def follow_url(application):
    return f"/sparraus/hakemus/{application_token(application)}/"


def feedback_urls(application):
    return [f"/sparraus/palaute/{token}/" for _number, token, _used in links_of(application)]
