"""Search words typed fewer than three times in all (a person's name, say) lose their
words after the raw period; their counts stay in the day's "other searches" (issue 19)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from analytics.models import SearchDay

pytestmark = pytest.mark.django_db


def test_rare_old_searches_fold_into_other_searches_and_totals_stay(settings):
    settings.ANALYTICS_RAW_DAYS = 30
    today = timezone.localdate()
    old, recent = today - timedelta(days=40), today - timedelta(days=5)
    SearchDay.objects.create(day=old, query="kotihoito", searches=2)
    SearchDay.objects.create(day=recent, query="kotihoito", searches=5)
    SearchDay.objects.create(day=old, query="maija virtanen", searches=1, zero_results=1)
    SearchDay.objects.create(day=old, query="matti meikäläinen", searches=1)
    SearchDay.objects.create(day=recent, query="liisa esimerkki", searches=1)

    call_command("prune")

    rows = {(r.day, r.query): (r.searches, r.zero_results) for r in SearchDay.objects.all()}
    assert rows == {
        (old, "kotihoito"): (2, 0),  # searched 7 times in all: a topic, kept
        (recent, "kotihoito"): (5, 0),
        (old, ""): (2, 1),  # the two names: counted, without their words
        (recent, "liisa esimerkki"): (1, 0),  # still within the raw period
    }
    assert sum(r.searches for r in SearchDay.objects.filter(day=old)) == 4
    top = list(SearchDay.objects.between(old, today).top(10))
    assert [row["query"] for row in top] == ["kotihoito", "liisa esimerkki"]
