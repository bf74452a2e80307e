"""Forms of the staff's newsletter pages (newsletter/staff_views.py,
newsletter/staff_subscribers.py). They validate; the views hand the cleaned values to the
services (newsletter/issue_services.py, newsletter/services.py)."""

import datetime as dt
import re
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from deeds.models import Deed
from organisations.models import Region
from recognition.highlights import Highlight
from recognition.models import Campaign
from taxonomy.models import Sector, Theme

from .compose import Choice, deeds_since_default
from .issue_services import EDITABLE
from .models import Issue

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
INPUT_FORMATS = [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M"]
MAX_ADDED_DEEDS = 20
NEWS_ITEMS = 6
# A deed's address on this site in any language: /teot/123/…, /sv/teot/123/…
DEED_PATH = re.compile(r"^(?:/(?:sv|en))?/teot/([0-9]{1,18})(?:/|$)")


def datetime_input():
    # The browser's own date and time picker; without it the same text is typed.
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


def suggested_key(now=None):
    """The month of the issue ("2026-12"), with a number after it when that is taken."""
    base = timezone.localtime(now or timezone.now()).strftime("%Y-%m")
    taken = set(Issue.objects.filter(key__startswith=base).values_list("key", flat=True))
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def deed_number(text):
    """The deed number in "123" or in a deed's address, or None."""
    if text.isascii() and text.isdecimal():
        return int(text) if len(text) <= 18 else None
    path = urlsplit(text).path if "://" in text else text
    match = DEED_PATH.match(path)
    return int(match.group(1)) if match else None


def _looks_like_pk(value):
    # Checked before any query: a number too large for the column raises OverflowError
    # on SQLite (and PostgreSQL refuses it), which Django's model choice fields let
    # through as a server error. Nothing here has a billion rows.
    text = str(value)
    return text.isascii() and text.isdecimal() and len(text) <= 9


class CheckedChoice(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model):
            if not _looks_like_pk(value):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)


class CheckedChoices(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not _looks_like_pk(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:20]},
                )
        return super()._check_values(value)


class DeedChoices(CheckedChoices):
    def label_from_instance(self, deed):
        label = f"{deed.title} (#{deed.pk})"
        if deed.status != "published":
            label += " – " + str(_("not published, left out"))
        return label


class CampaignChoice(CheckedChoice):
    def label_from_instance(self, campaign):
        starts, ends = (
            date_format(campaign.starts_on, "j.n.Y"),
            date_format(campaign.ends_on, "j.n.Y"),
        )
        return f"{campaign.name} ({starts}–{ends})"


