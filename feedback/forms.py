import re

from django import forms
from django.utils.translation import gettext_lazy as _

# Control characters are dropped from what people type (core/formguard.py).
from core.formguard import PlainTextField, without_controls

from .models import MESSAGE_MAX_LENGTH, PAGE_MAX_LENGTH, Topic

PAGE = re.compile(r"^(https?://|/)\S*$")


class FeedbackForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("What is your feedback about?"), choices=Topic.choices, widget=forms.RadioSelect
    )
    message = PlainTextField(
        label=_("Your feedback"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Please do not write other people's personal details here."),
    )
    email = forms.EmailField(
        label=_("Your email address, if you want a reply"),
        required=False,
        max_length=254,
        help_text=_("Used only to answer this message."),
    )
    page = PlainTextField(
        label=_("Address of the page your feedback concerns"),
        required=False,
        max_length=PAGE_MAX_LENGTH,
        help_text=_("For example https://tekojentori.fi/teot/ – leave empty if not about a page."),
    )
    # A field people never see; bots fill it in (core/formguard.py).
    tt_leave_empty = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_page(self):
        page = self.cleaned_data["page"].strip()
        if page and not PAGE.match(page):
            raise forms.ValidationError(
                _("Give the page's address as it is in the browser, starting with https://.")
            )
        return page


def initial_page(value):
    """A page address handed over in the link (?sivu=/teot/…), if it looks like one."""
    value = without_controls(value or "").strip()[:PAGE_MAX_LENGTH]
    return value if PAGE.match(value) else ""
