"""Staff read feedback and mark it handled or unhandled; each change is audited."""

import pytest

from audit.models import AuditEntry
from feedback.models import Feedback

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db
STAFF_URL = "/palaute/hallinta/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        email="lukija@example.fi", password="x", is_staff=True
    )


def test_only_staff_see_the_list(client, django_user_model):
    FeedbackFactory()
    assert client.get(STAFF_URL).status_code == 302
    client.force_login(django_user_model.objects.create_user(email="e@example.fi", password="x"))
    assert client.get(STAFF_URL).status_code == 302
    assert client.post(f"{STAFF_URL}{Feedback.objects.get().pk}/").status_code == 302
    assert not Feedback.objects.get().is_handled


def test_staff_mark_feedback_handled_and_reopen_it(client, staff):
    open_one = FeedbackFactory(message="Avoin palaute")
    FeedbackFactory(message="Vanha palaute", handled_at="2026-11-01T10:00:00+02:00")
    client.force_login(staff)
    page = client.get(STAFF_URL).content.decode()
    assert "Avoin palaute" in page and "Vanha palaute" not in page
    assert "Käsittelemättä (1)" in page and "Käsitelty (1)" in page

    response = client.post(f"{STAFF_URL}{open_one.pk}/", {"action": "handled", "tila": "all"})
    assert response.status_code == 302
    assert response["Location"] == "/palaute/hallinta/?tila=all"
    open_one.refresh_from_db()
    assert open_one.is_handled and open_one.handled_by == staff
    assert "Palaute on merkitty käsitellyksi." in client.get(response["Location"]).content.decode()

    # A second click (another tab) changes nothing and says why.
    response = client.post(f"{STAFF_URL}{open_one.pk}/", {"action": "handled"}, follow=True)
    assert "jo merkitty käsitellyksi" in response.content.decode()

    client.post(f"{STAFF_URL}{open_one.pk}/", {"action": "reopen"})
    open_one.refresh_from_db()
    assert not open_one.is_handled and open_one.handled_by is None
    actions = list(
        AuditEntry.objects.for_object(open_one).order_by("pk").values_list("action", "actor")
    )
    assert actions == [("feedback.handled", staff.pk), ("feedback.reopened", staff.pk)]


def test_list_filters_and_odd_parameters(client, staff):
    FeedbackFactory(message="Käsitelty viesti", handled_at="2026-11-01T10:00:00+02:00")
    client.force_login(staff)
    assert "Käsitelty viesti" in client.get(STAFF_URL + "?tila=handled").content.decode()
    for query in ("?tila=%00", "?tila=x" * 500, "?sivu=-1", "?sivu=abc", "?sivu=99999"):
        assert client.get(STAFF_URL + query).status_code == 200
    assert client.post(f"{STAFF_URL}999999/").status_code == 404
    assert client.get(f"{STAFF_URL}1/").status_code == 405


def test_the_public_form_leaves_an_audit_entry_without_personal_data(client):
    from .factories import form_values
    from .helpers import post_feedback

    post_feedback(client, form_values())
    entry = AuditEntry.objects.for_object(Feedback.objects.get()).get()
    assert entry.action == "feedback.submitted"
    assert "palautteen.antaja" not in f"{entry.actor_label} {entry.data}"
