"""Forms of coaching's working pages (coaching/staff_views.py, staff_setup.py).

They only check what was typed: the numbers' ranges, the lengths, the dates. The rules
of the states (what may happen to an application that is "received", the budget, who
took part) are the services' (coaching/services.py); their refusal comes back as the
form's error with the typed values kept.
"""

import re
from decimal import Decimal
from urllib.parse import urlsplit

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from deeds.images import clean_image_upload
from deeds.models import Deed

from .models import BOARD_ORDER, ApplicationStatus, CoachingTheme, Expert

# Past a working year's coaching no application needs more; the field's own limits
# (five digits, one decimal) still hold any typing mistake away from the database.
MAX_DAYS = Decimal("100")
MAX_PEOPLE = 10_000
TEXT = 5000
REASON = 2000


def _looks_like_pk(value):
    # Checked before any query: a number too large for the column raises OverflowError
    # on SQLite (and PostgreSQL refuses it) in an ``__in`` lookup, which Django's model
    # choice fields let through as a server error (as newsletter/staff_forms.py).
    text = str(value)
    return text.isascii() and text.isdecimal() and len(text) <= 9


class CheckedChoices(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not _looks_like_pk(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:20]},
                )
        return super()._check_values(value)


def _expert_label(expert):
    return f"{expert.name} ({expert.organisation_name})"


class ExpertChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _looks_like_pk(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)

    def label_from_instance(self, obj):
        return _expert_label(obj)


class ExpertsChoiceField(CheckedChoices):
    def label_from_instance(self, obj):
        return _expert_label(obj)


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _days_field(label, max_value=MAX_DAYS):
    return forms.DecimalField(
        label=label,
        max_digits=5,
        decimal_places=1,
        min_value=Decimal("0.5"),
        max_value=max_value,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )


# --- The board ---------------------------------------------------------------------


class BoardFilterForm(forms.Form):
    """The board's filters, read from the address (a GET form: works without JS)."""

    tila = forms.ChoiceField(label=_("State"), required=False)
    teema = forms.ModelChoiceField(
        label=_("Theme"), queryset=CoachingTheme.objects.all(), required=False, to_field_name="slug"
    )
    asiantuntija = ExpertChoiceField(
        label=pgettext_lazy("coaching", "Expert"), queryset=Expert.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ApplicationStatus.choices)
        self.fields["tila"].choices = [("", _("All states"))] + [
            (state, labels[state]) for state in BOARD_ORDER
        ]
        self.fields["teema"].empty_label = _("All themes")
        self.fields["asiantuntija"].empty_label = _("All experts")


# --- Staff's decisions -------------------------------------------------------------


class AcceptForm(forms.Form):
    days = _days_field(_("Days granted"))
    expert = ExpertChoiceField(label=pgettext_lazy("coaching", "Expert"), queryset=Expert.objects)
    override = forms.BooleanField(label=_("Grant past the round's budget"), required=False)
    reason = forms.CharField(
        label=_("Reason for going past the budget"),
        required=False,
        max_length=REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        round_ = application.round
        experts = round_.experts.all() if round_ is not None else Expert.objects.none()
        # The round's experts when the tender named them; otherwise anyone on the list.
        self.fields["expert"].queryset = experts if experts.exists() else Expert.objects.all()


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=REASON, widget=forms.Textarea(attrs={"rows": 3})
    )


class DeclineForm(ReasonForm):
    pass


class WithdrawForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = False


class ExpertChangeForm(forms.Form):
    expert = ExpertChoiceField(
        label=pgettext_lazy("coaching", "New expert"), queryset=Expert.objects.all()
    )


DEED_ADDRESS = re.compile(r"/(\d{1,18})(?:/|$)")


class DeedLinkForm(forms.Form):
    deed = forms.CharField(
        label=_("Deed: its number or address"),
        max_length=500,
        help_text=_("For example 123 or https://tekojentori.fi/teot/123/nimi/"),
    )

    def clean_deed(self):
        text = self.cleaned_data["deed"].strip()
        number = None
        if text.isascii() and text.isdecimal() and len(text) <= 18:
            number = int(text)
        else:
            match = DEED_ADDRESS.search(urlsplit(text).path if "://" in text else text)
            number = int(match.group(1)) if match else None
        deed = Deed.objects.published().filter(pk=number).first() if number else None
        if deed is None:
            raise forms.ValidationError(_("No published deed has that number or address."))
        return deed


# --- Sessions, messages, notes (staff and the assigned expert) -----------------------


class SessionPlanForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=date_input())


class SessionRecordForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=date_input())
    days = _days_field(_("Days used"), max_value=Decimal("5"))
    participants = forms.IntegerField(label=_("Participants"), min_value=1, max_value=MAX_PEOPLE)
    employees = forms.IntegerField(
        label=_("Of whom employees"),
        min_value=0,
        max_value=MAX_PEOPLE,
        help_text=_("Participants who are not supervisors."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("participants", "employees"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message to the applicant"),
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Private note"),
        max_length=TEXT,
        help_text=_("Seen only by the programme team and the assigned expert."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Rounds and experts ------------------------------------------------------------


class RoundForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    budget_days = forms.DecimalField(
        label=_("Budget (days)"),
        max_digits=5,
        decimal_places=1,
        min_value=Decimal("0"),
        max_value=Decimal("9999"),
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    opens_on = forms.DateField(label=_("Applications open"), widget=date_input())
    closes_on = forms.DateField(label=_("Applications close"), widget=date_input())
    experts = ExpertsChoiceField(
        label=_("The round's experts"),
        queryset=Expert.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        if round_ is not None:
            # The year names the round in addresses and the figures: fixed once made.
            self.fields["year"].disabled = True


class ExpertForm(forms.ModelForm):
    """The expert's details and public profile; saved by coaching/experts.py."""

    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)

    class Meta:
        model = Expert
        fields = [
            "name",
            "organisation_name",
            "email",
            "language",
            "themes",
            "bio_fi",
            "bio_sv",
            "bio_en",
            "photo",
            "photo_alt",
            "is_public",
        ]
        field_classes = {"themes": CheckedChoices}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "bio_fi": forms.Textarea(attrs={"rows": 4}),
            "bio_sv": forms.Textarea(attrs={"rows": 4}),
            "bio_en": forms.Textarea(attrs={"rows": 4}),
            "photo": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = CoachingTheme.objects.all()
        self.fields["themes"].required = False
        if not (self.instance.pk and self.instance.photo):
            del self.fields["remove_photo"]

    def clean_photo(self):
        upload = self.files.get(self.add_prefix("photo"))
        if upload is None:
            return None
        # By content, never by name: decoded, re-encoded without metadata (deeds/images.py).
        return clean_image_upload(upload)

    def clean(self):
        data = super().clean()
        has_photo = data.get("photo") or (
            self.instance.pk and self.instance.photo and not data.get("remove_photo")
        )
        if has_photo and not data.get("photo_alt", "").strip():
            self.add_error("photo_alt", _("Describe the photo for those who cannot see it."))
        return data

    def service_fields(self):
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in self.Meta.fields
            if name not in ("themes", "photo") and name in data
        }
        if data.get("photo"):
            fields["photo"] = data["photo"]
        elif data.get("remove_photo"):
            fields["photo"], fields["photo_alt"] = "", ""
        return fields


# --- The expert's invitation -------------------------------------------------------


class ExpertAccountForm(forms.Form):
    """The invited expert's new account: their name and a password of their own (as an
    organisation editor's, editors/forms.py; coaching sits below the editors' layer)."""

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
