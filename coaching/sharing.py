"""The share form's link from a closed coaching: ``/ilmianna/?sparraus=<token>&…``.

The token is a signed link (core/tokens.py) for the application, so a deed can be
tied only to a coaching whose closing email someone received; the organisation and
the first theme's matching deed theme are filled in as plain values, like the
workshop's link (submissions/prefill.py reads them).
"""

from urllib.parse import urlencode

from django.conf import settings

from core.tokens import link_token, object_by_token

from .models import Application

PURPOSE = "coaching-share"
PARAMETER = "sparraus"


def share_token(application):
    return link_token(PURPOSE, application, application.link_salt)


def application_by_share_token(token):
    # An anonymised application's links open nothing (its salt is gone).
    applications = Application.objects.realised().filter(anonymised_at=None)
    return object_by_token(applications, PURPOSE, token, lambda a: a.link_salt)


def share_url(application):
    params = {PARAMETER: share_token(application)}
    if application.organisation_id:
        params["organisaatio"] = application.organisation.name_fi
    return f"{settings.SITE_URL.rstrip('/')}/ilmianna/?{urlencode(params)}"
