"""List pages answer htmx's swaps with a fragment and everything else, history
restoration included, with the whole page; no cache can mix the two up."""

import pytest

from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SWAP = {"HX-Request": "true", "HX-Current-URL": "http://testserver/teot/"}
# What htmx 2 sends when Back/Forward finds no copy of the page in its own cache
# (historyCacheSize 0); with historyRestoreAsHxRequest it also says HX-Request.
RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(name_fi="Limingan kunta")
    DeedFactory(title="Kotihoidon reittikokeilu", organisation=organisation)
    return organisation


def paths(organisation):
    return ["/teot/?sector=sosiaali-ja-terveys", organisation.get_absolute_url(), "/organisaatiot/"]


def test_history_restoration_gets_the_whole_page(client, organisation):
    for path in paths(organisation):
        for headers in (RESTORE, {"HX-History-Restore-Request": "true"}):
            html = client.get(path, headers=headers).content.decode()
            assert "<html" in html, path
            assert 'class="site-footer"' in html, path


def test_a_swap_gets_only_the_fragment(client, organisation):
    for path in paths(organisation):
        html = client.get(path, headers=SWAP).content.decode()
        assert "<html" not in html, path


def test_page_and_fragment_vary_on_the_htmx_headers_and_are_never_stored(client, organisation):
    for path in paths(organisation):
        for headers in ({}, SWAP, RESTORE):
            response = client.get(path, headers=headers)
            vary = {v.strip().lower() for v in response["Vary"].split(",")}
            assert {"hx-request", "hx-history-restore-request"} <= vary, path
            assert "no-store" in response["Cache-Control"], path


def test_filter_forms_are_not_refilled_by_the_browser(client, organisation):
    for path in paths(organisation):
        html = client.get(path).content.decode()
        assert 'method="get" action="' in html
        assert 'autocomplete="off"' in html.split('method="get" action="', 1)[1][:120], path
