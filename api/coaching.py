"""/api/v1/stats/coaching: a year's coaching figures, as the programme reports them
(coaching/figures.py). Counts only: nothing about any applicant, expert or answer."""

from coaching.figures import coaching_figures

from .events import year_parameter
from .views import api_view, json


@api_view
def coaching_stats(request, language):
    """Experts, applications, days, themes, realised coachings, participants, feedback."""
    return json(coaching_figures(year_parameter(request, required=True)))
