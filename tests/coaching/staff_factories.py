"""People for the coaching staff pages' tests: staff, an expert with an account, an
ordinary signed-in user."""

import pytest

from accounts.models import User
from coaching.experts import expert_invitation_accept, expert_invite

from .factories import expert

_n = iter(range(1, 10**9))


def staff_member():
    return User.objects.create_user(
        email=f"sparraus{next(_n)}@example.fi", password="x", is_staff=True
    )


def expert_with_account(**fields):
    """An expert who accepted the invitation: their Expert row and their account."""
    coach = expert(**fields)
    expert_invite(coach, actor=None)
    coach.refresh_from_db()
    user = expert_invitation_accept(coach, password="Salasana-1234-pitka", first_name="Eeva")
    coach.refresh_from_db()
    return coach, user


@pytest.fixture
def staff(client):
    user = staff_member()
    client.force_login(user)
    return user
