"""Small, dependency-free SVG charts for download: a heatmap, diverging bars and a waterfall.

Why our own writer rather than a chart library: the app draws its in-page charts with Altair
(shipped with Streamlit), but turning a Vega-Lite spec into a file needs ``vl-convert`` (a
~100 MB native package) or a browser, and a matplotlib PNG needs a Korean font installed on the
*server* (without one every Hangul glyph is a box). An SVG's text is drawn by the *viewer* with
its own fonts, so Korean shows wherever the person opening the file has a Korean font (every
Korean desktop and phone does), the file stays a few kilobytes, opens in browsers, Office and
Illustrator, and works offline. The three charts here need rectangles, lines and text only.

All text is XML-escaped (program names come from public files); output is deterministic, so
tests compare it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

__all__ = [
    "FONT_FAMILY",
    "Bar",
    "bars_svg",
    "cell_colour",
    "heatmap_svg",
    "text_colour",
    "text_width",
    "waterfall_spans",
    "waterfall_svg",
]

# Korean fonts first (Windows, macOS, Linux, Android), then the generic family.
FONT_FAMILY = (
    "'Noto Sans KR', 'Noto Sans CJK KR', 'Malgun Gothic', 'Apple SD Gothic Neo', "
    "'NanumGothic', sans-serif"
)
_INK = "#222222"
_MUTED = "#666666"
_GRID = "#DDDDDD"
_POSITIVE = "#2E6DB4"
_NEGATIVE = "#C8553D"
_TOTAL = "#5B6770"
_GAP = "#FCE4D6"  # the export's gap colour
_UNCONFIRMED = "#F4F4F4"


def text_width(text: str, size: float) -> float:
    """Approximate rendered width: Hangul and other wide glyphs ≈ 1 em, others ≈ 0.6 em."""
    return sum(size if ord(ch) > 0x1100 else size * 0.6 for ch in text)


def _num(value: float) -> str:
    """Coordinates with at most one decimal, no trailing ".0" (stable, compact output)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 12,
    anchor: str = "start",
    fill: str = _INK,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{escape(content)}</text>'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, *, stroke: str = "") -> str:
    extra = f' stroke="{stroke}"' if stroke else ""
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 0))}" '
        f'height="{_num(max(h, 0))}" fill="{fill}"{extra}/>'
    )


def _document(width: float, height: float, title: str, desc: str, body: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" font-family={quoteattr(FONT_FAMILY)} '
        'role="img">'
    )
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            head,
            f"<title>{escape(title)}</title>",
            f"<desc>{escape(desc)}</desc>",
            _rect(0, 0, width, height, "#FFFFFF"),
            *body,
            "</svg>",
            "",
        ]
    )


def _blend(share: float) -> str:
    """White → dark blue for a share in [0, 1]."""
    low, high = (0xEE, 0xF4, 0xFB), (0x1F, 0x4E, 0x78)
    mix = [round(a + (b - a) * share) for a, b in zip(low, high, strict=True)]
    return "#" + "".join(f"{c:02X}" for c in mix)


def cell_colour(value: float | None, peak: float, mark: str = "") -> str:
    """A heatmap cell's fill: orange for a gap ("gap"), light grey for a gap unknown programs
    may fill ("open"), else white → dark blue by ``value / peak`` (white when no value).
    The app's in-page heatmap uses the same colours, so the file looks like the page."""
    if mark == "gap":
        return _GAP
    if mark == "open":
        return _UNCONFIRMED
    if value is None or not peak:
        return "#FFFFFF"
    return _blend(0.12 + 0.88 * (value / peak))


def text_colour(value: float | None, peak: float, mark: str = "") -> str:
    """White text on the darker half of the blue scale, dark text elsewhere."""
    dark = value is not None and peak and not mark and value / peak > 0.55
    return "#FFFFFF" if dark else _INK


def _amount(value: float, unit: str) -> str:
    text = f"{value:,.1f}" if value % 1 else f"{value:,.0f}"
    return f"{text}{unit}"


