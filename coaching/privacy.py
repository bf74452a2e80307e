"""The coaching app's privacy contract (docs/privacy.md).

Applications hold the contact person's name, role, address and phone, and the
messages between them and the programme team; notes may name people. Experts hold
the expert's name, address, bio and photo (the public profile is their own choice,
by contract with the programme).

COACHING_ANONYMISE_DAYS after an application ends (closed, declined or withdrawn) the
contact details, messages and notes go and the follow link stops working; the
organisation, themes, days, sessions and counts stay for the figures and the
organisation's history. Drafts never sent go after COACHING_DRAFT_DAYS. Feedback
answers hold nothing about a person (coaching/feedback.py).

Erasure on request anonymises an application the same way at once (an application
under way is withdrawn first, so the expert and the budget see it); an expert's own
data is erased by staff removing the profile, which the contract reports but does not
do on its own, since assigned applications must keep their expert.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core import clock
from core.i18n import days

from .models import (
    WITHDRAWABLE,
    Application,
    ApplicationStatus,
    Expert,
    FeedbackAnswer,
    Message,
    Note,
)

S = ApplicationStatus
MODELS = [Application, Message, Note, Expert, FeedbackAnswer]
ENDED = (S.CLOSED, S.DECLINED, S.WITHDRAWN)


def _of(address):
    return Application.objects.filter(contact_email__iexact=address.strip())


def personal_data_export(address):
    applications = _of(address).select_related("organisation", "round")
    experts = Expert.objects.filter(email__iexact=address.strip())
    return {
        "coaching_applications": [
            {
                "status": a.status,
                "round": a.round.year if a.round_id else None,
                "organisation": a.organisation_label,
                "contact_name": a.contact_name,
                "contact_role": a.contact_role,
                "contact_email": a.contact_email,
                "contact_phone": a.contact_phone,
                "language": a.language,
                "goals": a.goals,
                "timing": a.timing,
                "privacy_notice_version": a.consent_version,
                "sent_at": a.submitted_at.isoformat() if a.submitted_at else None,
                "messages": [
                    {"from": m.author, "at": m.created_at.isoformat(), "body": m.body}
                    for m in a.messages.all()
                ],
            }
            for a in applications
        ],
        "coaching_expert": [
            {
                "name": e.name,
                "organisation": e.organisation_name,
                "email": e.email,
                "bio_fi": e.bio_fi,
                "bio_sv": e.bio_sv,
                "bio_en": e.bio_en,
                "public": e.is_public,
            }
            for e in experts
        ],
    }


def _anonymise(applications):
    from .services import application_withdraw

    count = 0
    for application in applications:
        if application.status == S.DRAFT:
            application.delete()
            count += 1
            continue
        if application.status in WITHDRAWABLE:
            application_withdraw(application, reason="", notify=False)
        Message.objects.filter(application=application).delete()
        Note.objects.filter(application=application).delete()
        Application.objects.filter(pk=application.pk).update(
            contact_name="",
            contact_role="",
            contact_email="",
            contact_phone="",
            goals="",
            timing="",
            link_salt="",
            anonymised_at=clock.now(),
        )
        application.log_action("application.anonymised")
        count += 1
    return count


@transaction.atomic
def personal_data_erase(address, phones=()):
    phones = [p for p in phones if p]
    matches = Q(contact_email__iexact=address.strip())
    if phones:
        matches |= Q(contact_phone__in=phones)
    applications = Application.objects.filter(matches, anonymised_at=None)
    return {"coaching_applications": _anonymise(list(applications))}


@transaction.atomic
def applications_anonymise(now=None):
    now = now or clock.now()
    ended = now - timedelta(days=settings.COACHING_ANONYMISE_DAYS)
    due = Application.objects.filter(status__in=ENDED, anonymised_at=None).filter(
        Q(closed_at__lt=ended) | Q(closed_at=None, decided_at__lt=ended)
    )
    drafts = Application.objects.filter(
        status=S.DRAFT, updated_at__lt=now - timedelta(days=settings.COACHING_DRAFT_DAYS)
    )
    return _anonymise(list(due)), drafts.delete()[1].get("coaching.Application", 0)


def personal_data_prune(now=None):
    anonymised, drafts = applications_anonymise(now)
    counts = {
        "coaching applications anonymised": anonymised,
        "coaching drafts deleted": drafts,
    }
    return {key: value for key, value in counts.items() if value}


def notice_purposes():
    return [
        dict(
            key="coaching",
            title=_("Applying for coaching"),
            description=_(
                "We take workplaces' applications for the programme's coaching, decide on "
                "them, plan the coaching days with the expert and ask the participants for "
                "anonymous feedback. The expert assigned to an application sees it."
            ),
            data=_(
                "The contact person's name, role, email address and phone, the organisation, "
                "what the workplace wants to develop, the messages about the application, "
                "and the version of this notice you agreed to. Feedback answers are "
                "anonymous: nothing ties them to a person."
            ),
            legal_basis=_(
                "Legitimate interest (GDPR art. 6(1)(f)): organising the coaching the "
                "workplace applied for."
            ),
            retention=[
                _(
                    "%(days)s after the application ends (closed, declined or withdrawn), "
                    "the contact person's details and the messages are deleted. The "
                    "organisation, themes, days and numbers of participants are kept "
                    "without the person, for the programme's figures."
                )
                % {"days": days(settings.COACHING_ANONYMISE_DAYS)},
                _("An application that was never sent is deleted after %(days)s.")
                % {"days": days(settings.COACHING_DRAFT_DAYS)},
            ],
        )
    ]
