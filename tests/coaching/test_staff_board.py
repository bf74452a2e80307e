"""The board of applications: staff only, the round's budget in sight, columns by
state and filters that work from the address."""

from decimal import Decimal

import pytest

from accounts.models import User
from coaching.models import CoachingTheme
from coaching.services import application_assess, application_decline
from tests.organisations.factories import OrganisationFactory

from .factories import accepted, expert, open_round, sent
from .staff_factories import expert_with_account, staff  # noqa: F401

pytestmark = pytest.mark.django_db
BOARD = "/sparraus/hallinta/"


@pytest.fixture
def round_(db):
    return open_round(budget=Decimal("50"))


def test_anonymous_is_sent_to_sign_in(client, round_):
    response = client.get(BOARD)
    assert response.status_code == 302
    assert response["Location"] == "/tili/kirjaudu/?next=/sparraus/hallinta/"


def test_signed_in_non_staff_and_experts_are_refused(client, round_):
    client.force_login(User.objects.create_user(email="tavallinen@example.fi", password="x"))
    assert client.get(BOARD).status_code == 403
    _coach, user = expert_with_account()
    client.force_login(user)
    assert client.get(BOARD).status_code == 403


def test_board_shows_budget_and_columns_by_state(client, staff, round_):  # noqa: F811
    coach = expert(name="Kaisa Valmentaja")
    accepted(days=Decimal("3"), coach=coach, organisation=OrganisationFactory(name_fi="Pikkusote"))
    waiting = sent(organisation=OrganisationFactory(name_fi="Isokaupunki"))
    application_assess(waiting, actor=None)
    gone = sent()
    application_decline(gone, reason="Ei sovi ohjelmaan.", actor=None)
    response = client.get(BOARD)
    assert response.status_code == 200
    text = response.content.decode()
    assert "<strong>3</strong> / 50" in text
    board = response.context["columns"]
    by_state = {state: items for state, _label, items in board}
    assert [a.organisation_label for a in by_state["accepted"]] == ["Pikkusote"]
    assert [a.organisation_label for a in by_state["assessing"]] == ["Isokaupunki"]
    assert len(by_state["declined"]) == 1
    assert "Kaisa Valmentaja" in text
    assert response.context["figures"]["granted"] == Decimal("3")
    assert response.context["figures"]["room"] == Decimal("47")


def test_filters_by_state_theme_and_expert_without_js(client, staff, round_):  # noqa: F811
    first, second = CoachingTheme.objects.all()[:2]
    coach = expert()
    accepted(coach=coach, themes=[first])
    sent(themes=[second])
    response = client.get(BOARD, {"tila": "accepted"})
    assert [state for state, _l, _i in response.context["columns"]] == ["accepted"]
    response = client.get(BOARD, {"teema": second.slug})
    assert response.context["shown"] == 1
    response = client.get(BOARD, {"asiantuntija": coach.pk})
    assert response.context["shown"] == 1
    # Nonsense in the address is an error on the form, never a crash.
    for hostile in ({"asiantuntija": str(2**64)}, {"tila": "<script>"}, {"teema": "x" * 5000}):
        response = client.get(BOARD, hostile)
        assert response.status_code == 200
        assert response.context["shown"] == 2


def test_year_chooses_the_round(client, staff, round_):  # noqa: F811
    sent()
    response = client.get(BOARD, {"vuosi": str(round_.year - 1)})
    assert response.context["round"] == round_
    response = client.get(BOARD, {"vuosi": "99999999999999999999999"})
    assert response.status_code == 200


def test_board_without_rounds_offers_to_create_one(client, staff):  # noqa: F811
    response = client.get(BOARD)
    assert response.status_code == 200
    assert "/sparraus/hallinta/kierrokset/uusi/" in response.content.decode()
