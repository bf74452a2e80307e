import factory

from feedback.models import Feedback, Topic


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    topic = Topic.ACCESSIBILITY
    message = "Kartan painikkeet eivät toimi näppäimistöllä."
    email = "palautteen.antaja@example.fi"
    language = "fi"


def form_values(**changes):
    values = {
        "topic": "accessibility",
        "message": "Tilastosivun kaavion teksti on puhelimella liian pientä.",
        "email": "palautteen.antaja@example.fi",
        "page": "/tilastot/",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}
