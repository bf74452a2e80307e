from django import forms
from django.utils.translation import gettext_lazy as _

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
