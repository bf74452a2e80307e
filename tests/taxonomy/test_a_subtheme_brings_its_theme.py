"""A subtheme narrows a theme, so a deed tagged with a subtheme is about its theme too:
one rule (taxonomy's ``themes_with_subthemes``), and every way of writing a deed's
tags -- the share form's publishing (``deed_apply``), the admin and the import -- adds
the missing theme instead of refusing it."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from deeds.models import Deed
from deeds.services import deed_apply
from taxonomy.models import Subtheme, Theme, themes_with_subthemes
from tests.deeds.factories import DeedFactory
from tests.deeds.test_admin import deed_form
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

CHOSEN = "luottamus"  # the theme chosen
SUBTHEME = "palvelumuotoilu"  # a subtheme of another theme


def expected_themes():
    return {CHOSEN, Subtheme.objects.get(slug=SUBTHEME).theme.slug}


def theme_slugs(deed):
    return set(deed.themes.values_list("slug", flat=True))


def test_the_chosen_themes_come_first_then_those_of_the_subthemes_once_each():
    chosen = Theme.objects.get(slug=CHOSEN)
    subthemes = list(Subtheme.objects.exclude(theme=chosen).order_by("pk")[:2])
    own = Subtheme.objects.filter(theme=chosen).first()
    implied = list(dict.fromkeys(s.theme_id for s in subthemes))
    assert themes_with_subthemes([chosen], [*subthemes, own, *subthemes]) == [chosen.pk, *implied]
    theme_of = Subtheme.objects.theme_of_each()
    pks = [s.pk for s in subthemes]
    assert themes_with_subthemes([chosen.pk], pks, theme_of=theme_of) == [chosen.pk, *implied]
    assert themes_with_subthemes([chosen.pk], []) == [chosen.pk]


def test_the_admin_adds_the_theme_of_a_chosen_subtheme(admin_client):
    deed = DeedFactory()
    data = deed_form(
        deed.organisation,
        themes=[Theme.objects.get(slug=CHOSEN).pk],
        subthemes=[Subtheme.objects.get(slug=SUBTHEME).pk],
    )
    response = admin_client.post(f"/hallinta/deeds/deed/{deed.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert theme_slugs(deed) == expected_themes()


def test_publishing_a_shared_deed_adds_the_theme_of_a_chosen_subtheme():
    deed = deed_apply(
        fields={"title": "Teko", "summary": "Tiivistelmä."},
        organisation=OrganisationFactory(),
        submitter_email="",
        themes=[Theme.objects.get(slug=CHOSEN)],
        subthemes=[Subtheme.objects.get(slug=SUBTHEME)],
    )
    assert theme_slugs(deed) == expected_themes()


def test_the_import_adds_the_theme_of_a_listed_subtheme(tmp_path):
    organisation = OrganisationFactory()
    line = {
        "title": "Tuotu teko",
        "summary": "Tiivistelmä.",
        "organisation": organisation.name_fi,
        "published_at": "2021-03-15",
        "themes": [CHOSEN],
        "subthemes": [SUBTHEME],
    }
    path = tmp_path / "deeds.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    call_command("import_deeds", str(path), stdout=StringIO())
    assert theme_slugs(Deed.objects.get(title="Tuotu teko")) == expected_themes()
