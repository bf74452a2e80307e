"""/api/v1/stats/newsletter: the newsletter's yearly figures, as the programme reports
them (newsletter/figures.py). Counts only: nothing about any subscriber."""

from newsletter.figures import year_figures

from .events import year_parameter
from .views import api_view, json


@api_view
def newsletter_stats(request, language):
    """Subscribers at the year's end, joined and left in the year, issues sent."""
    figures = year_figures(year_parameter(request, required=True))
    return json(
        {
            "year": figures.year,
            "subscribers_at_year_end": figures.subscribers_at_year_end,
            "joined": figures.joined,
            "left": figures.left,
            "issues": figures.issues,
        }
    )
