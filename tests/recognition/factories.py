import datetime as dt
from zoneinfo import ZoneInfo

import factory

from recognition.models import Campaign


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Syyskampanja {2020 + n}")
    slug = factory.Sequence(lambda n: f"syyskampanja-{2020 + n}")
    starts_on = dt.date(2021, 9, 1)
    ends_on = dt.date(2021, 9, 30)


def gala_with_awards(deeds, *, year=2024, category_name="Vuoden teko", public=True):
    """A gala whose one category awards ``deeds``; each also shortlisted with notes.
    ``public``: its results were published at the gala (20.11. 18:00), else embargoed."""
    from recognition.awards import Award, AwardCategory, Gala, Shortlisting

    gala = Gala.objects.create(
        year=year,
        name=f"Tekojen tori -gaala {year}",
        date=dt.date(year, 11, 20),
        place="Helsinki",
        results_public_at=(
            dt.datetime(year, 11, 20, 18, tzinfo=ZoneInfo("Europe/Helsinki")) if public else None
        ),
    )
    category = AwardCategory.objects.create(
        gala=gala, name=category_name, name_sv="Årets insats", kind="special"
    )
    for deed in deeds:
        Shortlisting.objects.create(category=category, deed=deed, jury_notes="SALAINEN HUOMIO")
        Award.objects.create(category=category, deed=deed)
    return gala
