"""Every transition of an application through the staff pages' POST forms: the
service runs, a message tells it, and a refusal keeps what was typed (status 400)."""

import datetime
from decimal import Decimal

import pytest

from accounts.models import User
from audit.models import AuditEntry
from coaching.models import Application, Note, Session
from coaching.models import ApplicationStatus as S
from coaching.services import application_assess, note_add, session_plan, session_record
from core import clock
from deeds.models import DeedStatus
from tests.deeds.factories import DeedFactory

from .factories import accepted, expert, open_round, realised, sent
from .staff_factories import staff  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def coach():
    return expert(name="Kaisa Valmentaja")


@pytest.fixture
def round_(coach):
    return open_round(budget=Decimal("10"), experts=[coach])


def url(application, action=""):
    return f"/sparraus/hallinta/{application.pk}/{action}"


def status(application):
    return Application.objects.get(pk=application.pk).status


def test_the_page_shows_every_detail_and_the_history(client, staff, round_, coach):  # noqa: F811
    application = accepted(coach=coach, goals="Haluamme oppia palautteen antamista.")
    response = client.get(url(application))
    assert response.status_code == 200
    text = response.content.decode()
    for expected in (
        application.contact_name,
        application.contact_email,
        application.contact_phone,
        "Haluamme oppia palautteen antamista.",
        "Kaisa Valmentaja",
        application.organisation_label,
        # The organisation's whole history with the programme, one click away.
        f'href="/organisaatiot/{application.organisation.slug}/hallinta/"',
    ):
        assert expected in text
    actions = [entry.action for entry in response.context["history"]]
    assert actions == ["application.submitted", "application.accepted"]
    assert set(response.context["forms"]) >= {"withdraw", "expert", "plan", "message", "note"}
    assert "accept" not in response.context["forms"]


