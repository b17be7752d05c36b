"""A line chart drawn on the server as SVG: the geometry only (the template draws it).

Each series is told apart by line pattern and marker shape as well as colour, so the chart does
not depend on colour vision. A month without a published figure (suppressed) breaks the line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 720
HEIGHT = 360
LEFT = 72
RIGHT = 16
TOP = 16
BOTTOM = 56

STYLES = (
    ("series-1", "", "circle"),
    ("series-2", "8 4", "square"),
    ("series-3", "2 3", "triangle"),
)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Series:
    name: str
    css_class: str
    dash: str  # stroke-dasharray, "" for a solid line
    marker: str  # "circle", "square" or "triangle"
    lines: tuple[str, ...]  # polyline points, one per unbroken run
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    series: tuple[Series, ...]


def nice_ceiling(value: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least `value` (1 for nothing)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def labelled_months(count: int, most: int = 6) -> list[int]:
    """Which of `count` months get a label under the chart: at most `most`, evenly spaced and
    counted back from the newest, which is always labelled (two labels side by side overlap)."""
    every = max(1, math.ceil(count / most))
    return sorted(range(count - 1, -1, -every))


def build_chart(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    number: Callable[[float], str],
) -> Chart:
    """The chart of up to three series over the same months (None: no published figure)."""
    values = [v for _, data in series for v in data if v is not None]
    top_value = nice_ceiling(max(values, default=0))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    count = len(x_labels)

    def x_at(index: int) -> float:
        return LEFT + (plot_width / 2 if count == 1 else index * plot_width / (count - 1))

    def y_at(value: float) -> float:
        return TOP + plot_height - value / top_value * plot_height

    y_ticks = tuple(
        Tick(round(y_at(top_value * step / 4), 1), number(top_value * step / 4))
        for step in range(5)
    )
    x_ticks = tuple(
        Tick(round(x_at(index), 1), x_labels[index]) for index in labelled_months(count)
    )
    drawn = []
    for (name, data), (css_class, dash, marker) in zip(series, STYLES, strict=False):
        points = [
            None if value is None else Point(round(x_at(i), 1), round(y_at(value), 1))
            for i, value in enumerate(data)
        ]
        drawn.append(
            Series(
                name=name,
                css_class=css_class,
                dash=dash,
                marker=marker,
                lines=_runs(points),
                points=tuple(point for point in points if point is not None),
            )
        )
    return Chart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, y_ticks, x_ticks, tuple(drawn))


def _runs(points: Sequence[Point | None]) -> tuple[str, ...]:
    runs: list[list[Point]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return tuple(" ".join(f"{p.x},{p.y}" for p in run) for run in runs if len(run) > 1)
