"""Charts say what their numbers are: published deeds, not a bare "highest 186"."""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation

from core import charts


def timeline_svg(months, language):
    rows = [SimpleNamespace(label=f"{m + 1}/2024", count=m * 60) for m in range(months)]
    with translation.override(language):
        return render_to_string(
            "stats/_timeline.svg.html",
            {"chart": charts.timeline(rows), "id": "t", "title": "Teot kuukausittain"},
        )


def test_a_long_timeline_labels_its_scale_with_what_it_counts():
    # 30 columns: too many to print each count, so the top of the scale is labelled.
    assert "1\xa0740 julkaistua tekoa" in timeline_svg(30, "fi")
    assert "1\xa0740 publicerade insatser" in timeline_svg(30, "sv")
    assert "1,740 published deeds" in timeline_svg(30, "en")
    assert "suurin" not in timeline_svg(30, "fi")


def test_a_short_timeline_prints_each_count_instead():
    svg = timeline_svg(12, "fi")
    assert "julkaistua tekoa" not in svg
    assert ">660</text>" in svg
