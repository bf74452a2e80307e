"""The "share a deed" form.

Everything a person types is kept as raw values (``raw_values``) whether it is
valid or not; ``SubmissionForm`` decides whether it can be sent. Files are handled
apart (files.py): checked by content, then stored in the transaction that saves the
values (services.submission_save).
"""

import functools

from django import forms
from django.core.validators import URLValidator
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from core import formguard
from deeds.models import ContentLanguage, DeedKind, Funding
from organisations.finder import find_organisations, organisation_named
from organisations.models import Municipality, OrganisationType
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

LINKS = 3
CONTACTS = 2
TEXT_MAX = 10_000
CHOOSE_ORGANISATION = _(
    "Choose your organisation from the list, or tick “My organisation is not listed”."  # noqa: E501
)
MULTI_FIELDS = ("sectors", "themes", "subthemes", "customer_groups")
# The honeypot's name (core/formguard.py).
HONEYPOT = formguard.HONEYPOT

# The licence the deeds are published under, and the version of the wording the
# submitter agrees to; the exact text shown is stored with the submission.
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed"
LICENCE_VERSION = "cc-by-4.0/2026-12-01"
LICENCE_TEXT = _(
    "I agree that this deed is published under the Creative Commons Attribution 4.0 "
    "(CC BY 4.0) licence, and I confirm that I may share the images and attachments I add."
)

# Messages that say what to do, for the checks every field shares (Django's own
# defaults only say what is wrong, such as "This field is required.").
TOO_LONG = _("Shorten this to at most %(limit_value)d characters (it has %(show_value)d now).")
CHOOSE_LISTED = _("Choose one of the options shown.")
# tori.js shows the characters left under these fields (the help text states the
# limit for those without JavaScript).
REMAINING = {
    "data-remaining-one": _("1 character left"),
    "data-remaining-other": _("{n} characters left"),
}


def organisation_candidates(text, limit=8):
    """What the organisation finder makes of the typed name (inflections, typos, Swedish
    names, business IDs), best first."""
    return find_organisations(text, limit=limit)


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, label, **kwargs):
        super().__init__(model.objects.active(), label=label, required=False, **kwargs)
        self.error_messages.update(
            invalid_choice=CHOOSE_LISTED, invalid_pk_value=CHOOSE_LISTED, invalid_list=CHOOSE_LISTED
        )

    def label_from_instance(self, obj):
        return obj.name

    def _check_values(self, value):
        # A forged id such as "1e99" or "99999999999999999999" would reach the database
        # driver (SQLite raises OverflowError): reject it as an invalid choice first.
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdecimal() and len(text) <= 18):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


PAGE_ORDER = [
    *("title", "summary", "background", "description", "implementation", "results", "tips"),
    *("language", "organisation_name", "organisation_missing", "new_organisation_name"),
    *("new_organisation_type", "new_organisation_municipality", "unit", "partners", "kind"),
    *("sectors", "themes", "subthemes", "customer_groups", "funding", "funder"),
    *("project_start", "project_end"),
    *(f"link_{part}_{n}" for n in range(1, LINKS + 1) for part in ("url", "title")),
    *(
        f"contact_{part}_{n}"
        for n in range(1, CONTACTS + 1)
        for part in ("name", "role", "email", "phone", "consent")
    ),
    *("email", "licence"),
]


