import datetime as dt

import factory

from recognition.models import Campaign


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Syyskampanja {2020 + n}")
    slug = factory.Sequence(lambda n: f"syyskampanja-{2020 + n}")
    starts_on = dt.date(2021, 9, 1)
    ends_on = dt.date(2021, 9, 30)
