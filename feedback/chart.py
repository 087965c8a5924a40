"""The helpfulness chart drawn on the server as SVG: a bar per period for the share of Ja, a whisker for
its Wilson interval, the number of answers under each bar and a line at each published version. The
template adds the title, description and a table with the same figures for screen readers."""

from dataclasses import dataclass, field

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 24, 64
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
# At most this many period labels under the axis; the table has them all.
MAX_LABELS = 12


def y_for(percent):
    return TOP + PLOT_HEIGHT * (1 - percent / 100)


@dataclass
class Chart:
    """Coordinates for the template: bars, whiskers, counts, labels, grid lines and version markers."""

    width: int = WIDTH
    height: int = HEIGHT
    bars: list = field(default_factory=list)
    grid: list = field(default_factory=list)
    markers: list = field(default_factory=list)
    plot_top: int = TOP
    plot_bottom: int = TOP + PLOT_HEIGHT
    plot_left: int = LEFT
    plot_right: int = LEFT + PLOT_WIDTH


def build_chart(periods, published):
    """The chart of `periods` (trends.Share, oldest first) with a marker at each publication time."""
    chart = Chart()
    chart.grid = [{"y": y_for(percent), "label": f"{percent}\u00a0%"} for percent in (0, 25, 50, 75, 100)]
    if not periods:
        return chart
    band = PLOT_WIDTH / len(periods)
    step = max(1, -(-len(periods) // MAX_LABELS))
    for index, period in enumerate(periods):
        centre = LEFT + band * (index + 0.5)
        low, high = period.interval
        chart.bars.append(
            {
                "x": LEFT + band * (index + 0.15),
                "width": band * 0.7,
                "y": y_for(period.share),
                "height": PLOT_HEIGHT * period.share / 100,
                "centre": centre,
                "low": y_for(low),
                "high": y_for(high),
                "count": period.total,
                "label": period.label if index % step == 0 else "",
                "few": period.few,
            }
        )
    first, last = periods[0].start, periods[-1].end
    for number, (when, _revision) in enumerate(published, start=1):
        if not first <= when < last:
            continue
        index = next(i for i, period in enumerate(periods) if when < period.end)
        period = periods[index]
        # A version published in a gap between periods with answers sits at the start of the next one.
        fraction = max(0.0, (when - period.start) / (period.end - period.start))
        chart.markers.append({"x": LEFT + band * (index + fraction), "number": number, "when": when})
    return chart
