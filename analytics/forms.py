from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 30
# Longer periods would make the dashboard's tables unwieldy; five years covers any report.
MAX_DAYS = 5 * 366


def date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class DateRangeForm(forms.Form):
    """Two dates in order; subclasses name the fields."""

    start_field, end_field = "start", "end"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get(self.start_field), cleaned.get(self.end_field)
        if start and end:
            if start > end:
                raise forms.ValidationError(_("The first day must not be after the last day."))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("Choose a period of at most five years."))
        return cleaned


class PeriodForm(DateRangeForm):
    start = date_field(_("First day"))
    end = date_field(_("Last day"))

    @staticmethod
    def default_period():
        today = timezone.localdate()
        return today - timedelta(days=DEFAULT_DAYS - 1), today

    def period(self):
        """The chosen (first, last) day; the last 30 days when a date is missing or wrong."""
        start, end = self.default_period()
        if self.is_bound and self.is_valid():
            end = self.cleaned_data["end"] or end
            start = self.cleaned_data["start"] or min(start, end - timedelta(days=DEFAULT_DAYS - 1))
            start = min(start, end)
        return start, end


class CompareForm(DateRangeForm):
    """A period to compare with the 30 days before it (a campaign, when there are some)."""

    start_field, end_field = "compare_start", "compare_end"
    compare_start = date_field(_("First day of the period"))
    compare_end = date_field(_("Last day of the period"))

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("compare_start")) != bool(cleaned.get("compare_end")):
            raise forms.ValidationError(_("Give both the first and the last day of the period."))
        return cleaned

    def period(self):
        if self.is_bound and self.is_valid() and self.cleaned_data.get("compare_start"):
            return self.cleaned_data["compare_start"], self.cleaned_data["compare_end"]
        return None
