"""The events app's privacy contract (docs/privacy.md): registrations hold a person's
name, address, organisation, role and needs. EVENT_ANONYMISE_DAYS after an event ends
they are anonymised: the name, address, needs and link go, the time of registering is
cut to the day; the organisation, role category, day, status and attendance stay, so
every figure (registrants, organisations, share of employees, per day) still counts.

Erasure on request anonymises the same way at once, for past and future events alike.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import days

from .models import ACTIVE, Message, Registration

# Message holds no personal data (its text is written to everyone registered); it is
# listed because it is sent to registrants and goes with the event.
MODELS = [Registration, Message]


def personal_data_export(address):
    return {
        "event_registrations": [
            {
                "event": r.event.title_fi,
                "starts_at": r.event.starts_at.isoformat(),
                "status": r.status,
                "name": r.name,
                "email": r.email,
                "organisation": r.organisation_label,
                "role": r.role,
                "language": r.language,
                "accessibility_needs": r.accessibility_needs,
                "diet": r.diet,
                "privacy_notice_version": r.consent_version,
                "registered_at": r.created_at.isoformat(),
                "attended": r.attended,
            }
            for r in Registration.objects.for_address(address).select_related(
                "event", "organisation"
            )
        ]
    }


def _anonymise(registrations):
    """Blank the person in these registrations; returns how many changed. A future
    event's active registration is cancelled first, through the service, so that its
    place goes to the next person waiting."""
    from .services import registration_cancel

    count = 0
    for registration in registrations:
        if registration.status in ACTIVE and not registration.event.is_past():
            registration_cancel(registration, notify=False)
            registration.refresh_from_db()
        day = timezone.localtime(registration.created_at).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        Registration.objects.filter(pk=registration.pk).update(
            name="",
            email="",
            accessibility_needs="",
            diet="",
            link_salt="",
            created_at=day,
            anonymised_at=timezone.now(),
        )
        count += 1
    return count


@transaction.atomic
def personal_data_erase(address, phones=()):
    registrations = Registration.objects.for_address(address).select_related("event")
    return {"event_registrations": _anonymise(list(registrations))}


@transaction.atomic
def registrations_anonymise(now=None):
    """Anonymise the registrations of events that ended EVENT_ANONYMISE_DAYS ago."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.EVENT_ANONYMISE_DAYS)
    due = Registration.objects.filter(event__ends_at__lt=cutoff, anonymised_at=None)
    return _anonymise(list(due.select_related("event")))


def personal_data_prune(now=None):
    return {"personal data of registrations": registrations_anonymise(now)}


def notice_purposes():
    return [
        dict(
            key="events",
            title=_("Registering for an event"),
            description=_(
                "We take registrations for the programme's workshops, webinars, network "
                "meetings and gala, keep the waiting list, and send registrants the "
                "confirmation, the event's link, a reminder and a thank-you."
            ),
            data=_(
                "Name, email address, organisation, role category, language, any "
                "accessibility needs or diet, the version of this notice you agreed to, "
                "and whether you attended."
            ),
            legal_basis=_(
                "Legitimate interest (GDPR art. 6(1)(f)): organising the event; for "
                "accessibility needs and diet, your consent, which you give by writing them."
            ),
            retention=[
                _(
                    "%(days)s after the event, the name, email address, needs and diet are "
                    "deleted. The organisation, role category and attendance are kept without "
                    "the person, for the programme's figures."
                )
                % {"days": days(settings.EVENT_ANONYMISE_DAYS)},
            ],
        )
    ]