class IssueForm(forms.ModelForm):
    """An issue's texts and blocks. Its status and sending times are not here: they
    change through scheduling, pausing and resuming."""

    highlights = DeedChoices(
        label=_("In the issue"),
        queryset=Deed.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a deed to leave it out."),
    )
    add_deeds = forms.CharField(
        label=_("Add deeds"),
        required=False,
        max_length=2000,
        help_text=_(
            "Numbers of deeds (/teot/123/…) or their addresses, separated by commas, "
            "spaces or lines. Only published deeds."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    campaign = CampaignChoice(
        label=_("Campaign"),
        queryset=Campaign.objects.all(),
        required=False,
        empty_label=_("No campaign"),
        help_text=_("Its live figures are shown in the issue."),
    )

    class Meta:
        model = Issue
        fields = list(EDITABLE)
        widgets = {
            "deeds_since": datetime_input(),
            **{
                f"{name}_{code}": forms.Textarea(attrs={"rows": 4})
                for name in ("intro", "closing")
                for code in ("fi", "sv", "en")
            },
        }
        help_texts = {
            "key": _(
                "Letters a–z, digits and hyphens, e.g. 2026-12. It names the issue in "
                "the archive's address and in the links' utm_campaign."
            ),
            "deeds_since": _("The topic sections list deeds published from this moment on."),
            "show_events": _("The next public events."),
            "show_new_deeds": _("For subscribers of sectors, themes or regions."),
        }
        error_messages = {"key": {"unique": _("Another issue already has this key.")}}

    def __init__(self, *args, offered_highlights=(), **kwargs):
        super().__init__(*args, **kwargs)
        offered = [deed.pk for deed in offered_highlights]
        self.fields["highlights"].queryset = Deed.objects.filter(pk__in=offered).order_by("title")
        self.fields["deeds_since"].input_formats = INPUT_FORMATS
        if not self.is_bound:
            self.initial["highlights"] = offered
        if self.instance.pk is None:
            # Left empty, issue_create counts from the last issue sent.
            self.fields["deeds_since"].required = False
            if not self.is_bound:
                now = timezone.now()
                self.initial.setdefault("key", suggested_key(now))
                self.initial.setdefault("deeds_since", deeds_since_default(now))
                self.initial.setdefault(
                    "campaign", Campaign.objects.running(timezone.localdate(now)).first()
                )

    def clean_add_deeds(self):
        parts = [part for part in re.split(r"[\s,;]+", self.cleaned_data["add_deeds"]) if part]
        numbers = [deed_number(part) for part in parts]
        wrong = [part for part, number in zip(parts, numbers, strict=True) if number is None]
        if wrong:
            raise forms.ValidationError(
                _("Not a deed number or a deed's address: %(values)s.")
                % {"values": ", ".join(wrong[:3])[:300]}
            )
        numbers = list(dict.fromkeys(numbers))
        if len(numbers) > MAX_ADDED_DEEDS:
            raise forms.ValidationError(
                _("At most %(most)d deeds at a time.") % {"most": MAX_ADDED_DEEDS}
            )
        found = {deed.pk: deed for deed in Deed.objects.published().filter(pk__in=numbers)}
        missing = [str(n) for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError(
                _("No published deed has the number %(values)s.")
                % {"values": ", ".join(missing[:5])}
            )
        return [found[n] for n in numbers]

    def chosen_highlights(self):
        chosen = [*self.cleaned_data["highlights"], *self.cleaned_data["add_deeds"]]
        return list({deed.pk: deed for deed in chosen}.values())

    def issue_fields(self):
        """The cleaned values of Issue's own fields, as issue_create/issue_change take them."""
        fields = {name: self.cleaned_data[name] for name in EDITABLE}
        if fields["deeds_since"] is None:
            del fields["deeds_since"]
        return fields


def current_highlights(now=None):
    """This week's highlighted deeds: what issue_create picks for a new issue."""
    day = timezone.localdate(now or timezone.now())
    return [h.deed for h in Highlight.objects.current(day).select_related("deed")]


class NewsItemForm(forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200, required=False)
    text_fi = forms.CharField(
        label=_("Text in Finnish"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    url = forms.URLField(label=_("Link"), max_length=200, required=False, assume_scheme="https")
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    text_sv = forms.CharField(
        label=_("Text in Swedish"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    text_en = forms.CharField(
        label=_("Text in English"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        filled = any(value for value in data.values())
        if filled and not data.get("title_fi") and "title_fi" not in self.errors:
            self.add_error("title_fi", _("A news item needs a title in Finnish."))
        return data

    def item(self):
        """The NewsItem fields, or None for a row left empty."""
        data = getattr(self, "cleaned_data", None) or {}
        if not any(data.values()):
            return None
        return {name: data.get(name, "") for name in self.fields}

    @property
    def has_translations(self):
        return any(self[name].value() for name in ("title_sv", "text_sv", "title_en", "text_en"))


class BaseNewsFormSet(forms.BaseFormSet):
    def items(self):
        return [item for form in self.forms if (item := form.item()) is not None]


# Always six rows: without JavaScript there is no "add a row" button, and empty rows are
# left out.
NewsFormSet = forms.formset_factory(
    NewsItemForm,
    formset=BaseNewsFormSet,
    extra=NEWS_ITEMS,
    max_num=NEWS_ITEMS,
    absolute_max=NEWS_ITEMS,
    validate_max=True,
)


def news_initial(issue):
    fields = list(NewsItemForm.base_fields)
    return [{name: getattr(item, name) for name in fields} for item in issue.news.all()]


WHOLE_CHOICES = [
    ("yes", pgettext_lazy("newsletter preview", "Yes")),
    ("no", pgettext_lazy("newsletter preview", "No, only new deeds of the topics")),
]


class ChoiceForm(forms.Form):
    """What a subscriber chose, for a preview or a test: the query of the preview page."""

    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    whole = forms.ChoiceField(
        label=_("The whole newsletter"), choices=WHOLE_CHOICES, widget=forms.RadioSelect
    )
    sector = CheckedChoices(
        label=_("New deeds in sectors"),
        queryset=Sector.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    theme = CheckedChoices(
        label=_("New deeds in themes"),
        queryset=Theme.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    region = CheckedChoices(
        label=_("New deeds in regions"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"language": "fi", "whole": "yes"})
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        data["choice"] = Choice(
            language=data.get("language", "fi"),
            wants_newsletter=data.get("whole") == "yes",
            sectors=tuple(sorted(term.pk for term in data.get("sector") or ())),
            themes=tuple(sorted(term.pk for term in data.get("theme") or ())),
            regions=tuple(sorted(term.pk for term in data.get("region") or ())),
        )
        return data

    @property
    def has_topics(self):
        return any(self[name].value() for name in ("sector", "theme", "region"))


class StaffChoices(CheckedChoices):
    def label_from_instance(self, user):
        return user.email


class TestSendForm(ChoiceForm):
    """A test goes to the staff member's own address and, when chosen, to other staff
    accounts': never to an address typed in (the form cannot mail outsiders)."""

    others = StaffChoices(
        label=_("Also to these staff members"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["others"].queryset = (
            get_user_model()
            .objects.filter(is_staff=True, is_active=True)
            .exclude(Q(pk=user.pk) | Q(email=""))
            .order_by("email")
        )

    def addresses(self):
        return [self.user.email, *(user.email for user in self.cleaned_data["others"])]


SEND_NOW, SEND_LATER = "now", "later"


class ScheduleForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[(SEND_NOW, _("Now")), (SEND_LATER, _("At this time"))],
        widget=forms.RadioSelect,
        initial=SEND_LATER,
    )
    at = forms.DateTimeField(
        label=_("Date and time (Finnish time)"),
        required=False,
        widget=datetime_input(),
        input_formats=INPUT_FORMATS,
    )

    def clean(self):
        data = super().clean()
        if data.get("when") != SEND_LATER:
            data["at"] = None
            return data
        at = data.get("at")
        if at is None:
            if "at" not in self.errors:
                self.add_error("at", _("Give the date and time, or choose to send now."))
        # The field has whole minutes: the current minute still counts as now.
        elif at < timezone.now() - dt.timedelta(minutes=1):
            self.add_error("at", _("The time has passed: choose a time in the future, or now."))
        return data


class LookupForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)


class SetAsideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why set aside"),
        max_length=300,
        help_text=_("Shown to staff with the address, e.g. “the person asked by phone”."),
    )
