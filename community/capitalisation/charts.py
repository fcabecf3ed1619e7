"""Charts drawn on the server as SVG (no JavaScript library), each given to
its template with the rows of the data table that says the same for screen
readers (and for anyone who prefers numbers)."""

from dataclasses import dataclass, field

BAR_HEIGHT = 26
GAP = 10
LABEL_WIDTH = 300
PLOT_WIDTH = 380
VALUE_WIDTH = 90
COLUMN_WIDTH = 70
COLUMN_PLOT_HEIGHT = 180
COLUMN_TOP = 24  # room for the count above the tallest column


@dataclass
class Bar:
    label: str
    value: float
    text: str  # the value as shown (« 4,2 / 5 (12 réponses) »)
    y: int = 0
    x: int = 0
    width: int = 0
    height: int = 0


@dataclass
class Chart:
    """One chart: ``kind`` is « bars » (horizontal) or « columns »."""

    key: str
    title: str
    headers: tuple  # of the data table
    bars: list = field(default_factory=list)
    kind: str = "bars"
    maximum: float = 5
    width: int = 0
    height: int = 0
    hidden: int = 0  # groups left out (fewer answers than the threshold)

    @property
    def ticks(self):
        """Grid lines of a horizontal chart: (x, label)."""
        steps = int(self.maximum)
        return [
            (LABEL_WIDTH + round(PLOT_WIDTH * i / steps), i) for i in range(steps + 1)
        ]

    @property
    def plot_left(self):
        return LABEL_WIDTH

    @property
    def plot_bottom(self):
        return COLUMN_TOP + COLUMN_PLOT_HEIGHT


def bar_chart(key, title, headers, rows, maximum=5, hidden=0):
    """Horizontal bars: ``rows`` are ``(label, value, text)``."""
    chart = Chart(key, title, headers, kind="bars", maximum=maximum, hidden=hidden)
    for i, (label, value, text) in enumerate(rows):
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                text=text,
                x=LABEL_WIDTH,
                y=GAP + i * (BAR_HEIGHT + GAP),
                width=round(PLOT_WIDTH * value / maximum) if maximum else 0,
                height=BAR_HEIGHT,
            )
        )
    chart.width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    chart.height = GAP + len(rows) * (BAR_HEIGHT + GAP) + 20
    return chart


def column_chart(key, title, headers, rows):
    """Vertical columns (a distribution): ``rows`` are ``(label, count, text)``."""
    maximum = max([value for _label, value, _text in rows] + [1])
    chart = Chart(key, title, headers, kind="columns", maximum=maximum)
    for i, (label, value, text) in enumerate(rows):
        height = round(COLUMN_PLOT_HEIGHT * value / maximum)
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                text=text,
                x=40 + i * (COLUMN_WIDTH + GAP * 2),
                y=COLUMN_TOP + COLUMN_PLOT_HEIGHT - height,
                width=COLUMN_WIDTH,
                height=height,
            )
        )
    chart.width = 40 + len(rows) * (COLUMN_WIDTH + GAP * 2) + 20
    chart.height = COLUMN_TOP + COLUMN_PLOT_HEIGHT + 50
    return chart
