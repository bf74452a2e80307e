import factory

from organisations.models import Municipality, Organisation, OrganisationType, Region


def municipality(code):
    """Reference data is loaded by migrations, so tests look municipalities up by code."""
    return Municipality.objects.get(code=code)


def region(code):
    return Region.objects.get(code=code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fi = factory.Sequence(lambda n: f"Testilän kunta {n}")
    name_sv = factory.LazyAttribute(lambda o: o.name_fi.replace("kunta", "kommun"))
    type = OrganisationType.MUNICIPALITY
    municipality = factory.LazyFunction(lambda: municipality("425"))  # Liminka
