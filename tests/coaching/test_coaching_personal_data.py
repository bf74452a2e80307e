"""Coaching's personal data through the privacy contract (coaching/privacy.py), as the
commands run it: `personal_data export|erase` and the daily `prune`; and the privacy
notice's matching retention."""

import datetime as dt
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from coaching.feedback import feedback_answer, feedback_open, links_of
from coaching.figures import coaching_figures
from coaching.models import Application, Message, Note
from coaching.models import ApplicationStatus as S
from coaching.services import (
    application_by_token,
    application_close,
    application_decline,
    application_token,
    message_send,
    note_add,
)
from coaching.sharing import application_by_share_token, share_token
from tests.tori.test_erasure_leaves_nothing import whole_database

from .factories import accepted, draft, expert, open_round, realised, sent

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
ADDRESS = "Kaisa.Qvistbacka@Esimerkki.fi"
START = dt.datetime(2031, 4, 1, 10, tzinfo=HELSINKI)


def export(address):
    out = StringIO()
    call_command("personal_data", "export", address, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def history(staff_user):
    """The person's closed coaching (with messages, a note and feedback), their
    application under way, and someone else's."""
    with time_machine.travel(START, tick=False):
        open_round(year=2031, experts=[expert()])
        done = realised(
            contact_email=ADDRESS,
            contact_name="Kaisa Qvistbacka",
            contact_phone="040 765 4321",
            goals="Kaisan tiimin palaverikäytännöt",
        )
        message_send(done, author="staff", body="Montako osallistujaa?", user=staff_user)
        message_send(done, author="applicant", body="Noin kymmenen, terveisin Kaisa")
        note_add(done, body="Kaisa on innostunut.", user=staff_user)
        done = feedback_open(done)
        for _n, token, _used in links_of(done)[:2]:
            feedback_answer(token, score=5, text="Hyvä!")
        done = application_close(done, actor=staff_user)
        under_way = accepted(contact_email=ADDRESS.lower(), contact_name="Kaisa Q.")
        other = sent(contact_email="joku.muu@example.fi", contact_name="Joku Muu")
    return done, under_way, other


def test_export_lists_the_applications_and_messages_of_the_address(history):
    done, under_way, _other = history
    exported = export(ADDRESS.upper())
    applications = exported["coaching_applications"]
    assert sorted(a["contact_name"] for a in applications) == ["Kaisa Q.", "Kaisa Qvistbacka"]
    closed = next(a for a in applications if a["status"] == S.CLOSED)
    assert closed["contact_phone"] == "040 765 4321" and closed["round"] == 2031
    assert closed["goals"] == "Kaisan tiimin palaverikäytännöt"
    assert [(m["from"], m["body"]) for m in closed["messages"]] == [
        ("staff", "Montako osallistujaa?"),
        ("applicant", "Noin kymmenen, terveisin Kaisa"),
    ]
    assert "Joku Muu" not in json.dumps(exported)
    # Notes are the staff's and the expert's, and feedback is nobody's: not exported.
    assert "innostunut" not in json.dumps(exported) and "Hyvä!" not in json.dumps(exported)


def test_erasure_anonymises_and_keeps_the_figures(history):
    done, under_way, other = history
    follow, share = application_token(done), share_token(done)
    assert application_by_token(follow) == done and application_by_share_token(share) == done
    before = coaching_figures(2031)
    out = StringIO()
    with time_machine.travel(START + dt.timedelta(days=1), tick=False):
        call_command("personal_data", "erase", ADDRESS, "--yes", stdout=out)
    assert "coaching_applications 2" in out.getvalue()
    done.refresh_from_db()
    assert (done.contact_name, done.contact_email, done.contact_phone, done.contact_role) == (
        "",
        "",
        "",
        "",
    )
    assert done.goals == "" and done.anonymised_at is not None and done.status == S.CLOSED
    assert not Message.objects.filter(application=done).exists()
    assert not Note.objects.filter(application=done).exists()
    # The links stop working, even one made again from what is left.
    assert application_by_token(follow) is None and application_by_share_token(share) is None
    assert application_by_token(application_token(done)) is None
    assert application_by_share_token(share_token(done)) is None
    # The application under way is withdrawn first, so the budget sees it.
    under_way.refresh_from_db()
    assert under_way.status == S.WITHDRAWN and under_way.contact_email == ""
    after = coaching_figures(2031)
    assert after == {**before, "days_granted": before["days_granted"] - 2}
    assert (after["participants"], after["feedback_count"], after["feedback_mean"]) == (10, 2, 5.0)
    other.refresh_from_db()
    assert other.contact_name == "Joku Muu"
    assert export(ADDRESS)["coaching_applications"] == []
    # Nothing of the person is left anywhere in the database.
    found = {
        table: text
        for table, text in whole_database().items()
        if "qvistbacka" in text.lower() or "765 4321" in text
    }
    assert found == {}


def test_prune_anonymises_ended_applications_after_the_retention(history, settings):
    settings.COACHING_ANONYMISE_DAYS = 30
    settings.COACHING_DRAFT_DAYS = 10
    done, under_way, other = history
    with time_machine.travel(START, tick=False):
        old_draft = draft(contact_email="luonnos@example.fi")
        declined = application_decline(other, reason="Ei nyt.", actor=None)
    with time_machine.travel(START + dt.timedelta(days=9), tick=False):
        call_command("prune")
    assert Application.objects.filter(pk=old_draft.pk).exists()
    with time_machine.travel(START + dt.timedelta(days=11), tick=False):
        call_command("prune")
    assert not Application.objects.filter(pk=old_draft.pk).exists()
    with time_machine.travel(START + dt.timedelta(days=29), tick=False):
        call_command("prune")
    done.refresh_from_db()
    assert done.contact_email == ADDRESS and done.anonymised_at is None
    before = coaching_figures(2031)
    with time_machine.travel(START + dt.timedelta(days=31), tick=False):
        call_command("prune")
    for application in (done, declined):
        application.refresh_from_db()
        assert application.anonymised_at is not None and application.contact_email == ""
    assert not Message.objects.filter(application=done).exists()
    # An application under way keeps its contact, however old.
    under_way.refresh_from_db()
    assert under_way.contact_email == ADDRESS.lower() and under_way.status == S.ACCEPTED
    assert coaching_figures(2031) == before


def test_the_privacy_notice_states_the_same_days(client, settings):
    settings.COACHING_ANONYMISE_DAYS = 45
    settings.COACHING_DRAFT_DAYS = 12
    page = client.get("/en/tietosuoja/").content.decode()
    assert "Applying for coaching" in page
    assert "45 days after the application ends" in page
    assert "never sent is deleted after 12 days" in page
