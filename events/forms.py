"""The registration form and the registrant's own change form.

Text fields drop control characters (core/formguard.py); every limit is the model's,
so what passes the form fits the database.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.formguard import PlainTextField
from organisations.finder import find_organisations, organisation_named

from .models import Role

NAME_MAX = 200
NEEDS_MAX = 1000
CHOOSE_ORGANISATION = _(
    "Choose your organisation from the list, or tick “My organisation is not listed”."
)
TOO_LONG = _("Shorten this to at most %(limit_value)d characters (it has %(show_value)d now).")
CHOOSE_LISTED = _("Choose one of the options shown.")


class DetailsForm(forms.Form):
    """What a registrant may change later through their link."""

    name = PlainTextField(
        label=_("Your name"),
        max_length=NAME_MAX,
        error_messages={"required": _("Write your name.")},
    )
    organisation_name = PlainTextField(label=_("Organisation"), max_length=NAME_MAX, required=False)
    organisation_missing = forms.BooleanField(
        label=_("My organisation is not listed"), required=False
    )
    new_organisation_name = PlainTextField(
        label=_("Name of the organisation"), max_length=NAME_MAX, required=False
    )
    role = forms.ChoiceField(
        label=_("Your role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_("For the programme's figures: who takes part in its events."),
        error_messages={"required": _("Choose the role that fits you best.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language of the emails.")},
    )
    accessibility_needs = PlainTextField(
        label=_("Accessibility needs"),
        max_length=NEEDS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example an interpreter, a hearing loop or step-free access."),
    )
    diet = PlainTextField(
        label=_("Special diet"),
        max_length=NEEDS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("If refreshments are served."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.organisation = None
        if event.online:
            del self.fields["diet"]
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG
            if isinstance(field, forms.ChoiceField):
                field.error_messages["invalid_choice"] = CHOOSE_LISTED

    def clean(self):
        data = super().clean()
        if data.get("organisation_missing"):
            if not (data.get("new_organisation_name") or "").strip():
                self.add_error("new_organisation_name", _("Give the name of your organisation."))
            return data
        name = data.get("organisation_name") or ""
        self.organisation = organisation_named(name)
        if self.organisation is None and "organisation_name" not in self.errors:
            self.add_error(
                "organisation_name",
                CHOOSE_ORGANISATION if name.strip() else _("Tell which organisation you work for."),
            )
        return data

    def candidates(self):
        """Organisations like what was typed, when it matched none exactly."""
        if self.is_bound and "organisation_name" in self.errors:
            return find_organisations(self.data.get("organisation_name", ""), limit=8)
        return []

    def details(self):
        """The validated values as the services take them."""
        data = self.cleaned_data
        listed = not data.get("organisation_missing")
        details = {
            "name": data["name"].strip(),
            "organisation": self.organisation if listed else None,
            "organisation_name": "" if listed else " ".join(data["new_organisation_name"].split()),
            "role": data["role"],
            "language": data["language"],
            "accessibility_needs": data["accessibility_needs"].strip(),
        }
        if "diet" in self.fields:
            details["diet"] = data["diet"].strip()
        return details

    @classmethod
    def initial_from(cls, registration):
        organisation = registration.organisation
        return {
            "name": registration.name,
            "organisation_name": organisation.name_fi if organisation else "",
            "organisation_missing": organisation is None and bool(registration.organisation_name),
            "new_organisation_name": "" if organisation else registration.organisation_name,
            "role": registration.role,
            "language": registration.language,
            "accessibility_needs": registration.accessibility_needs,
            "diet": registration.diet,
        }


class RegistrationForm(DetailsForm):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_(
            "We send the confirmation and a link to see, change or cancel your registration "
            "to this address."
        ),
        error_messages={
            "required": _("Write your email address: the confirmation goes there."),
            "invalid": _("Write an email address such as name@kunta.fi."),
        },
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my registration is stored."),
        error_messages={
            "required": _("Tick the box: we cannot register you without storing your details.")
        },
    )
    # A field people never see; bots fill it in (core/formguard.py).
    tt_leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    field_order = [
        "name",
        "email",
        "organisation_name",
        "organisation_missing",
        "new_organisation_name",
        "role",
        "language",
        "accessibility_needs",
        "diet",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        self.fields["email"].error_messages["max_length"] = TOO_LONG

    def clean_email(self):
        return self.cleaned_data["email"].strip()
