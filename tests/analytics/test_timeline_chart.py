"""The SVG timeline's geometry: bars within the plot, marked periods where they fall."""

import datetime as dt

from core.charts import Band, Point, nice_top, timeline

DAY = dt.date(2026, 11, 1)


def points(views):
    return [
        Point(DAY + dt.timedelta(days=n), DAY + dt.timedelta(days=n), str(n), v, v // 3)
        for n, v in enumerate(views)
    ]


def test_the_scale_is_round_and_halves_to_a_whole_number():
    assert [nice_top(v) for v in (0, 3, 7, 10, 13, 45, 100, 1234)] == [
        2,
        4,
        8,
        10,
        20,
        60,
        100,
        2000,
    ]


def test_the_tallest_bar_fills_the_plot_and_an_empty_day_has_no_height():
    chart = timeline(points([0, 50, 100]))
    heights = [bar["height"] for bar in chart.bars]
    assert heights[0] == 0 and heights[2] == chart.baseline - 20
    assert all(
        chart.left <= bar["x"] and bar["x"] + bar["width"] <= chart.right for bar in chart.bars
    )
    assert [tick["text"] for tick in chart.y_ticks] == [0, 50, 100]


def test_a_campaign_is_drawn_over_the_days_it_covers():
    chart = timeline(
        points([10] * 10),
        [
            Band(DAY + dt.timedelta(days=2), DAY + dt.timedelta(days=4), "Kampanja"),
            Band(DAY + dt.timedelta(days=30), DAY + dt.timedelta(days=40), "Myöhemmin"),
        ],
    )
    (band,) = chart.bands
    assert band["x"] == chart.bars[2]["x"] - (chart.bars[0]["x"] - chart.left)
    assert round(band["width"] / ((chart.right - chart.left) / 10)) == 3
    assert chart.band_labels == ["Kampanja"]


def test_no_points_draw_nothing():
    chart = timeline([])
    assert not chart.bars and not chart.line
