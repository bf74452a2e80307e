"""Each static file has one source: collectstatic copies it once (issue 19)."""

from django.contrib.staticfiles import finders


def test_the_sites_own_static_files_are_found_in_one_place():
    assert len(finders.find("css/tori.css", find_all=True)) == 1
