"""The public coaching forms: the application (saved as a draft on every press, like
the share form), the applicant's message and withdrawal, and anonymous feedback.

Text fields drop control characters (core/formguard.py) and every limit is the model's,
so what passes the form fits the database. Ids in choices are checked to be plain
numbers before any query: ``99999999999999999999`` would otherwise reach the database
driver and raise OverflowError (a 500) instead of a form error.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.formguard import PlainTextField
from organisations.finder import find_organisations, organisation_named

from .models import CoachingTheme, Expert, Round

TOO_LONG = _("Shorten this to at most %(limit_value)d characters (it has %(show_value)d now).")
CHOOSE_LISTED = _("Choose one of the options shown.")
CHOOSE_ORGANISATION = _(
    "Choose your organisation from the list, or tick “My organisation is not listed”."
)
GROUP_MAX = 10_000
# A text box with the numeric keyboard rather than type="number" (GOV.UK's advice): a
# number box drops what is not a number and changes on scroll, so a mistyped value
# could not be shown back with its error.
NUMBER = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
DAYS_MIN, DAYS_MAX, DAYS_STEP = Decimal("0.5"), Decimal("50"), Decimal("0.5")
# Fields the applicant's draft stores as they are (the rest are worked out in
# ``draft_values``).
PLAIN = (
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "language",
    "goals",
    "employees",
    "supervisors",
    "days_requested",
    "timing",
    "preferred_expert",
)


def _plain_id(value):
    text = str(value)
    return text.isascii() and text.isdecimal() and len(text) <= 18


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _plain_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not _plain_id(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], "invalid_choice", {"value": pk}
                )
        return super()._check_values(value)


class ThemeField(SafeModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class ExpertField(SafeModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.organisation_name})"


class DaysField(forms.DecimalField):
    """Days as people write them: "1,5" as well as "1.5"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".").replace(" ", "")
        value = super().to_python(value)
        # Django's step check computes with the exponent: "1e999999" would raise
        # ValueError (a 500) there, so numbers far from any count of days stop here.
        if value is not None and value.is_finite() and abs(value.adjusted()) > 6:
            raise forms.ValidationError(self.error_messages["invalid"], "invalid")
        return value


def selectable_experts(today):
    """Public experts of the round open today, or every public expert when the round
    has named none (yet)."""
    experts = Expert.objects.public()
    round_ = Round.objects.open_on(today).first()
    if round_ is not None and round_.experts.exists():
        experts = experts.filter(rounds=round_)
    return experts.order_by("name", "pk")


