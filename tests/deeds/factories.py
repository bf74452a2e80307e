import datetime as dt

import factory
from django.utils import timezone

from deeds.models import Deed, DeedContact, DeedKind, DeedLink, DeedStatus
from tests.organisations.factories import OrganisationFactory

HELSINKI = dt.timezone(dt.timedelta(hours=2))


class DeedFactory(factory.django.DjangoModelFactory):
    """A published deed. Tags: DeedFactory(sectors=[...], themes=[...])."""

    class Meta:
        model = Deed
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kokeilu numero {n}")
    summary = "Lyhyt tiivistelmä siitä, mitä tehtiin ja miksi."
    description = "Kerroimme työstä."
    kind = DeedKind.IMPROVEMENT
    organisation = factory.SubFactory(OrganisationFactory)
    status = DeedStatus.PUBLISHED
    published_at = factory.Sequence(
        lambda n: timezone.make_aware(dt.datetime(2021, 1, 1, 12)) + dt.timedelta(days=n)
    )

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def subthemes(self, create, extracted, **kwargs):
        if create and extracted:
            self.subthemes.set(extracted)

    @factory.post_generation
    def customer_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.customer_groups.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


class DeedContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeedContact

    deed = factory.SubFactory(DeedFactory)
    name = "Maija Meikäläinen"
    role = "Kehittämispäällikkö"
    email = "maija.meikalainen@example.com"
    phone = "040 123 4567"
    publish_consent = True


class DeedLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeedLink

    deed = factory.SubFactory(DeedFactory)
    url = "https://example.com/lisatietoja"
    title = "Lisätietoja hankkeesta"


def image_bytes(width=640, height=480, image_format="PNG", exif=None, mode="RGB"):
    """An image file's bytes, made in memory."""
    import io

    from PIL import Image

    out = io.BytesIO()
    image = Image.new(mode, (width, height), 1 if mode == "1" else (30, 90, 160))
    options = {"exif": exif} if exif is not None else {}
    image.save(out, format=image_format, **options)
    return out.getvalue()
