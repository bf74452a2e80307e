"""An expert signs in and sees only the applications assigned to them: their own are
theirs to plan, record, realise, message and note; anything else is 404, and the
programme team's decisions are refused."""

import datetime
from decimal import Decimal

import pytest

from accounts.models import User
from coaching.models import Application, Session
from coaching.models import ApplicationStatus as S
from coaching.services import session_plan
from core import clock

from .factories import accepted, open_round, sent
from .staff_factories import expert_with_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine():
    coach, user = expert_with_account(name="Eeva Asiantuntija")
    open_round(budget=Decimal("20"), experts=[coach])
    return coach, user


def url(application, action=""):
    return f"/sparraus/hallinta/{application.pk}/{action}"


def test_the_expert_sees_only_their_own(client, mine):
    coach, user = mine
    own = accepted(coach=coach)
    other = accepted()
    unassigned = sent()
    client.force_login(user)
    page = client.get(url(own))
    assert page.status_code == 200
    # The organisation's record is the programme team's: the expert gets no link to it.
    assert f"/organisaatiot/{own.organisation.slug}/hallinta/" not in page.content.decode()
    assert client.get(url(other)).status_code == 404
    assert client.get(url(unassigned)).status_code == 404
    home = client.get("/sparraus/hallinta/omat/")
    assert home.status_code == 200
    shown = [a.pk for _s, _l, items in home.context["groups"] for a in items]
    assert shown == [own.pk]
    # The account bar leads there.
    assert 'href="/sparraus/hallinta/omat/"' in home.content.decode()
    assert 'href="/sparraus/hallinta/"' not in home.content.decode()


def test_the_expert_records_the_coaching(client, mine):
    coach, user = mine
    own = accepted(coach=coach)
    client.force_login(user)
    page = client.get(url(own))
    assert set(page.context["forms"]) == {"plan", "message", "note"}
    day = clock.now().date() - datetime.timedelta(days=1)
    assert client.post(url(own, "tapaamiset/"), {"plan-date": day.isoformat()}).status_code == 302
    session = Session.objects.get(application=own)
    data = {
        f"session-{session.pk}-date": day.isoformat(),
        f"session-{session.pk}-days": "1.5",
        f"session-{session.pk}-participants": "12",
        f"session-{session.pk}-employees": "10",
    }
    assert client.post(url(own, f"tapaamiset/{session.pk}/kirjaa/"), data).status_code == 302
    assert client.post(url(own, "toteutunut/")).status_code == 302
    assert Application.objects.get(pk=own.pk).status == S.REALISED
    client.post(url(own, "viesti/"), {"message-body": "Kiitos tapaamisesta!"})
    assert own.messages.get().author == "expert"
    client.post(url(own, "muistiinpano/"), {"note-body": "Ryhmä oli innostunut."})
    assert own.notes.get().author_user == user


def test_staff_only_actions_are_refused_to_the_expert(client, mine):
    coach, user = mine
    own = accepted(coach=coach)
    client.force_login(user)
    for action, data in [
        ("arvioi/", {}),
        ("hyvaksy/", {"accept-days": "1", "accept-expert": coach.pk}),
        ("hylkaa/", {"decline-reason": "Ei."}),
        ("peru/", {"withdraw-reason": "Ei."}),
        ("asiantuntija/", {"expert-expert": coach.pk}),
        ("avaa-palaute/", {}),
        ("sulje/", {}),
        ("teko/", {"deed-deed": "1"}),
    ]:
        assert client.post(url(own, action), data).status_code == 403, action
    assert Application.objects.get(pk=own.pk).status == S.ACCEPTED
    for page in ("", "kierrokset/", "asiantuntijat/", "palaute/", "hakemukset.csv"):
        assert client.get(f"/sparraus/hallinta/{page}").status_code == 403, page


def test_the_expert_cannot_act_on_anothers_application(client, mine):
    _coach, user = mine
    other = accepted()
    day = clock.now().date()
    session = session_plan(other, date=day, actor=None)
    client.force_login(user)
    assert client.post(url(other, "tapaamiset/"), {"plan-date": day.isoformat()}).status_code == 404
    assert client.post(url(other, f"tapaamiset/{session.pk}/poista/")).status_code == 404
    assert client.post(url(other, "viesti/"), {"message-body": "Hei"}).status_code == 404
    assert client.post(url(other, "muistiinpano/"), {"note-body": "Hei"}).status_code == 404
    assert client.post(url(other, "toteutunut/")).status_code == 404
    assert Session.objects.filter(pk=session.pk).exists()
    assert not other.messages.exists() and not other.notes.exists()


def test_others_are_not_experts(client, mine):
    coach, _user = mine
    own = accepted(coach=coach)
    assert client.get(url(own)).status_code == 302  # the sign-in page
    assert client.get("/sparraus/hallinta/omat/").status_code == 302
    client.force_login(User.objects.create_user(email="muu@example.fi", password="x"))
    assert client.get(url(own)).status_code == 404
    assert client.post(url(own, "muistiinpano/"), {"note-body": "x"}).status_code == 404
    assert client.get("/sparraus/hallinta/omat/").status_code == 403
