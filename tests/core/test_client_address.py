"""Behind a reverse proxy every request comes from the proxy's address: the visitor's own
is taken from X-Forwarded-For, through exactly TRUSTED_PROXY_COUNT proxies, for every
per-client limit and for the visitor analytics' daily hash."""

import pytest
from django.test import Client

from analytics.models import Hit
from tests.analytics.conftest import FIREFOX
from tests.editors.factories import UserFactory
from tests.feedback.factories import form_values as feedback_values
from tests.feedback.helpers import post_feedback
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values as share_values
from tests.submissions.helpers import post_form

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def visitor(forwarded_for, proxy=PROXY):
    """A browser whose requests reach us through the proxy, which appends what it saw."""
    return Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded_for, HTTP_USER_AGENT=FIREFOX)


def wrong_password(client, n=0):
    return client.post("/tili/kirjaudu/", {"username": f"arvaus{n}@example.fi", "password": "x"})


def test_behind_one_proxy_each_visitor_has_their_own_sign_in_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 2
    guesser = visitor("203.0.113.5")
    for n in range(2):
        wrong_password(guesser, n)
    assert wrong_password(guesser, 3).status_code == 429
    colleague = visitor("203.0.113.6")
    user = UserFactory()
    credentials = {"username": user.email, "password": "salasana-123"}
    response = colleague.post("/tili/kirjaudu/", credentials)
    assert response.status_code == 302


def test_behind_one_proxy_each_visitor_has_their_own_feedback_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_PER_HOUR = 1
    first, second = visitor("203.0.113.5"), visitor("203.0.113.6")
    assert post_feedback(first, feedback_values()).status_code == 302
    assert post_feedback(first, feedback_values()).status_code == 429
    assert post_feedback(second, feedback_values()).status_code == 302


def test_behind_one_proxy_each_visitor_has_their_own_share_form_limit(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SUBMISSION_RATE_PER_HOUR = 1
    organisation = OrganisationFactory()
    first, second = visitor("203.0.113.5"), visitor("203.0.113.6")
    assert post_form(first, share_values(organisation)).status_code == 302
    assert post_form(first, share_values(organisation)).status_code == 429
    assert post_form(second, share_values(organisation)).status_code == 302


def test_a_forged_forwarded_for_does_not_escape_the_limit(settings):
    # The proxy appends the address it saw; whatever the client wrote comes before it.
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 2
    statuses = [
        wrong_password(visitor(f"192.0.2.{n}, 203.0.113.5"), n).status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_two_proxies_take_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 1
    assert wrong_password(visitor("192.0.2.1, 203.0.113.5, 10.0.0.1")).status_code == 200
    assert wrong_password(visitor("192.0.2.2, 203.0.113.5, 10.0.0.3"), 1).status_code == 429
    assert wrong_password(visitor("192.0.2.2, 203.0.113.6, 10.0.0.3"), 2).status_code == 200


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.SIGN_IN_ATTEMPTS_PER_HOUR = 2
    statuses = [wrong_password(visitor(f"203.0.113.{n}"), n).status_code for n in range(3)]
    assert statuses == [200, 200, 429]


def test_behind_one_proxy_visitors_are_counted_apart(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for address in ("203.0.113.5", "203.0.113.6", "203.0.113.5"):
        assert visitor(address).get("/").status_code == 200
    first, second, again = Hit.objects.order_by("id").values_list("visitor", flat=True)
    assert first == again != second