def story_field(label, rows=4):
    """An optional part of the story: plain text of up to TEXT_MAX characters."""
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class SubmissionForm(forms.Form):
    # --- The story
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        widget=forms.TextInput(attrs=REMAINING),
        help_text=_("A few words that say what was done. At most 200 characters."),
        error_messages={
            "required": _("Write a title: a few words that say what was done."),
            "max_length": _(
                "Shorten the title to at most %(limit_value)d characters "
                "(it has %(show_value)d now)."
            ),
        },
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=800,
        widget=forms.Textarea(attrs={"rows": 3, **REMAINING}),
        help_text=_("Two or three sentences: what was done and why. At most 800 characters."),
        error_messages={
            "required": _("Write a summary: 2–3 sentences on what was done and why."),
            "max_length": _(
                "Shorten the summary to at most %(limit_value)d characters "
                "(it has %(show_value)d now)."
            ),
        },
    )
    background = story_field(_("Background: why was this needed?"))
    description = story_field(_("What was done"))
    implementation = story_field(_("How it was done"))
    results = story_field(_("Results"))
    tips = story_field(_("Tips for others"), rows=3)
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=ContentLanguage.choices,
        initial="fi",
        error_messages={"required": _("Choose the language the text is written in.")},
    )
    # --- Who
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Start typing and choose your organisation from the list."),
    )
    organisation_missing = forms.BooleanField(
        label=_("My organisation is not listed"), required=False
    )
    new_organisation_name = forms.CharField(
        label=_("Name of the organisation"), max_length=200, required=False
    )
    new_organisation_type = forms.ChoiceField(
        label=_("Type of the organisation"),
        choices=[("", "—"), *OrganisationType.choices],
        required=False,
    )
    new_organisation_municipality = forms.ModelChoiceField(
        Municipality.objects.active().order_by("sort_key"),
        label=_("Home municipality"),
        required=False,
        empty_label="—",
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=200,
        required=False,
        help_text=_("Department, team or workplace within the organisation."),
    )
    partners = forms.CharField(
        label=_("Partner organisations"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )
    # --- Tags
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=DeedKind.choices,
        initial=DeedKind.IMPROVEMENT,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of deed.")},
    )
    funding = forms.ChoiceField(
        label=_("Funding"),
        choices=Funding.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    funder = forms.CharField(label=_("Funder"), max_length=200, required=False)
    project_start = forms.DateField(
        label=_("Project start"), required=False, help_text=_("For example 1.9.2025")
    )
    project_end = forms.DateField(label=_("Project end"), required=False)
    # --- Contact
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_(
            "We send a link to confirm the address and to follow and edit your deed. "
            "It is not published."
        ),
        error_messages={
            "required": _(
                "Write your email address: we send you a link to confirm it and to follow "
                "your deed."
            ),
        },
    )
    # The submitter's agreement to the content licence. Required when the submitter
    # sends the deed (see clean); staff editing in moderation never see it.
    licence = forms.BooleanField(label=LICENCE_TEXT, required=False)
    # A field people never see; bots fill it in (spam.py). The template renders it by
    # hand, hidden from assistive technology and autofill.
    tt_leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, submitter=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The licence checkbox is required only when the submitter sends their deed:
        # staff editing or publishing a submission made before it existed are not asked.
        self.submitter = submitter
        self.fields["sectors"] = TermChoiceField(Sector, _("Sectors"))
        self.fields["themes"] = TermChoiceField(Theme, _("Themes"))
        self.fields["subthemes"] = TermChoiceField(Subtheme, _("Subthemes"))
        self.fields["customer_groups"] = TermChoiceField(CustomerGroup, _("Customer groups"))
        self.fields["subthemes"].queryset = Subtheme.objects.active().select_related("theme")
        for n in range(1, LINKS + 1):
            self.fields[f"link_url_{n}"] = forms.CharField(
                label=_("Address"), max_length=500, required=False
            )
            self.fields[f"link_title_{n}"] = forms.CharField(
                label=_("Link text"), max_length=200, required=False
            )
        for n in range(1, CONTACTS + 1):
            self.fields[f"contact_name_{n}"] = forms.CharField(
                label=_("Name"), max_length=200, required=False
            )
            self.fields[f"contact_role_{n}"] = forms.CharField(
                label=_("Title or role"), max_length=200, required=False
            )
            self.fields[f"contact_email_{n}"] = forms.EmailField(label=_("Email"), required=False)
            self.fields[f"contact_phone_{n}"] = forms.CharField(
                label=_("Phone"), max_length=40, required=False
            )
            self.fields[f"contact_consent_{n}"] = forms.BooleanField(
                label=_("This is me, and I agree that my contact details are published"),
                required=False,
            )
        self.organisation = None
        self._say_what_to_do()
        # The page's order, so that the error summary lists mistakes top to bottom.
        self.order_fields(PAGE_ORDER)

    def _say_what_to_do(self):
        for field in self.fields.values():
            messages = field.error_messages
            messages.setdefault("max_length", TOO_LONG)
            if isinstance(field, forms.EmailField):
                messages["invalid"] = _("Write an email address such as name@kunta.fi.")
            elif isinstance(field, forms.DateField):
                messages["invalid"] = _("Write the date as day.month.year, such as 1.9.2025.")
            elif isinstance(field, forms.ChoiceField):
                messages["invalid_choice"] = CHOOSE_LISTED

    # --- Groups for the template
    def link_rows(self):
        return [(self[f"link_url_{n}"], self[f"link_title_{n}"]) for n in range(1, LINKS + 1)]

    def contact_rows(self):
        names = ("name", "role", "email", "phone", "consent")
        return [[self[f"contact_{f}_{n}"] for f in names] for n in range(1, CONTACTS + 1)]

    def clean(self):
        data = super().clean()
        self._clean_organisation(data)
        if self.submitter and not data.get("licence"):
            self.add_error(
                "licence",
                _(
                    "Tick the box to agree to publication under the CC BY 4.0 licence: "
                    "we can only publish deeds that everyone may reuse."
                ),
            )
        if not data.get("sectors"):
            self.add_error("sectors", _("Choose at least one sector."))
        if not data.get("themes") and not data.get("subthemes"):
            self.add_error("themes", _("Choose at least one theme."))
        if data.get("kind") == DeedKind.PROJECT and not data.get("funding"):
            self.add_error("funding", _("Tell how the project was funded."))
        if data.get("funding") in (Funding.EXTERNAL, Funding.BOTH) and not data.get("funder"):
            self.add_error("funder", _("Name the external funder."))
        start, end = data.get("project_start"), data.get("project_end")
        if start and end and end < start:
            self.add_error("project_end", _("The project cannot end before it starts."))
        for n in range(1, LINKS + 1):
            url = (data.get(f"link_url_{n}") or "").strip()
            if url and "://" not in url:
                url = f"https://{url}"
            if url:
                try:
                    URLValidator(schemes=["http", "https"])(url)
                except forms.ValidationError:
                    self.add_error(f"link_url_{n}", _("Enter a web address such as www.kunta.fi."))
            data[f"link_url_{n}"] = url
        for n in range(1, CONTACTS + 1):
            details = [data.get(f"contact_{f}_{n}") for f in ("role", "email", "phone")]
            if any(details) and not data.get(f"contact_name_{n}"):
                self.add_error(f"contact_name_{n}", _("Give the contact person's name."))
        return data

    def _clean_organisation(self, data):
        if data.get("organisation_missing"):
            if not data.get("new_organisation_name"):
                self.add_error("new_organisation_name", _("Give the name of your organisation."))
            if not data.get("new_organisation_type"):
                self.add_error("new_organisation_type", _("Choose the type of the organisation."))
            elif data["new_organisation_type"] != OrganisationType.OTHER and not data.get(
                "new_organisation_municipality"
            ):
                self.add_error("new_organisation_municipality", _("Choose the home municipality."))
            return
        name = data.get("organisation_name", "")
        self.organisation = organisation_named(name)
        if self.organisation is None:
            self.add_error(
                "organisation_name",
                CHOOSE_ORGANISATION if name else _("Tell which organisation did this."),
            )

    def candidates(self):
        """Organisations like what was typed, when it matched none exactly."""
        if self.is_bound and "organisation_name" in self.errors:
            return organisation_candidates(self.data.get("organisation_name", ""))
        return []


