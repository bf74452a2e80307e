"""The newsletter's figures: per year and month in Finnish time, what the current
subscribers chose, and the visits each issue brought."""

import datetime as dt

import pytest

from analytics.models import ReferrerDay
from newsletter.figures import by_language, by_topic, counted_years, issue_visits, year_figures
from newsletter.models import IssueStatus
from tests.newsletter.figures_data import at, history, when

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    made = history()
    with when(at(2025, 8, 15, 12)):
        yield made


def test_a_year_counts_who_was_subscribed_at_its_end_who_joined_and_who_left(people):
    figures = year_figures(2024)
    assert (figures.subscribers_at_year_end, figures.joined, figures.left, figures.issues) == (
        2,
        2,
        0,
        0,
    )
    figures = year_figures(2025)
    # b joined at 00:30 on 1 January, Finnish time: in 2025 (in UTC still 2024).
    assert (figures.subscribers_at_year_end, figures.joined, figures.left, figures.issues) == (
        2,
        3,
        3,
        1,
    )
    assert year_figures(2023).subscribers_at_year_end == 0


def test_months_of_the_current_year_run_up_to_this_month(people):
    months = year_figures(2025).months
    assert [m.month for m in months] == [dt.date(2025, n, 1) for n in range(1, 9)]
    assert [(m.joined, m.left) for m in months] == [
        (1, 1),
        (1, 0),
        (1, 0),
        (0, 0),
        (0, 1),
        (0, 0),
        (0, 1),
        (0, 0),
    ]
    assert [m.subscribers_at_end for m in months] == [2, 3, 4, 4, 3, 3, 2, 2]
    assert len(year_figures(2024).months) == 12 and year_figures(2026).months == []


def test_current_subscribers_by_language_and_topic(people):
    assert by_language() == [("fi", "Suomi", 0), ("sv", "Svenska", 1), ("en", "English", 1)]
    topics = by_topic()
    assert (topics["subscribers"], topics["newsletter"]) == (2, 1)
    # c chose the sector too but has left: only b counts.
    assert dict(topics["sectors"])[people["sector"]] == 1
    assert sum(n for _term, n in topics["themes"]) == 0
    assert len(topics["regions"]) == 19


def test_visits_per_issue_come_from_the_visitor_figures(people):
    issue = people["issue"]
    assert issue.status == IssueStatus.SENT
    ReferrerDay.objects.create(
        day=dt.date(2025, 3, 10), host="uutiskirje:2025-03", views=9, visitors=5
    )
    ReferrerDay.objects.create(
        day=dt.date(2025, 3, 11), host="uutiskirje:2025-03", views=3, visitors=2
    )
    ReferrerDay.objects.create(
        day=dt.date(2025, 3, 11), host="uutiskirje:2025-02", views=50, visitors=40
    )
    ReferrerDay.objects.create(day=dt.date(2025, 3, 11), host="kunta.fi", views=7, visitors=7)
    [row] = issue_visits(2025)
    assert (row.issue, row.views, row.visitors) == (issue, 12, 7)
    assert issue_visits(2024) == []


def test_years_with_anything_to_count(people):
    assert counted_years() == [2025, 2024]
