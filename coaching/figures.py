"""The coaching figures the programme reports, counted from the rows (the stats API's
``/api/v1/stats/coaching``, the staff's board, the annual report).

A year is a round's year. Participants are counted per coaching, once: the largest
held session's participants (a group that met three times is one group, not three),
and employees likewise; days used are summed over held sessions.
"""

from collections import Counter
from decimal import Decimal

from django.db.models import Sum

from .feedback import feedback_summary
from .models import Application, CoachingTheme, FeedbackAnswer, Round, Session

ZERO = Decimal("0")


def _days(value):
    value = value or ZERO
    return int(value) if value == int(value) else float(value)


def coaching_figures(year):
    """The figures of one year's round (zeros for a year without one)."""
    round_ = Round.objects.filter(year=year).first()
    applications = Application.objects.sent().filter(round__year=year)
    experts = round_.experts.all() if round_ else []
    organisations = {
        ("id", a.organisation_id) if a.organisation_id else ("name", a.organisation_name.casefold())
        for a in applications.only("organisation_id", "organisation_name")
    }
    theme_counts = Counter(applications.values_list("themes", flat=True).exclude(themes=None))
    themes = CoachingTheme.objects.filter(pk__in=theme_counts)
    realised = list(applications.realised().prefetch_related("sessions"))
    participants = employees = 0
    for application in realised:
        group = application.group()
        participants += group["participants"]
        employees += group["employees"]
    used = Session.objects.filter(application__in=applications, held=True).aggregate(n=Sum("days"))[
        "n"
    ]
    feedback = feedback_summary(FeedbackAnswer.objects.filter(application__in=applications))
    return {
        "year": year,
        "experts": len(experts),
        "expert_organisations": len({e.organisation_name.casefold() for e in experts}),
        "applications": applications.count(),
        "organisations": len(organisations),
        "days_requested": _days(applications.aggregate(n=Sum("days_requested"))["n"]),
        "days_granted": _days(applications.granted().aggregate(n=Sum("days_granted"))["n"]),
        "days_used": _days(used),
        "by_theme": [
            {"theme": theme.slug, "name": theme.name, "applications": theme_counts[theme.pk]}
            for theme in sorted(themes, key=lambda t: (-theme_counts[t.pk], t.position))
        ],
        "realised": len(realised),
        "participants": participants,
        "employees": employees,
        "feedback_mean": feedback["mean"],
        "feedback_count": feedback["count"],
    }