def heatmap_svg(
    rows: Sequence[str],
    cols: Sequence[str],
    values: Sequence[Sequence[float | None]],
    *,
    title: str,
    desc: str = "",
    labels: Sequence[Sequence[str]] | None = None,
    gaps: Sequence[Sequence[str]] | None = None,
) -> str:
    """A row × column heatmap with each cell's label written in it.

    ``values`` set the colour (None = no value: white). ``labels`` are the texts in the cells
    (default: the values). ``gaps`` marks cells: "gap" (confirmed, orange) or "open" (a gap
    that unknown programs may fill, light grey); "" for none. ``desc`` goes into the file's
    ``<desc>`` and under the title (source, data, caveats).
    """
    cell_w, cell_h, size = 96.0, 34.0, 12.0
    left = max([text_width(r, size) for r in rows] + [40]) + 16
    top = 70.0 + (18 if desc else 0)
    width = left + cell_w * len(cols) + 16
    height = top + cell_h * len(rows) + 40
    finite = [v for row in values for v in row if v is not None]
    peak = max(finite) if finite else 0
    body = [_text(12, 26, title, size=16, weight="bold")]
    if desc:
        body.append(_text(12, 46, desc, size=11, fill=_MUTED))
    for j, col in enumerate(cols):
        body.append(_text(left + cell_w * (j + 0.5), top - 10, col, size=size, anchor="middle"))
    for i, row in enumerate(rows):
        y = top + cell_h * i
        body.append(_text(left - 8, y + cell_h / 2 + 4, row, size=size, anchor="end"))
        for j in range(len(cols)):
            x = left + cell_w * j
            value = values[i][j]
            mark = gaps[i][j] if gaps else ""
            fill = cell_colour(value, peak, mark)
            body.append(_rect(x, y, cell_w, cell_h, fill, stroke=_GRID))
            label = labels[i][j] if labels else ("" if value is None else _amount(value, ""))
            body.append(
                _text(
                    x + cell_w / 2,
                    y + cell_h / 2 + 4,
                    label,
                    size=size,
                    anchor="middle",
                    fill=text_colour(value, peak, mark),
                )
            )
    legend_y = top + cell_h * len(rows) + 24
    body += [
        _rect(left, legend_y - 11, 14, 14, _GAP, stroke=_GRID),
        _text(left + 20, legend_y, "공백 (해당 사업 없음)", size=11, fill=_MUTED),
        _rect(left + 180, legend_y - 11, 14, 14, _UNCONFIRMED, stroke=_GRID),
        _text(
            left + 200, legend_y, "미확인 공백 (단계·지역 미상 사업이 있음)", size=11, fill=_MUTED
        ),
    ]
    width = max(width, left + 480)
    return _document(width, height, title, desc, body)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: label, value (None = unknown, drawn as a note), and an optional note."""

    label: str
    value: float | None
    note: str = ""


def bars_svg(bars: Sequence[Bar], *, title: str, desc: str = "", unit: str = "억원") -> str:
    """Horizontal bars around zero (increases right in blue, decreases left in red)."""
    size, bar_h, gap = 12.0, 20.0, 8.0
    left = max([text_width(b.label, size) for b in bars] + [60]) + 16
    plot_w = 420.0
    top = 60.0 + (18 if desc else 0)
    known = [b.value for b in bars if b.value is not None]
    lo, hi = min([0.0, *known]), max([0.0, *known])
    span = (hi - lo) or 1.0
    label_room = 90.0
    zero_x = left + label_room + (0 - lo) / span * plot_w if lo < 0 else left + 0

    def x_of(v: float) -> float:
        return zero_x + v / span * plot_w

    width = zero_x + (hi / span) * plot_w + label_room + 16
    height = top + (bar_h + gap) * len(bars) + 30
    body = [_text(12, 26, title, size=16, weight="bold")]
    if desc:
        body.append(_text(12, 46, desc, size=11, fill=_MUTED))
    for i, b in enumerate(bars):
        y = top + (bar_h + gap) * i
        body.append(_text(left - 8, y + bar_h / 2 + 4, b.label, size=size, anchor="end"))
        if b.value is None:
            body.append(
                _text(zero_x + 6, y + bar_h / 2 + 4, b.note or "미상", size=11, fill=_MUTED)
            )
            continue
        x0, x1 = sorted((zero_x, x_of(b.value)))
        body.append(_rect(x0, y, x1 - x0, bar_h, _POSITIVE if b.value >= 0 else _NEGATIVE))
        sign = "+" if b.value > 0 else ""
        text = f"{sign}{_amount(b.value, unit)}" + (f" {b.note}" if b.note else "")
        if b.value >= 0:
            body.append(_text(x1 + 6, y + bar_h / 2 + 4, text, size=11))
        else:
            body.append(_text(x0 - 6, y + bar_h / 2 + 4, text, size=11, anchor="end"))
    body.append(
        f'<line x1="{_num(zero_x)}" y1="{_num(top - 4)}" x2="{_num(zero_x)}" '
        f'y2="{_num(height - 26)}" stroke="{_INK}" stroke-width="1"/>'
    )
    return _document(width, height, title, desc, body)


def waterfall_spans(steps: Iterable[tuple[float, str]]) -> list[tuple[float, float]]:
    """Where each bar of a waterfall starts and ends: ``(amount, kind)`` with kind "total" (a
    bar from zero, which resets the running total) or "step" (from the running total).

    >>> waterfall_spans([(100, "total"), (-30, "step"), (50, "step"), (120, "total")])
    [(0.0, 100), (100, 70), (70, 120), (0.0, 120)]
    """
    running = 0.0
    spans: list[tuple[float, float]] = []
    for amount, kind in steps:
        if kind == "total":
            running = amount
            spans.append((0.0, amount))
        else:
            spans.append((running, running + amount))
            running += amount
    return spans


def waterfall_svg(
    steps: Sequence[tuple[str, float, str]], *, title: str, desc: str = "", unit: str = "억원"
) -> str:
    """A horizontal waterfall: ``(label, amount, kind)`` with kind "total" (a bar from zero)
    or "step" (a bar from the running total, blue up, red down)."""
    size, bar_h, gap = 12.0, 22.0, 10.0
    left = max([text_width(label, size) for label, _, _ in steps] + [60]) + 16
    plot_w = 420.0
    top = 60.0 + (18 if desc else 0)
    spans = waterfall_spans((amount, kind) for _, amount, kind in steps)
    lo = min([0.0, *(min(a, b) for a, b in spans)])
    hi = max([0.0, *(max(a, b) for a, b in spans)])
    span = (hi - lo) or 1.0

    def x_of(v: float) -> float:
        return left + (v - lo) / span * plot_w

    width = left + plot_w + 130
    height = top + (bar_h + gap) * len(steps) + 30
    body = [_text(12, 26, title, size=16, weight="bold")]
    if desc:
        body.append(_text(12, 46, desc, size=11, fill=_MUTED))
    for i, ((label, amount, kind), (a, b)) in enumerate(zip(steps, spans, strict=True)):
        y = top + (bar_h + gap) * i
        body.append(_text(left - 8, y + bar_h / 2 + 4, label, size=size, anchor="end"))
        x0, x1 = sorted((x_of(a), x_of(b)))
        colour = _TOTAL if kind == "total" else _POSITIVE if amount >= 0 else _NEGATIVE
        body.append(_rect(x0, y, max(x1 - x0, 1), bar_h, colour))
        sign = "" if kind == "total" else "+" if amount > 0 else ""
        body.append(_text(x1 + 6, y + bar_h / 2 + 4, f"{sign}{_amount(amount, unit)}", size=11))
        if i + 1 < len(steps):  # connector to the next bar
            body.append(
                f'<line x1="{_num(x_of(b))}" y1="{_num(y + bar_h)}" x2="{_num(x_of(b))}" '
                f'y2="{_num(y + bar_h + gap)}" stroke="{_MUTED}" stroke-dasharray="2,2"/>'
            )
    return _document(width, height, title, desc, body)
