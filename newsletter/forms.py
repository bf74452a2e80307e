"""The subscribe form (the newsletter page and, in short, every page's footer) and the
subscriber's own preferences form.

The topics are the deed list's own filters: sectors and themes in use, in their order,
and the regions by name. Every limit is the model's, so what passes fits the database.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from core.collation import finnish_sort_key
from organisations.models import Region
from taxonomy.models import Sector, Theme

EMAIL_MAX = 254  # Subscriber.email's (EmailField)
CHOOSE_LISTED = _("Choose one of the options shown.")
CHOOSE_SOMETHING = _("Choose the newsletter or at least one topic.")


class TopicField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, required=False, **kwargs)
        self.error_messages["invalid_choice"] = CHOOSE_LISTED
        self.error_messages["invalid_pk_value"] = CHOOSE_LISTED
        self.error_messages["invalid_list"] = CHOOSE_LISTED

    def label_from_instance(self, obj):
        return obj.name

    def _check_values(self, value):
        # Ids are short digit strings; anything else is refused before the database
        # sees it (SQLite cannot even compare an integer past 64 bits).
        for pk in value:
            if not (isinstance(pk, str) and pk.isascii() and pk.isdecimal() and len(pk) <= 9):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super()._check_values(value)


class ByName(ModelChoiceIterator):
    """The choices by name in the page's language (Finnish order: Å, Ä, Ö after Z),
    read when the form is drawn."""

    def __iter__(self):
        for obj in sorted(self.queryset, key=lambda obj: finnish_sort_key(obj.name)):
            yield self.choice(obj)


class RegionField(TopicField):
    iterator = ByName


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the language of the newsletter."),
            "invalid_choice": CHOOSE_LISTED,
        },
    )
    wants_newsletter = forms.BooleanField(
        label=_("The whole newsletter"),
        required=False,
        help_text=_(
            "The programme’s news, the week’s highlighted deeds, the running campaign and "
            "upcoming events."
        ),
    )
    sectors = TopicField(Sector.objects.active(), label=_("New deeds in these sectors"))
    themes = TopicField(Theme.objects.active(), label=_("New deeds in these themes"))
    regions = RegionField(Region.objects.all(), label=_("New deeds in these regions"))

    def clean(self):
        data = super().clean()
        topics = ("wants_newsletter", "sectors", "themes", "regions")
        if not self.errors and not any(data.get(name) for name in topics):
            # The service says the same (SubscriberError); here it stands at the choices.
            self.add_error("wants_newsletter", CHOOSE_SOMETHING)
        return data

    def topic_fields(self):
        return [self["sectors"], self["themes"], self["regions"]]

    def choices(self):
        """The validated choices as the services take them."""
        data = self.cleaned_data
        return {
            "language": data["language"],
            "wants_newsletter": data["wants_newsletter"],
            "sectors": list(data["sectors"]),
            "themes": list(data["themes"]),
            "regions": list(data["regions"]),
        }

    @classmethod
    def initial_from(cls, subscriber):
        return {
            "language": subscriber.language,
            "wants_newsletter": subscriber.wants_newsletter,
            "sectors": [s.pk for s in subscriber.sectors.all()],
            "themes": [t.pk for t in subscriber.themes.all()],
            "regions": [r.pk for r in subscriber.regions.all()],
        }


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a link to confirm the subscription to this address."),
        error_messages={
            "required": _("Write your email address: the confirmation goes there."),
            "invalid": _("Write an email address such as name@kunta.fi."),
            "max_length": _(
                "Shorten this to at most %(limit_value)d characters (it has %(show_value)d now)."
            ),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my address and choices are "
            "stored for sending the newsletter."
        ),
        error_messages={
            "required": _(
                "Tick the box: we cannot send the newsletter without storing your address."
            )
        },
    )
    # A field people never see; bots fill it in (core/formguard.py).
    tt_leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    field_order = ["email", "wants_newsletter", "sectors", "themes", "regions", "language"]

    def clean_email(self):
        return self.cleaned_data["email"].strip()