class ApplicationForm(forms.Form):
    """The application. ``sending`` False is a draft's press: nothing is required, but
    what is typed must still be valid to be stored (a number where a number goes)."""

    organisation_name = PlainTextField(label=_("Organisation"), max_length=200, required=False)
    organisation_missing = forms.BooleanField(
        label=_("My organisation is not listed: use the name as I typed it"), required=False
    )
    contact_name = PlainTextField(
        label=_("Contact person's name"),
        max_length=200,
        widget=forms.TextInput({"autocomplete": "name"}),
        error_messages={"required": _("Write the contact person's name.")},
    )
    contact_role = PlainTextField(
        label=_("Role or title"),
        max_length=200,
        widget=forms.TextInput({"autocomplete": "organization-title"}),
        help_text=_("For example supervisor, HR specialist or occupational safety delegate."),
        error_messages={"required": _("Write the contact person's role.")},
    )
    contact_email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email"}),
        help_text=_(
            "We send the confirmation and a link to follow the application to this address."
        ),
        error_messages={
            "required": _("Write the email address: the confirmation goes there."),
            "invalid": _("Write an email address such as name@kunta.fi."),
        },
    )
    contact_phone = PlainTextField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput({"inputmode": "tel", "autocomplete": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language of the emails.")},
    )
    themes = ThemeField(
        CoachingTheme.objects.active(),
        label=_("Themes"),
        help_text=_("Choose one or more."),
        error_messages={"required": _("Choose at least one theme.")},
    )
    goals = PlainTextField(
        label=_("What does the workplace want to develop?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The situation now, what you hope to change and how the group would take part. "
            "At most 5,000 characters."
        ),
        error_messages={"required": _("Tell what the workplace wants to develop.")},
    )
    employees = forms.IntegerField(
        label=_("Employees in the group"),
        min_value=0,
        max_value=GROUP_MAX,
        widget=NUMBER,
        error_messages={
            "required": _("Give the number of employees (0 if none)."),
            "invalid": _("Write a whole number, such as 12."),
        },
    )
    supervisors = forms.IntegerField(
        label=_("Supervisors in the group"),
        min_value=0,
        max_value=GROUP_MAX,
        widget=NUMBER,
        error_messages={
            "required": _("Give the number of supervisors (0 if none)."),
            "invalid": _("Write a whole number, such as 2."),
        },
    )
    days_requested = DaysField(
        label=_("Coaching days wished"),
        min_value=DAYS_MIN,
        max_value=DAYS_MAX,
        max_digits=5,
        decimal_places=1,
        step_size=DAYS_STEP,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("In half days: for example 1, 1.5 or 3. At most 50."),
        error_messages={
            "required": _("Give the number of days you wish for."),
            "invalid": _("Write a number of days, such as 2 or 1.5."),
            "min_value": _("Wish for at least half a day."),
            "max_value": _("Wish for at most 50 days."),
            "step_size": _("Give the days in half days, such as 1.5 or 2."),
            "max_digits": _("Give the days in half days, such as 1.5 or 2."),
            "max_decimal_places": _("Give the days in half days, such as 1.5 or 2."),
        },
    )
    timing = PlainTextField(
        label=_("Preferred timing"),
        max_length=300,
        required=False,
        help_text=_("For example “September–November” or “spring, not in June”."),
    )
    preferred_expert = ExpertField(
        Expert.objects.none(),
        label=_("Preferred expert"),
        required=False,
        empty_label=_("No preference"),
        help_text=_("Optional: the programme team decides, considering your wish."),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the application is stored."),
        error_messages={
            "required": _("Tick the box: we cannot handle the application without storing it.")
        },
    )
    # A field people never see; bots fill it in (core/formguard.py).
    tt_leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, sending=True, experts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sending = sending
        self.organisation = None
        self.fields["preferred_expert"].queryset = (
            experts if experts is not None else Expert.objects.public()
        )
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG
            field.error_messages["invalid_choice"] = CHOOSE_LISTED
            if isinstance(field, forms.IntegerField) and not isinstance(field, DaysField):
                field.error_messages["min_value"] = _("Give 0 or more.")
                field.error_messages["max_value"] = _("Give at most 10,000.")
            if not sending:
                field.required = False

    def clean(self):
        data = super().clean()
        name = " ".join((data.get("organisation_name") or "").split())
        if "organisation_name" in self.errors:
            return data
        if data.get("organisation_missing"):
            if not name and self.sending:
                self.add_error("organisation_name", _("Write the name of your organisation."))
            return data
        self.organisation = organisation_named(name) if name else None
        if self.organisation is None and (name or self.sending):
            self.add_error(
                "organisation_name",
                CHOOSE_ORGANISATION if name else _("Tell which organisation you work for."),
            )
        return data

    def candidates(self):
        """Organisations like what was typed, when it matched none exactly."""
        if self.is_bound and "organisation_name" in self.errors:
            return find_organisations(self.data.get("organisation_name", ""), limit=8)
        return []

    def draft_values(self, application=None):
        """``(fields, themes)`` for coaching.services.application_save: every value that
        is valid; a field with an error keeps what the draft had (the page shows the
        typed value with its error)."""
        data = getattr(self, "cleaned_data", {})
        fields = {}
        for name in PLAIN:
            if name in self.errors or name not in data:
                continue
            value = data[name]
            if name == "language" and not value:
                continue
            fields[name] = value.strip() if isinstance(value, str) else value
        name = " ".join((data.get("organisation_name") or "").split())
        if self.organisation is not None:
            fields.update(organisation=self.organisation, organisation_name="")
        elif "organisation_name" not in self.errors:
            # Ticked "not listed" (the name as typed), or left empty. A name that matches
            # no organisation without the tick is not stored: the page shows it with the
            # choices, and the stored draft keeps only what the person chose.
            missing = data.get("organisation_missing") and name
            fields.update(organisation=None, organisation_name=name if missing else "")
        if "themes" in self.errors or "themes" not in data:
            themes = list(application.themes.all()) if application else []
        else:
            themes = list(data["themes"])
        return fields, themes

    @classmethod
    def initial_from(cls, application):
        organisation = application.organisation
        initial = {name: getattr(application, name) for name in PLAIN}
        initial.update(
            organisation_name=organisation.name_fi
            if organisation
            else application.organisation_name,
            # A draft stores a name without an organisation only when "not listed" was
            # ticked (draft_values).
            organisation_missing=organisation is None and bool(application.organisation_name),
            themes=list(application.themes.all()),
            preferred_expert=application.preferred_expert_id,
        )
        return initial


class MessageForm(forms.Form):
    body = PlainTextField(
        label=_("Your answer or question"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the message."), "max_length": TOO_LONG},
    )


class WithdrawForm(forms.Form):
    reason = PlainTextField(
        label=_("Reason (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )


class FeedbackForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How useful was the coaching for your work community?"),
        choices=[
            ("5", _("5 – very useful")),
            ("4", _("4")),
            ("3", _("3")),
            ("2", _("2")),
            ("1", _("1 – not useful")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a score from 1 to 5."),
            "invalid_choice": _("Choose a score from 1 to 5."),
        },
    )
    text = PlainTextField(
        label=_("What would you like to say? (optional)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not write names: the answer is anonymous. At most 3,000 characters."),
        error_messages={"max_length": TOO_LONG},
    )
