"""The anonymous feedback form behind a one-time link: one answer per link, forged and
closed links, no cookies, and nothing in the answer that points at the link or time."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from coaching.feedback import feedback_open
from coaching.models import FeedbackAnswer, FeedbackLink
from coaching.services import application_close

from .factories import open_round, realised
from .public_factories import feedback_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    open_round(budget=Decimal("40"))
    return feedback_open(realised(participants=3, employees=2))


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("", "Kuinka hyödyllinen sparraus oli"),
        ("/sv", "Hur nyttig var sparrningen"),
        ("/en", "How useful was the coaching"),
    ],
)
def test_the_form_in_each_language_sets_no_cookie(client, application, prefix, words):
    response = client.get(prefix + feedback_urls(application)[0])
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html
    # An accessible radio group: a fieldset with its legend, five scores.
    assert '<fieldset class="choices"' in html and '<legend class="field__label">' in html
    assert html.count('type="radio" name="score"') == 5
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_one_answer_per_link(client, application):
    url = feedback_urls(application)[0]
    response = client.post(url, {"score": "4", "text": "Hyvä\x00 päivä."})
    assert response.status_code == 303
    assert response["Location"] == url
    assert not response.cookies
    thanks = client.get(url)
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "Kiitos palautteestasi!" in html and 'name="score"' not in html
    again = client.post(url, {"score": "1", "text": "Toinen yritys"})
    assert again.status_code == 409
    assert 'name="score"' not in again.content.decode()
    answer = FeedbackAnswer.objects.get()
    assert (answer.score, answer.text) == (4, "Hyvä päivä.")
    # The other links still answer.
    assert client.post(feedback_urls(application)[1], {"score": "5"}).status_code == 303
    assert FeedbackAnswer.objects.count() == 2


def test_the_answer_holds_no_link_and_no_time(client, application):
    client.post(feedback_urls(application)[0], {"score": "5"})
    answer = FeedbackAnswer.objects.get()
    names = {field.name for field in FeedbackAnswer._meta.get_fields()}
    assert names == {"id", "application", "score", "text", "month"}
    assert answer.month.day == 1
    assert FeedbackLink.objects.filter(used=True).count() == 1


@pytest.mark.parametrize("score", ["", "0", "6", "5.0", "x", "99999999999999999999"])
def test_a_score_outside_1_to_5_is_a_form_error(client, application, score):
    url = feedback_urls(application)[0]
    response = client.post(url, {"score": score})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Valitse arvosana 1–5." in html and 'id="error-summary"' in html
    assert not FeedbackAnswer.objects.exists()
    assert not FeedbackLink.objects.filter(used=True).exists()


def test_overlong_text_is_a_form_error(client, application):
    response = client.post(feedback_urls(application)[0], {"score": "3", "text": "x" * 3001})
    assert response.status_code == 400
    assert not FeedbackAnswer.objects.exists()


@pytest.mark.parametrize("token", ["1.abc", "x", "99999999999999999999.abc", "1" * 30])
def test_a_forged_link_is_404(client, application, token):
    assert client.get(f"/sparraus/palaute/{token}/").status_code == 404
    assert client.post(f"/sparraus/palaute/{token}/", {"score": "5"}).status_code == 404
    assert not FeedbackAnswer.objects.exists()


def test_a_link_of_another_application_does_not_open_this_one(client, application):
    url = feedback_urls(application)[0]
    token = url.split("/")[-2]
    pk, _, signature = token.partition(".")
    other = FeedbackLink.objects.exclude(pk=int(pk)).first()
    assert client.get(f"/sparraus/palaute/{other.pk}.{signature}/").status_code == 404


def test_a_closed_application_collects_no_more_feedback(client, application):
    url = feedback_urls(application)[0]
    application_close(application, actor=None)
    page = client.get(url)
    assert page.status_code == 200
    assert "Palautetta ei enää kerätä" in page.content.decode()
    assert 'name="score"' not in page.content.decode()
    assert client.post(url, {"score": "5"}).status_code == 409
    assert not FeedbackAnswer.objects.exists()


def test_a_post_from_another_site_is_refused(client, application):
    url = feedback_urls(application)[0]
    response = client.post(url, {"score": "5"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not FeedbackAnswer.objects.exists()
    ours = client.post(url, {"score": "5"}, HTTP_ORIGIN="http://testserver")
    assert ours.status_code == 303


@pytest.mark.django_db(transaction=True)
def test_two_answers_at_once_on_one_link_store_one(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): several connections at once")
    from django.test import Client

    open_round(budget=Decimal("40"))
    application = feedback_open(realised(participants=2, employees=1))
    url = feedback_urls(application)[0]
    start = threading.Barrier(6)
    codes = []

    def answer(n):
        try:
            start.wait()
            codes.append(Client().post(url, {"score": str(1 + n % 5), "text": f"t{n}"}).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(codes) == [303, 409, 409, 409, 409, 409]
    assert FeedbackAnswer.objects.count() == 1
