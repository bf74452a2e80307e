"""Coaching through the services, as the public, staff and experts make it."""

import datetime
from decimal import Decimal

from django.conf import settings

from coaching.experts import expert_create, round_create
from coaching.models import CoachingTheme
from coaching.services import (
    application_accept,
    application_realise,
    application_save,
    application_submit,
    session_plan,
    session_record,
)
from core import clock
from tests.organisations.factories import OrganisationFactory

_n = iter(range(1, 10**9))


def open_round(*, year=None, budget=Decimal("50"), experts=()):
    today = clock.now().date()
    year = year or today.year
    round_ = round_create(
        year=year,
        budget_days=Decimal(budget),
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=30),
        actor=None,
    )
    round_.experts.set(experts)
    return round_


def expert(**fields):
    n = next(_n)
    fields = {
        "name": f"Asiantuntija {n}",
        "organisation_name": f"Valmennus {n} Oy",
        "email": f"asiantuntija{n}@example.fi",
        "language": "fi",
        "bio_fi": "Kokenut valmentaja.",
        **fields,
    }
    return expert_create(fields=fields, themes=list(CoachingTheme.objects.all()[:2]), actor=None)


def draft(**fields):
    n = next(_n)
    values = {
        "organisation": fields.pop("organisation", None) or OrganisationFactory(),
        "contact_name": f"Yhteys Henkilö {n}",
        "contact_role": "HR-asiantuntija",
        "contact_email": f"yhteys{n}@example.fi",
        "contact_phone": "040 123 4567",
        "language": "fi",
        "goals": "Haluamme kehittää työyhteisön vuorovaikutusta.",
        "employees": 12,
        "supervisors": 2,
        "days_requested": Decimal("2"),
        "timing": "Syksy",
        **fields,
    }
    themes = values.pop("themes", None)
    if themes is None:
        themes = list(CoachingTheme.objects.all()[:1])
    return application_save(None, fields=values, themes=themes)


def sent(**fields):
    return application_submit(draft(**fields), consent_version=settings.PRIVACY_NOTICE_VERSION)


def accepted(*, days=Decimal("2"), coach=None, **fields):
    application = sent(**fields)
    return application_accept(application, days=Decimal(days), expert=coach or expert(), actor=None)


def realised(*, participants=10, employees=6, **fields):
    application = accepted(**fields)
    day = clock.now().date() - datetime.timedelta(days=10)
    session = session_plan(application, date=day, actor=None)
    session_record(
        session,
        date=day,
        days=Decimal("1"),
        participants=participants,
        employees=employees,
        actor=None,
    )
    return application_realise(application, actor=None)
