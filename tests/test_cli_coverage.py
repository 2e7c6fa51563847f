"""``navigator coverage``: the 지원 공백 page's matrix and reach, from the command line."""

from __future__ import annotations

import json

from navigator.cli import main


def test_matrix_text_marks_gaps(capsys) -> None:
    assert main(["coverage", "--embedded"]) == 0
    out = capsys.readouterr().out
    assert "성장 단계" in out and "단계 미상" in out and "공백" in out


def test_reach_json_matches_the_library(capsys) -> None:
    from graph.coverage import reach
    from loaders.catalogue import load_embedded

    assert (
        main(["coverage", "--embedded", "--region", "경북", "--district", "김천시", "--json"]) == 0
    )
    doc = json.loads(capsys.readouterr().out)
    expected = reach(load_embedded().programs, "경북", "김천시")
    assert doc["reach"]["counts"] == expected.counts()
    assert doc["matrix"]["programs"] == len(expected.ids())


def test_unknown_options_exit_2(capsys) -> None:
    assert main(["coverage", "--embedded", "--field", "외계"]) == 2
    assert main(["coverage", "--embedded", "--district", "김천시"]) == 2
    assert main(["coverage", "--embedded", "--region", "아틀란티스"]) == 2
    assert "오류" in capsys.readouterr().err


def test_writes_the_heatmap_or_the_cell_table(tmp_path, capsys) -> None:
    svg, table = tmp_path / "m.svg", tmp_path / "m.csv"
    assert main(["coverage", "--embedded", "--region", "경북", "-o", str(svg)]) == 0
    assert "경북에서 닿는 사업" in svg.read_text(encoding="utf-8")
    assert main(["coverage", "--embedded", "--by", "sido", "-o", str(table)]) == 0
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("행,국면,사업 수") and len(lines) == 1 + 19 * 5
    assert main(["coverage", "--embedded", "-o", str(tmp_path / "m.png")]) == 2


def test_the_heatmap_title_names_every_filter(tmp_path) -> None:
    svg = tmp_path / "bio.svg"
    assert main(["coverage", "--embedded", "--field", "바이오", "-o", str(svg)]) == 0
    assert "<title>성장 단계 × 지원 국면 · 바이오·헬스 (전체)</title>" in svg.read_text("utf-8")
    assert main(["coverage", "--embedded", "--sido", "경북", "-o", str(svg)]) == 0
    assert "· 경북 사업 (전체)</title>" in svg.read_text("utf-8")
