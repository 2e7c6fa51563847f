"""Duplicate detection: normalised keys, explainable scores, cross-institution pairs, clusters."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.duplicates import (
    COMPONENTS,
    DEFAULT_THRESHOLD,
    _components,
    _different,
    _prepare,
    _score,
    candidate_cutoffs,
    different_institutions,
    find_duplicates,
    jamo_key,
    name_key,
    overlap_table,
    score_pair,
)
from loaders.catalogue import load_embedded
from loaders.model import Program
from navigator.cli import main

LABELLED = Path(__file__).resolve().parent / "labelled_pairs.csv"


def prog(
    pid: str,
    name: str,
    *,
    institution: str = "",
    region: str = "",
    level: str = "지자체",
    summary: str = "창업기업에 사무공간과 멘토링을 제공하여 성장을 지원",
    target: str = "",
    stype: str = "시설·공간·보육",
    stages: tuple[str, ...] = ("예비", "초기"),
    ministry: str = "",
) -> Program:
    return Program(
        pid, 2026, level, ministry or region or institution, institution, region, name, stype,
        summary=summary, target_text=target, stages=stages,
    )  # fmt: skip


def test_name_key_drops_places_years_brackets_and_generic_endings() -> None:
    assert name_key("2026년 김해시 1인 창조기업 지원센터 운영사업") == "1인창조기업지원센터"
    assert name_key("고양 1인 창조기업 지원센터 운영") == "1인창조기업지원센터"
    assert name_key("창업보육센터 운영 지원") == name_key("창업보육센터 지원사업")
    assert name_key("서울창업허브 공덕 (우수기업 발굴·육성)") == "서울창업허브공덕"


def test_jamo_key_stays_in_the_fast_byte_range() -> None:
    key = jamo_key("창업보육센터ai5")
    assert all(ord(ch) < 0x100 for ch in key)
    assert key.endswith("ai5")
    assert len(key) > len("창업보육센터ai5")


def test_pair_breakdown_has_every_component() -> None:
    a = prog("a", "고양 1인 창조기업 지원센터 운영", institution="고양시", region="경기")
    b = prog("b", "김해시 1인 창조기업 지원센터 운영사업", institution="김해시", region="경남")
    pair = score_pair(a, b)
    assert set(pair.breakdown) == set(COMPONENTS)
    assert pair.breakdown["name"] == 100.0
    assert pair.breakdown["type"] == 100.0
    assert pair.missing == ("target",)
    assert 0 <= pair.score <= 100


def test_missing_components_do_not_count_against_a_pair() -> None:
    a = prog("a", "청년창업 지원사업", region="강원", target="")
    b = prog("b", "청년창업 지원사업", region="전북", target="만 39세 이하 청년")
    pair = score_pair(a, b)
    assert "target" in pair.missing
    assert pair.breakdown["target"] == 0.0
    assert pair.score == pytest.approx(100.0)


def test_only_pairs_of_different_institutions() -> None:
    same = [
        prog("a", "창업보육센터 운영지원", institution="경기도", region="경기"),
        prog("b", "창업보육센터 운영 지원", institution="경기도", region="경기"),
    ]
    assert find_duplicates(same).pairs == []
    other = [*same, prog("c", "창업보육센터 운영지원사업", institution="경상남도", region="경남")]
    found = {(p.a_id, p.b_id) for p in find_duplicates(other).pairs}
    assert found == {("a", "c"), ("b", "c")}


def test_unknown_institutions_need_other_evidence() -> None:
    a = prog("a", "창업보육센터 운영지원", region="경기")
    b = prog("b", "창업보육센터 운영 지원", region="경기")
    assert different_institutions(a, b) is None
    result = find_duplicates([a, b])
    assert result.pairs == []
    assert result.undetermined == 1
    assert different_institutions(a, prog("c", "창업보육센터 운영지원", region="경남")) is True
    central = prog("d", "창업보육센터 운영지원", level="중앙부처", region="전국")
    assert different_institutions(a, central) is True
    placed = prog("e", "고양 창업보육센터 운영지원", region="경기")
    assert different_institutions(placed, prog("f", "성남 창업보육센터", region="경기")) is True
    flagged = find_duplicates([a, b], include_undetermined=True).pairs
    assert [(p.a_id, p.b_id, p.certain) for p in flagged] == [("a", "b", False)]


def test_clusters_are_connected_components() -> None:
    programs = [
        prog("a", "중장년 기술창업센터 운영", institution="고양시", region="경기"),
        prog("b", "중장년기술창업센터", institution="울주군", region="울산"),
        prog("c", "중장년 기술창업센터 지원사업", institution="충청북도", region="충북"),
        prog("z", "해외 전시회 참가 지원", institution="부산광역시", region="부산",
             summary="해외 전시회 참가비와 통역을 지원", stype="글로벌 진출"),
    ]  # fmt: skip
    result = find_duplicates(programs)
    assert result.clusters == [["a", "b", "c"]]
    assert all(p.score >= DEFAULT_THRESHOLD for p in result.pairs)
    assert [p.score for p in result.pairs] == sorted((p.score for p in result.pairs), reverse=True)


def test_overlap_tables_are_square_and_symmetric() -> None:
    programs = [
        prog("a", "중장년 기술창업센터 운영", institution="고양시", region="경기", ministry="경기"),
        prog("b", "중장년기술창업센터", institution="울주군", region="울산", ministry="울산"),
        prog("c", "중장년 기술창업센터 지원사업", institution="청주시", region="충북",
             ministry="충북"),
    ]  # fmt: skip
    result = find_duplicates(programs)
    table = overlap_table(result, programs, by="ministry")
    assert list(table.index) == list(table.columns) == ["경기", "울산", "충북"]
    assert (table.values == table.values.T).all()
    assert int(table.loc["경기", "울산"]) == 1
    assert int(np.triu(table.values).sum()) == len(result.pairs)
    assert list(overlap_table(result, programs, by="region").index) == ["경기", "울산", "충북"]


def test_to_dict_shape() -> None:
    programs = load_embedded().programs
    result = find_duplicates(programs)
    data = result.to_dict(programs)
    assert set(data) >= {"pairs", "clusters"}
    pair = data["pairs"][0]
    assert set(pair) >= {"a", "b", "score", "breakdown"}
    assert set(pair["a"]) == {"program_id", "name", "institution"}
    assert set(pair["breakdown"]) == set(COMPONENTS)
    ids = {p.program_id for p in programs}
    assert all(pid in ids for cluster in data["clusters"] for pid in cluster)


@pytest.mark.parametrize("threshold", [60.0, DEFAULT_THRESHOLD, 85.0])
def test_cdist_pipeline_equals_brute_force(threshold: float) -> None:
    programs = list(load_embedded().programs)
    prep = _prepare(programs)
    i, j = np.triu_indices(len(programs), 1)
    total, _, _ = _score(prep, i, j, {"name": 0.45, "content": 0.3, "target": 0.1,
                                      "type": 0.1, "stage": 0.05})  # fmt: skip
    hit = (total >= threshold - 1e-9) & (_different(prep, i, j) == 1)
    ids = [p.program_id for p in programs]
    brute = {tuple(sorted((ids[a], ids[b]))) for a, b in zip(i[hit], j[hit], strict=True)}
    fast = {(p.a_id, p.b_id) for p in find_duplicates(programs, threshold, block_rows=50).pairs}
    assert fast == brute


def test_candidate_cutoffs_are_monotone() -> None:
    low = candidate_cutoffs(60)
    high = candidate_cutoffs(80)
    assert low[0] <= high[0] and low[1] <= high[1]
    assert candidate_cutoffs(0) == (0.0, 0.0)


def _labelled() -> list[tuple[float, bool]]:
    by_name = {p.name: p for p in load_embedded().programs}
    with LABELLED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        (score_pair(by_name[r["a_name"]], by_name[r["b_name"]]).score, r["label"] == "dup")
        for r in rows
    ]


def test_labelled_pairs_cover_both_labels_across_institutions() -> None:
    by_name = {p.name: p for p in load_embedded().programs}
    with LABELLED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert 20 <= len(rows) <= 60
    assert {r["label"] for r in rows} == {"dup", "not"}
    for r in rows:
        assert different_institutions(by_name[r["a_name"]], by_name[r["b_name"]]) is True


def test_precision_on_labelled_pairs_at_default_threshold() -> None:
    """Measured when the set was built: 18 of 18 predicted pairs are overlaps (precision 1.00),
    recall 18/27 = 0.67. The floors leave room for one false positive."""
    scored = _labelled()
    predicted = [dup for score, dup in scored if score >= DEFAULT_THRESHOLD]
    positives = sum(dup for _, dup in scored)
    precision = sum(predicted) / len(predicted)
    recall = sum(predicted) / positives
    assert len(predicted) >= 15, predicted
    assert precision >= 0.93, f"precision {precision:.2f} on {len(predicted)} predicted"
    assert recall >= 0.6, f"recall {recall:.2f}"


def test_cli_duplicates_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pairs"] and data["clusters"]
    for pair in data["pairs"]:
        assert set(pair) >= {"a", "b", "score", "breakdown"}
        for side in (pair["a"], pair["b"]):
            assert set(side) == {"program_id", "name", "institution"}
        assert pair["score"] >= DEFAULT_THRESHOLD
    assert main(["duplicates", "--json", "--threshold", "90"]) == 0
    strict = json.loads(capsys.readouterr().out)
    assert len(strict["pairs"]) < len(data["pairs"])


def test_cli_duplicates_text_and_bad_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates"]) == 0
    out = capsys.readouterr().out
    assert "[군집]" in out and "[시·도 × 시·도]" in out
    with pytest.raises(SystemExit) as exc:
        main(["duplicates", "--threshold", "150"])
    assert exc.value.code == 2


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60))
def test_components_match_networkx(edges: list[tuple[int, int]]) -> None:
    edges = [(a, b) for a, b in edges if a != b]
    i = np.array([a for a, _ in edges], dtype=np.int64)
    j = np.array([b for _, b in edges], dtype=np.int64)
    ours = sorted(sorted(c) for c in _components(31, i, j))
    theirs = sorted(sorted(c) for c in nx.connected_components(nx.Graph(edges)))
    assert ours == theirs


def test_synthetic_catalogue_is_marked_and_deterministic() -> None:
    from benchmarks.synthetic import SYNTHETIC_CITATION, synthetic_catalogue

    first = synthetic_catalogue(600, seed=3)
    assert len({p.program_id for p in first}) == 600
    assert all(p.synthetic and p.source.citation == SYNTHETIC_CITATION for p in first)
    assert all(p.program_id.startswith("SYN-3-") for p in first)
    assert [p.name for p in synthetic_catalogue(600, seed=3)] == [p.name for p in first]
