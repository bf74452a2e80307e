"""The application's way from a draft to closing, through the services."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail

from audit.models import AuditEntry
from coaching.models import ApplicationStatus as S
from coaching.services import (
    CoachingError,
    application_accept,
    application_assess,
    application_by_token,
    application_close,
    application_decline,
    application_realise,
    application_submit,
    application_token,
    application_withdraw,
    session_plan,
    session_record,
    session_remove,
)
from emails.models import OutgoingEmail

from .factories import accepted, draft, expert, open_round, realised, sent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _round(db):
    return open_round(budget=Decimal("10"))


def _mails(purpose):
    return list(OutgoingEmail.objects.filter(purpose=purpose))


def test_sending_a_draft_joins_the_open_round_and_mails_the_follow_link(
    django_capture_on_commit_callbacks,
):
    application = draft()
    with django_capture_on_commit_callbacks(execute=True):
        application = application_submit(application, consent_version="v1")
    assert application.status == S.RECEIVED
    assert application.round.year == application.submitted_at.year
    assert _mails("coaching_received")[0].to == application.contact_email
    sent_copy = next(m for m in mail.outbox if m.to == [application.contact_email])
    assert application_token(application) in sent_copy.body
    assert _mails("coaching_new")[0].to == settings.COACHING_STAFF_EMAIL
    assert application_by_token(application_token(application)) == application
    assert AuditEntry.objects.filter(action="application.submitted").count() == 1


def test_no_round_open_refuses_sending(_round):
    _round.delete()
    with pytest.raises(CoachingError, match="ei oteta vastaan"):
        application_submit(draft(), consent_version="v1")


def test_a_forged_or_draft_token_opens_nothing():
    application = sent()
    token = application_token(application)
    assert application_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    assert application_by_token(f"{application.pk + 1}.{token.split('.')[1]}") is None
    unsent = draft()
    assert application_by_token(application_token(unsent)) is None


def test_accepting_grants_days_and_mails_applicant_and_expert():
    application = application_assess(sent(), actor=None)
    coach = expert()
    application = application_accept(application, days=Decimal("3"), expert=coach, actor=None)
    assert (application.status, application.days_granted, application.expert) == (
        S.ACCEPTED,
        Decimal("3"),
        coach,
    )
    assert _mails("coaching_accepted")[0].to == application.contact_email
    assert _mails("coaching_expert_assigned")[0].to == coach.email


def test_granting_past_the_budget_needs_the_override_and_a_reason(_round):
    accepted(days=8)
    application = sent()
    with pytest.raises(CoachingError, match="budjetin: 10 päivästä on jäljellä 2"):
        application_accept(application, days=Decimal("3"), expert=expert(), actor=None)
    with pytest.raises(CoachingError, match="syy"):
        application_accept(
            application, days=Decimal("3"), expert=expert(), actor=None, override=True
        )
    application = application_accept(
        application,
        days=Decimal("3"),
        expert=expert(),
        actor=None,
        override=True,
        reason="Kunta on pieni ja tarve suuri.",
    )
    assert application.budget_override
    entry = AuditEntry.objects.get(action="application.accepted", object_id=application.pk)
    assert entry.reason == "Kunta on pieni ja tarve suuri." and entry.data["over_budget"]
    assert _round.days_granted() == Decimal("11")


def test_within_the_budget_no_override_is_recorded():
    application = application_accept(sent(), days=Decimal("10"), expert=expert(), actor=None)
    assert not application.budget_override


def test_declining_needs_a_reason_which_the_applicant_gets():
    application = sent()
    with pytest.raises(CoachingError):
        application_decline(application, reason="  ", actor=None)
    application = application_decline(application, reason="Budjetti on käytetty.", actor=None)
    assert application.status == S.DECLINED
    assert "Budjetti on käytetty." in _mails("coaching_declined")[0].body_text
    with pytest.raises(CoachingError):
        application_accept(application, days=Decimal("1"), expert=expert(), actor=None)


def test_sessions_schedule_then_realise():
    application = accepted()
    day = datetime.date(2026, 11, 20)
    first = session_plan(application, date=day, actor=None)
    second = session_plan(application, date=day + datetime.timedelta(days=7), actor=None)
    application.refresh_from_db()
    assert application.status == S.SCHEDULED
    assert len(_mails("coaching_scheduled")) == 2
    session_record(first, date=day, days=Decimal("1"), participants=14, employees=9, actor=None)
    with pytest.raises(CoachingError, match="suunnitellut"):
        application_realise(application, actor=None)
    session_remove(second, actor=None)
    application = application_realise(application, actor=None)
    assert application.status == S.REALISED
    assert application.group() == {"participants": 14, "employees": 9, "days": Decimal("1")}


@pytest.mark.parametrize(
    ("days", "participants", "employees"),
    [(Decimal("0"), 5, 1), (Decimal("6"), 5, 1), (Decimal("1"), 0, 0), (Decimal("1"), 5, 6)],
)
def test_impossible_session_figures_are_refused(days, participants, employees):
    session = session_plan(accepted(), date=datetime.date(2026, 11, 2), actor=None)
    with pytest.raises(CoachingError):
        session_record(
            session,
            date=session.date,
            days=days,
            participants=participants,
            employees=employees,
            actor=None,
        )


def test_withdrawing_drops_planned_sessions_and_tells_the_expert():
    application = accepted()
    session_plan(application, date=datetime.date(2026, 12, 20), actor=None)
    application = application_withdraw(application, reason="Aikataulu ei sovi.")
    assert application.status == S.WITHDRAWN
    assert not application.sessions.exists()
    assert _mails("coaching_expert_withdrawn")[0].to == application.expert.email
    assert AuditEntry.objects.get(action="application.withdrawn").actor_label == "applicant"
    with pytest.raises(CoachingError):
        application_withdraw(application)


def test_closing_mails_the_share_link():
    application = application_close(realised(), actor=None)
    assert application.status == S.CLOSED
    assert "/ilmianna/?sparraus=" in _mails("coaching_closed")[0].body_text


def test_closing_before_realised_is_refused():
    with pytest.raises(CoachingError):
        application_close(accepted(), actor=None)
