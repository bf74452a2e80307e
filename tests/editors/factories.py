import factory

from accounts.models import User
from editors.models import Editorship
from tests.organisations.factories import OrganisationFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"henkilo{n}@example.fi")
    password = factory.PostGenerationMethodCall("set_password", "salasana-123")

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class EditorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Editorship

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)


def editor_of(organisation, **user_fields):
    return EditorshipFactory(organisation=organisation, user=UserFactory(**user_fields)).user