@functools.cache
def field_names():
    # Building the form queries nothing (querysets are lazy); its fields never change.
    return tuple(name for name in SubmissionForm().fields if name != HONEYPOT)


def clean_text(value):
    """Text as a database can store it: PostgreSQL refuses NUL characters in text and
    JSON, and no person types one, so they are dropped rather than refused."""
    return str(value).replace("\x00", "")


def without_nul(post):
    """The posted values as typed, except for NUL characters (as they are stored)."""
    return MultiValueDict({k: [clean_text(v) for v in post.getlist(k)] for k in post})


def raw_values(post):
    """What the person typed, as a JSON-friendly dict of known fields only."""
    values = {}
    for name in field_names():
        if name in MULTI_FIELDS:
            values[name] = [clean_text(v)[:20] for v in post.getlist(name) if v][:100]
        elif name in post:
            # Kept a little past the limit, so that an over-long text fails validation
            # with a message (instead of being cut silently), while a pasted novel
            # cannot fill the database.
            values[name] = clean_text(post.get(name, ""))[: 2 * TEXT_MAX]
    return values


def as_form_data(values):
    """Stored raw values back into what a bound form expects."""
    return MultiValueDict(
        {k: (v if isinstance(v, list) else [v]) for k, v in values.items() if v not in ("", [])}
    )
