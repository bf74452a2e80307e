from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the editor"))
    organisations = forms.ModelMultipleChoiceField(
        Organisation.objects.public().order_by("sort_key"),
        label=_("Organisations"),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="fi"
    )


class NewAccountForm(forms.Form):
    """The invited person's account: their name and a password of their own."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The passwords differ."))
        elif first:
            candidate = get_user_model()(
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class HandoverForm(forms.Form):
    contact = forms.TypedChoiceField(
        label=_("Whose details are handed over"), coerce=int, empty_value=None
    )
    name = forms.CharField(label=_("Colleague's name"), max_length=200)
    role = forms.CharField(label=_("Title or role"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    language = forms.ChoiceField(
        label=_("Language of the message to the colleague"),
        choices=settings.LANGUAGES,
        initial="fi",
    )

    def __init__(self, *args, deed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = [
            (contact.pk, contact.name) for contact in deed.contacts.all()
        ] + [(0, _("Add a new contact person"))]
        self.fields["contact"].widget = forms.RadioSelect(choices=self.fields["contact"].choices)
        self.deed = deed

    def clean_contact(self):
        value = self.cleaned_data["contact"]
        if not value:
            return None
        return self.deed.contacts.filter(pk=value).first()
