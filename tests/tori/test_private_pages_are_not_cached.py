"""Pages for a signed-in person or opened by a secret link are never stored by a
browser or proxy cache (issue 19: no-store on staff, editor, draft and secret-link
pages)."""

import pytest

pytestmark = pytest.mark.django_db


def test_staff_pages_are_not_stored(admin_client):
    for path in ("/moderointi/", "/palaute/hallinta/", "/hallinta/", "/"):
        response = admin_client.get(path)
        assert response["Cache-Control"] == "no-store, private", path


def test_a_public_page_for_an_anonymous_visitor_keeps_its_own_caching(client):
    response = client.get("/api/v1/")
    assert "public" in response["Cache-Control"]


def test_a_secret_link_page_is_not_stored_and_sends_its_address_to_no_other_site(client):
    response = client.get("/ilmianna/seuraa/1.0000000000000000000000000000000000000000/")
    assert response["Cache-Control"] == "no-store, private"
    assert response["Referrer-Policy"] == "same-origin"
