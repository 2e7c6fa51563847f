"""The downloadable SVG charts: valid XML, Korean text kept, program text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from graph.svgchart import FONT_FAMILY, Bar, bars_svg, heatmap_svg, text_width, waterfall_svg

NS = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg.split("\n", 1)[1])
    return [t.text or "" for t in root.iter(f"{NS}text")]


def test_heatmap_marks_gaps_and_keeps_korean() -> None:
    svg = heatmap_svg(
        ["예비", "초기"],
        ["사업화", "글로벌"],
        [[3, 0], [1, 0]],
        title="단계 × 국면",
        desc="출처: 통합공고",
        gaps=[["", "gap"], ["", "open"]],
    )
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert f'font-family="{FONT_FAMILY}"' in svg
    assert {"단계 × 국면", "예비", "초기", "사업화", "글로벌", "3", "0"} <= set(texts(svg))
    assert svg.count('fill="#FCE4D6"') == 2  # the confirmed gap and its legend swatch
    assert heatmap_svg(["a"], ["b"], [[1]], title="t") == heatmap_svg(
        ["a"], ["b"], [[1]], title="t"
    )


def test_bars_escape_program_text_and_sign_values() -> None:
    svg = bars_svg(
        [Bar("<script>alert(1)</script>", 146.0), Bar("감소 & 폐지", -50.5), Bar("미상", None)],
        title="예산 증감",
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    found = texts(svg)
    assert "+146억원" in found and "-50.5억원" in found and "미상" in found
    assert "감소 & 폐지" in found


def test_waterfall_runs_from_total_to_total() -> None:
    svg = waterfall_svg(
        [("2025 합계", 100.0, "total"), ("증가", 30.0, "step"), ("2026 합계", 130.0, "total")],
        title="예산 흐름",
    )
    assert {"100억원", "+30억원", "130억원"} <= set(texts(svg))
    assert svg.count("stroke-dasharray") == 2


def test_text_width_counts_hangul_as_wide() -> None:
    assert text_width("가나", 10) == 20 and text_width("ab", 10) == 12
