"""A quick chart of a result page, picked from its column types, as coordinates for an inline SVG:
- a time or date column and a number: a line over time;
- a text column and a number: bars (the first 30 categories);
- two numbers: a scatter plot.
Nothing is drawn when the result has no number to plot."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from lakehouse.query.results import convert_column

W, H, PAD_L, PAD_B, PAD_T, PAD_R = 640, 300, 64, 60, 12, 16
MAX_BARS = 30


@dataclass
class Chart:
    kind: str  # line | bar | scatter
    x_name: str
    y_name: str
    points: list[tuple[float, float]] = field(default_factory=list)
    bars: list[tuple[float, float, float, str]] = field(default_factory=list)  # x, y, height, label
    bar_width: float = 0.0
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    highlight: list[tuple[float, float, str]] = field(default_factory=list)
    width: int = W
    height: int = H

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.points)

    @property
    def axis_y(self) -> float:
        return H - PAD_B


def _kind(t: pa.DataType) -> str:
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "number"
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        return "time"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_boolean(t) or pa.types.is_dictionary(t):
        return "text"
    return "other"


def _scale(values: list[float], lo_px: float, hi_px: float,
           bounds: tuple[float, float] | None = None) -> tuple[list[float], float, float]:
    lo, hi = bounds or (min(values), max(values))
    if hi == lo:  # one value: in the middle, with the axis around it
        lo, hi = lo - (abs(lo) or 1.0) * 0.5, hi + (abs(hi) or 1.0) * 0.5
    span = hi - lo
    return [lo_px + (v - lo) / span * (hi_px - lo_px) for v in values], lo, hi


def _label(value: float) -> str:
    if abs(value) >= 1000 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _ticks(lo: float, hi: float, px_lo: float, px_hi: float, n: int = 4) -> list[tuple[float, str]]:
    return [(px_lo + (px_hi - px_lo) * i / n, _label(lo + (hi - lo) * i / n)) for i in range(n + 1)]


def _as_number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return datetime.combine(value, datetime.min.time()).timestamp() if isinstance(value, date) and not \
            isinstance(value, datetime) else value.timestamp()  # type: ignore[union-attr]
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def pick_chart(table: pa.Table) -> Chart | None:
    kinds = [(f.name, _kind(f.type), i) for i, f in enumerate(table.schema)]
    numbers = [k for k in kinds if k[1] == "number"]
    if not numbers or table.num_rows == 0:
        return None
    times = [k for k in kinds if k[1] == "time"]
    texts = [k for k in kinds if k[1] == "text"]
    if times:
        return _line(table, times[0], numbers[0])
    if texts:
        return _bars(table, texts[0], numbers[0])
    if len(numbers) >= 2:
        return _scatter(table, numbers[0], numbers[1])
    return _bars(table, None, numbers[0])


def _pairs(table: pa.Table, x: int, y: int) -> list[tuple[float, float]]:
    xs = table.column(x).to_pylist()
    ys = table.column(y).to_pylist()
    out = []
    for a, b in zip(xs, ys, strict=True):
        na, nb = _as_number(a), _as_number(b)
        if na is not None and nb is not None:
            out.append((na, nb))
    return out


def _xy_chart(kind: str, pairs: list[tuple[float, float]], x_name: str, y_name: str, time_axis: bool,
              y_bounds: tuple[float, float] | None = None) -> Chart | None:
    if not pairs:
        return None
    if kind == "line":
        pairs.sort()
    xs, x_lo, x_hi = _scale([p[0] for p in pairs], PAD_L, W - PAD_R)
    ys, y_lo, y_hi = _scale([p[1] for p in pairs], H - PAD_B, PAD_T, y_bounds)
    chart = Chart(kind, x_name, y_name, points=list(zip(xs, ys, strict=True)))
    chart.y_ticks = _ticks(y_lo, y_hi, H - PAD_B, PAD_T)
    if time_axis:
        chart.x_ticks = [(px, datetime.fromtimestamp(v).strftime("%Y-%m-%d"))
                         for px, v in ((PAD_L + (W - PAD_R - PAD_L) * i / 3, x_lo + (x_hi - x_lo) * i / 3)
                                       for i in range(4))]
    else:
        chart.x_ticks = _ticks(x_lo, x_hi, PAD_L, W - PAD_R)
    return chart


def _line(table: pa.Table, x: tuple[str, str, int], y: tuple[str, str, int]) -> Chart | None:
    return _xy_chart("line", _pairs(table, x[2], y[2]), x[0], y[0], time_axis=True)


def _scatter(table: pa.Table, x: tuple[str, str, int], y: tuple[str, str, int]) -> Chart | None:
    return _xy_chart("scatter", _pairs(table, x[2], y[2]), x[0], y[0], time_axis=False)


def _bars(table: pa.Table, label: tuple[str, str, int] | None, y: tuple[str, str, int]) -> Chart | None:
    values = [_as_number(v) for v in table.column(y[2]).to_pylist()[:MAX_BARS]]
    labels = [str(v) for v in convert_column(table.column(label[2]).slice(0, MAX_BARS))] if label else \
        [str(i + 1) for i in range(len(values))]
    kept = [(lab, v) for lab, v in zip(labels, values, strict=True) if v is not None]
    if not kept:
        return None
    lo, hi = min(0.0, *(v for _, v in kept)), max(0.0, *(v for _, v in kept))
    span = (hi - lo) or 1.0
    step = (W - PAD_L - PAD_R) / len(kept)
    zero = H - PAD_B - (0 - lo) / span * (H - PAD_B - PAD_T)
    chart = Chart("bar", label[0] if label else "row", y[0], bar_width=step * 0.8)
    for i, (lab, v) in enumerate(kept):
        top = H - PAD_B - (v - lo) / span * (H - PAD_B - PAD_T)
        chart.bars.append((PAD_L + i * step + step * 0.1, min(top, zero), abs(zero - top),
                           lab if len(lab) <= 14 else lab[:13] + "…"))
    chart.y_ticks = _ticks(lo, hi, H - PAD_B, PAD_T)
    return chart


def trials_chart(trials: list[dict[str, Any]], champion_id: object) -> Chart | None:
    """Recall against p50 latency, one point per trial; the champion's trial circled."""
    points = []
    for trial in trials:
        metrics = trial.get("metrics") or {}
        recall, latency = metrics.get("recall"), metrics.get("p50_ms")
        if isinstance(recall, int | float) and isinstance(latency, int | float):
            points.append((float(latency), float(recall), trial))
    if not points:
        return None
    floor = min(0.9, math.floor(min(y for _, y, _ in points) * 10) / 10)  # recall from a round floor up to 1
    chart = _xy_chart("scatter", [(x, y) for x, y, _ in points], "p50 latency (ms)", "recall", time_axis=False,
                      y_bounds=(floor, 1.0))
    if chart is None:
        return None
    for (x, y), (_, _, trial) in zip(chart.points, points, strict=True):
        if champion_id is not None and trial.get("trial_id") == champion_id:
            chart.highlight.append((x, y, f"champion: trial {champion_id} {trial.get('config')}"))
    return chart