def test_assess_then_accept_within_the_budget(client, staff, round_, coach):  # noqa: F811
    application = sent()
    response = client.post(url(application, "arvioi/"))
    assert response.status_code == 302
    assert status(application) == S.ASSESSING
    response = client.post(
        url(application, "hyvaksy/"), {"accept-days": "4", "accept-expert": coach.pk}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.ACCEPTED
    assert application.days_granted == Decimal("4")
    assert application.expert == coach
    assert not application.budget_override
    page = client.get(response["Location"])
    assert "<strong>4</strong> / 10" in page.content.decode()


def test_accept_past_the_budget_needs_the_override_and_a_reason(
    client,
    staff,  # noqa: F811
    round_,
    coach,
):
    application = sent(days_requested=Decimal("12"))
    data = {"accept-days": "12", "accept-expert": coach.pk}
    response = client.post(url(application, "hyvaksy/"), data)
    assert response.status_code == 400
    assert status(application) == S.RECEIVED
    text = response.content.decode()
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "10" in errors[0]  # the days left and the budget
    assert errors[0] in response.context["forms"]["accept"].non_field_errors()
    # What was typed stays in the form, and the override is offered.
    assert response.context["forms"]["accept"]["days"].value() == "12"
    assert 'name="accept-override"' in text
    response = client.post(url(application, "hyvaksy/"), {**data, "accept-override": "on"})
    assert response.status_code == 400
    assert status(application) == S.RECEIVED
    response = client.post(
        url(application, "hyvaksy/"),
        {**data, "accept-override": "on", "accept-reason": "Hallitus päätti lisätä."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.budget_override
    entry = AuditEntry.objects.get(action="application.accepted")
    assert entry.reason == "Hallitus päätti lisätä."
    assert entry.data["over_budget"] is True
    board = client.get("/sparraus/hallinta/")
    assert board.context["figures"]["over"]


@pytest.mark.parametrize(
    "days",
    ["-1", "0", "0.4", "100.5", "99999999999999999999", "1e5", "NaN", "Infinity", "", "kaksi"],
)
def test_accept_refuses_hostile_numbers(client, staff, round_, coach, days):  # noqa: F811
    application = sent()
    response = client.post(
        url(application, "hyvaksy/"), {"accept-days": days, "accept-expert": coach.pk}
    )
    assert response.status_code == 400
    assert status(application) == S.RECEIVED


@pytest.mark.parametrize("expert_id", [str(2**63), str(2**64), "-1", "abc", "0"])
def test_accept_refuses_unknown_experts(client, staff, round_, expert_id):  # noqa: F811
    application = sent()
    response = client.post(
        url(application, "hyvaksy/"), {"accept-days": "1", "accept-expert": expert_id}
    )
    assert response.status_code == 400
    assert status(application) == S.RECEIVED


def test_the_expert_is_chosen_from_the_rounds_experts(client, staff, round_):  # noqa: F811
    outsider = expert(name="Ulkopuolinen")
    application = sent()
    response = client.post(
        url(application, "hyvaksy/"), {"accept-days": "1", "accept-expert": outsider.pk}
    )
    assert response.status_code == 400
    assert "Ulkopuolinen" not in response.content.decode()


def test_decline_needs_a_reason_and_keeps_it(client, staff, round_):  # noqa: F811
    application = sent()
    response = client.post(url(application, "hylkaa/"), {"decline-reason": "   "})
    assert response.status_code == 400
    assert status(application) == S.RECEIVED
    response = client.post(url(application, "hylkaa/"), {"decline-reason": "x" * 2001})
    assert response.status_code == 400
    assert "x" * 2001 in response.content.decode()
    response = client.post(url(application, "hylkaa/"), {"decline-reason": "Ei tänä vuonna."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.DECLINED
    assert application.decline_reason == "Ei tänä vuonna."


def test_a_refused_transition_in_the_wrong_state(client, staff, round_, coach):  # noqa: F811
    application = accepted(coach=coach)
    response = client.post(url(application, "arvioi/"), follow=True)
    assert status(application) == S.ACCEPTED
    assert any(m.level_tag == "error" for m in response.context["messages"])
    response = client.post(url(application, "hylkaa/"), {"decline-reason": "Myöhässä."})
    assert response.status_code == 400
    assert status(application) == S.ACCEPTED
    assert "Myöhässä." in response.content.decode()
    response = client.post(url(application, "sulje/"), follow=True)
    assert status(application) == S.ACCEPTED
    response = client.post(url(application, "toteutunut/"), follow=True)
    assert status(application) == S.ACCEPTED


def test_withdraw_with_a_reason(client, staff, round_, coach):  # noqa: F811
    application = accepted(coach=coach)
    response = client.post(url(application, "peru/"), {"withdraw-reason": "Organisaatio perui."})
    assert response.status_code == 302
    assert status(application) == S.WITHDRAWN
    assert AuditEntry.objects.get(action="application.withdrawn").reason == "Organisaatio perui."


def test_change_the_expert(client, staff, round_, coach):  # noqa: F811
    application = accepted(coach=coach)
    other = expert(name="Toinen Valmentaja")
    response = client.post(url(application, "asiantuntija/"), {"expert-expert": coach.pk})
    assert response.status_code == 400
    response = client.post(url(application, "asiantuntija/"), {"expert-expert": other.pk})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.expert == other


def test_sessions_from_planning_to_realised_closed(client, staff, round_, coach):  # noqa: F811
    application = accepted(coach=coach)
    day = clock.now().date() - datetime.timedelta(days=5)
    response = client.post(url(application, "tapaamiset/"), {"plan-date": day.isoformat()})
    assert response.status_code == 302
    assert status(application) == S.SCHEDULED
    client.post(url(application, "tapaamiset/"), {"plan-date": day.isoformat()})
    first, second = Session.objects.filter(application=application)
    # Realising with a planned session left is refused.
    client.post(url(application, f"tapaamiset/{first.pk}/kirjaa/"), _record(first, day))
    response = client.post(url(application, "toteutunut/"), follow=True)
    assert status(application) == S.SCHEDULED
    assert any(m.level_tag == "error" for m in response.context["messages"])
    response = client.post(url(application, f"tapaamiset/{second.pk}/poista/"))
    assert response.status_code == 302
    assert not Session.objects.filter(pk=second.pk).exists()
    response = client.post(url(application, "toteutunut/"))
    assert status(application) == S.REALISED
    page = client.get(url(application))
    assert page.context["group"]["participants"] == 9
    response = client.post(url(application, "avaa-palaute/"))
    assert status(application) == S.FEEDBACK
    assert Application.objects.get(pk=application.pk).feedback_links.count() == 9
    response = client.post(url(application, "sulje/"))
    assert status(application) == S.CLOSED


def _record(session, day, **overrides):
    prefix = f"session-{session.pk}"
    values = {"date": day.isoformat(), "days": "1", "participants": "9", "employees": "7"}
    values.update(overrides)
    return {f"{prefix}-{k}": v for k, v in values.items()}


@pytest.mark.parametrize(
    "overrides",
    [
        {"date": "31.2.2026"},
        {"date": "2026-13-01"},
        {"date": "x" * 300},
        {"days": "-1"},
        {"days": "6"},
        {"days": "1e9"},
        {"participants": "0"},
        {"participants": str(2**63)},
        {"employees": "-1"},
        {"employees": "10"},  # more than the participants: the service refuses
    ],
)
def test_recording_refuses_hostile_values(client, staff, round_, coach, overrides):  # noqa: F811
    application = accepted(coach=coach)
    day = clock.now().date()
    session = session_plan(application, date=day, actor=None)
    response = client.post(
        url(application, f"tapaamiset/{session.pk}/kirjaa/"), _record(session, day, **overrides)
    )
    assert response.status_code == 400
    session.refresh_from_db()
    assert not session.held
    # The typed values are kept in the session's form.
    shown = next(s for s in response.context["sessions"] if s.pk == session.pk)
    key = next(iter(overrides))
    assert shown.form[key].value() == overrides[key]


def test_a_session_of_another_application_is_not_found(client, staff, round_, coach):  # noqa: F811
    mine, theirs = accepted(coach=coach), accepted(coach=coach)
    day = clock.now().date()
    session = session_plan(theirs, date=day, actor=None)
    response = client.post(url(mine, f"tapaamiset/{session.pk}/kirjaa/"), _record(session, day))
    assert response.status_code == 404
    response = client.post(url(mine, f"tapaamiset/{2**64}/poista/"))
    assert response.status_code == 404


def test_a_held_session_cannot_be_removed(client, staff, round_, coach):  # noqa: F811
    application = accepted(coach=coach)
    day = clock.now().date()
    session = session_plan(application, date=day, actor=None)
    session_record(session, date=day, days=Decimal("1"), participants=3, employees=2, actor=None)
    response = client.post(url(application, f"tapaamiset/{session.pk}/poista/"), follow=True)
    assert Session.objects.filter(pk=session.pk).exists()
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_messages_and_notes(client, staff, round_, coach):  # noqa: F811
    application = sent()
    response = client.post(url(application, "viesti/"), {"message-body": "Montako ryhmää?"})
    assert response.status_code == 302
    message = application.messages.get()
    assert message.author == "staff"
    response = client.post(url(application, "viesti/"), {"message-body": "y" * 5001})
    assert response.status_code == 400
    response = client.post(url(application, "muistiinpano/"), {"note-body": "Soitettu."})
    assert response.status_code == 302
    assert Note.objects.get().body == "Soitettu."
    response = client.post(url(application, "muistiinpano/"), {"note-body": "  "})
    assert response.status_code == 400
    page = client.get(url(application)).content.decode()
    assert "Montako ryhmää?" in page and "Soitettu." in page


def test_link_a_published_deed_by_number_or_address(client, staff, round_, coach):  # noqa: F811
    application = realised(coach=coach)
    deed = DeedFactory(status=DeedStatus.PUBLISHED)
    hidden = DeedFactory(status=DeedStatus.DRAFT)
    response = client.post(url(application, "teko/"), {"deed-deed": str(hidden.pk)})
    assert response.status_code == 400
    response = client.post(url(application, "teko/"), {"deed-deed": str(2**70)})
    assert response.status_code == 400
    response = client.post(
        url(application, "teko/"),
        {"deed-deed": f"https://tekojentori.fi{deed.get_absolute_url()}"},
    )
    assert response.status_code == 302
    assert list(application.deeds.all()) == [deed]
    response = client.post(url(application, "teko/"), {"deed-deed": str(deed.pk)})
    assert response.status_code == 302
    assert application.deeds.count() == 1


def test_get_is_not_an_action_and_unknown_ids_are_404(client, staff, round_):  # noqa: F811
    application = sent()
    assert client.get(url(application, "arvioi/")).status_code == 405
    assert status(application) == S.RECEIVED
    assert client.get(f"/sparraus/hallinta/{2**63}/").status_code == 404
    assert client.post(f"/sparraus/hallinta/{2**64}/arvioi/").status_code == 404


def test_drafts_are_not_shown(client, staff, round_):  # noqa: F811
    from .factories import draft

    assert client.get(url(draft())).status_code == 404


def test_assessing_is_refused_twice(client, staff, round_):  # noqa: F811
    application = sent()
    application_assess(application, actor=None)
    response = client.post(url(application, "arvioi/"), follow=True)
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_a_note_whose_writer_left_and_no_preferred_expert(client, staff, round_):  # noqa: F811
    application = sent(preferred_expert=None)
    gone = User.objects.create_user(email="lahtenyt@example.fi", password="x", is_staff=True)
    note_add(application, body="Vanha huomio", user=gone)
    note_add(application, body="Järjestelmän huomio", user=None)
    gone.delete()
    response = client.get(url(application))
    assert response.status_code == 200
    assert "Vanha huomio" in response.content.decode()
