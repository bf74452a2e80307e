from django import forms
from django.utils.translation import gettext_lazy as _

from deeds.models import Deed
from organisations.models import Organisation

from .awards import AwardCategory, CategoryKind
from .models import RankingRule, outside_years


class RankingForm(forms.Form):
    start = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    rule = forms.ChoiceField(
        label=_("Each deed counts for"),
        choices=RankingRule.choices,
        required=False,
        initial=RankingRule.HOME,
    )

    def clean(self):
        data = super().clean()
        if problem := outside_years(data.get("start"), data.get("end")):
            self.add_error(None, problem)
        elif data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data


# The staff's gala page (recognition/staff.py): one small form per step, each with its
# own prefix so that the page's field ids stay unique.

TEXT_MAX = 5000


def in_three_languages(labels, *, max_length=200, textarea=False, required=False):
    """The fields of one staff-entered text in Finnish, Swedish and English, to be named
    ``x``, ``x_sv`` and ``x_en`` like the model's fields. Only the Finnish one can be
    required: the other two fall back to it (models.translated).

    ``labels``: the three labels, written out so that each is its own translatable string.
    """

    def field(label, required):
        widget = forms.Textarea(attrs={"rows": 3}) if textarea else None
        return forms.CharField(label=label, max_length=max_length, required=required, widget=widget)

    finnish, swedish, english = labels
    return field(finnish, required), field(swedish, False), field(english, False)


class CategoryForm(forms.Form):
    name, name_sv, name_en = in_three_languages(
        (_("Name in Finnish"), _("Name in Swedish"), _("Name in English")), required=True
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=CategoryKind.choices)


class ShortlistForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Category"), queryset=AwardCategory.objects.none())
    deed = forms.IntegerField(
        label=_("Deed number"),
        min_value=1,
        max_value=2**31 - 1,
        help_text=_("The number in the deed's address: /teot/123/…"),
    )
    jury_notes = forms.CharField(
        label=_("Jury notes (never public)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_MAX,
        required=False,
    )

    def __init__(self, *args, gala, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = gala.categories.order_by("position", "name")

    def clean_deed(self):
        number = self.cleaned_data["deed"]
        deed = Deed.objects.filter(pk=number).first()
        if deed is None:
            raise forms.ValidationError(_("There is no deed with this number."))
        return deed


class MentionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("sort_key")
    )
    unit = forms.CharField(label=_("Unit"), max_length=200, required=False)
    text, text_sv, text_en = in_three_languages(
        (_("Grounds in Finnish"), _("Grounds in Swedish"), _("Grounds in English")),
        max_length=TEXT_MAX,
        textarea=True,
    )


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Results public from (Finnish time)"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: not until you publish them."),
    )


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm: publish the results now. This cannot be taken back."),
        error_messages={"required": _("Tick the box to confirm the publication.")},
    )


class FreezeResultForm(forms.Form):
    """Freeze the campaign's "most inventive municipality" result (staff campaign page)."""

    title, title_sv, title_en = in_three_languages(
        (_("Title in Finnish"), _("Title in Swedish"), _("Title in English")), required=True
    )
    rule = forms.ChoiceField(label=_("Each deed counts for"), choices=RankingRule.choices)
    text, text_sv, text_en = in_three_languages(
        (_("Text in Finnish"), _("Text in Swedish"), _("Text in English")),
        max_length=TEXT_MAX,
        textarea=True,
    )
