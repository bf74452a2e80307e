"""Forms of the staff's event pages (events/staff_views.py). They validate; the views
hand the cleaned values to the services (events/services.py, events/series_services.py)."""

import re

from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from deeds.models import Deed
from organisations.models import Municipality
from taxonomy.models import Sector, Theme

from .models import Event, Series
from .series_services import SERIES_FIELDS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_DEEDS = 50


def datetime_input():
    # The browser's own date and time picker; without it the same text is typed.
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class EventForm(forms.ModelForm):
    """Every field staff may set on an event. The status, the recording and the
    registration's closing are not here: they change through their own actions."""

    deed_numbers = forms.CharField(
        label=pgettext_lazy("events staff", "Deeds presented"),
        required=False,
        max_length=1000,
        help_text=_(
            "The numbers in the deeds' addresses (/teot/123/…), separated by commas or "
            "spaces. Only published deeds."
        ),
    )

    stream_url = forms.URLField(
        label=capfirst(Event._meta.get_field("stream_url").verbose_name),
        help_text=Event._meta.get_field("stream_url").help_text,
        required=False,
        max_length=200,
        assume_scheme="https",
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "series",
            "title_fi",
            "title_sv",
            "title_en",
            "summary_fi",
            "summary_sv",
            "summary_en",
            "programme_fi",
            "programme_sv",
            "programme_en",
            "speakers",
            "starts_at",
            "ends_at",
            "language",
            "online",
            "venue",
            "address",
            "municipality",
            "stream_url",
            "stream_public",
            "accessibility_fi",
            "accessibility_sv",
            "accessibility_en",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "themes",
            "sectors",
        ]
        widgets = {
            "starts_at": datetime_input(),
            "ends_at": datetime_input(),
            "registration_opens_at": datetime_input(),
            "registration_closes_at": datetime_input(),
            "themes": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
            "summary_fi": forms.Textarea(attrs={"rows": 3}),
            "summary_sv": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "speakers": forms.Textarea(attrs={"rows": 3}),
            "accessibility_fi": forms.Textarea(attrs={"rows": 3}),
            "accessibility_sv": forms.Textarea(attrs={"rows": 3}),
            "accessibility_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d.%m.%Y %H.%M"]
        self.fields["capacity"].max_value = 100_000
        self.fields["capacity"].widget.attrs["max"] = 100_000
        # A retired term is not offered, but one the event already has stays ticked.
        kept = Q(pk__in=event.themes.all()) if event.pk else Q(pk__in=[])
        self.fields["themes"].queryset = Theme.objects.filter(Q(is_active=True) | kept)
        kept = Q(pk__in=event.sectors.all()) if event.pk else Q(pk__in=[])
        self.fields["sectors"].queryset = Sector.objects.filter(Q(is_active=True) | kept)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            Q(is_active=True) | Q(pk=event.municipality_id)
        )
        self.fields["series"].queryset = Series.objects.all()
        if event.pk and not self.is_bound:
            self.initial["deed_numbers"] = ", ".join(
                str(pk) for pk in event.deeds.order_by("pk").values_list("pk", flat=True)
            )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event ends before it starts."))
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration closes before it opens."))
        if data.get("stream_public") and not data.get("stream_url"):
            self.add_error("stream_public", _("Give the stream link first."))
        return data

    def clean_deed_numbers(self):
        text = self.cleaned_data["deed_numbers"]
        parts = [part for part in re.split(r"[\s,;]+", text) if part]
        wrong = [part for part in parts if not (part.isascii() and part.isdecimal())]
        if wrong:
            raise forms.ValidationError(
                _("Not a deed number: %(values)s.") % {"values": ", ".join(wrong[:5])[:200]}
            )
        numbers = list(dict.fromkeys(int(part) for part in parts))
        if len(numbers) > MAX_DEEDS:
            raise forms.ValidationError(
                _("At most %(most)d deeds per event.") % {"most": MAX_DEEDS}
            )
        numbers = [n for n in numbers if n < 2**31]
        found = set(Deed.objects.published().filter(pk__in=numbers).values_list("pk", flat=True))
        missing = [str(n) for n in numbers if n not in found] + [
            part for part in parts if part.isdecimal() and int(part) >= 2**31
        ]
        if missing:
            raise forms.ValidationError(
                _("No published deed has the number %(values)s.")
                % {"values": ", ".join(missing[:5])}
            )
        return numbers

    def service_arguments(self):
        """The cleaned values as the services take them: fields, and the tag lists apart."""
        data = dict(self.cleaned_data)
        return {
            "themes": list(data.pop("themes")),
            "sectors": list(data.pop("sectors")),
            "deeds": data.pop("deed_numbers"),
            **data,
        }


class SeriesForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = list(SERIES_FIELDS)
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to everyone registered and waiting"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=pgettext_lazy("events staff", "Subject"), max_length=200)
    body = forms.CharField(
        label=pgettext_lazy("events staff", "Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    include_waitlist = forms.BooleanField(
        label=_("Send also to the people on the waiting list"), required=False
    )


class RecordingForm(forms.Form):
    url = forms.URLField(
        label=pgettext_lazy("events staff", "Address of the recording"),
        max_length=200,
        assume_scheme="https",
    )
    captioned = forms.BooleanField(
        label=pgettext_lazy("events staff", "The recording is captioned"), required=False
    )
