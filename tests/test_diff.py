"""Year-over-year diff on small hand-made notices whose answer is known row by row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.diff import (
    DEFAULT_THRESHOLD,
    LINEAGE_COLUMNS,
    LineageEdit,
    NoticeDiff,
    diff_catalogues,
    lineage_rows,
    lineage_to_csv,
    name_similarity,
    read_lineage_csv,
)
from loaders.catalogue import Catalogue, load_embedded, load_files
from loaders.errors import LoadError

HEADER = "구분,소관부처·지자체,지역,사업명,지원유형,예산(억원),연도\n"

# The old notice (2025) and what must become of each row in the new one (2026):
OLD = HEADER + "\n".join(
    [
        "중앙부처,중소벤처기업부,전국,예비창업패키지,사업화,500,2025",  # same
        "중앙부처,중소벤처기업부,전국,창업 도약 패키지,사업화,700,2025",  # same (spacing)
        "중앙부처,중소벤처기업부,전국,초격차 스타트업 1000+ 프로젝트,사업화,1310,2025",  # renamed
        "중앙부처,중소벤처기업부,전국,스마트공장 구축 지원(기초),사업화,100,2025",  # merged ┐
        "중앙부처,중소벤처기업부,전국,스마트공장 구축 지원(고도화),사업화,200,2025",  # merged ┘
        "중앙부처,중소벤처기업부,전국,글로벌 창업 지원,글로벌 진출,300,2025",  # split
        "중앙부처,중소벤처기업부,전국,창업중심대학,사업화,,2025",  # same, old budget unknown
        "중앙부처,중소벤처기업부,전국,신사업창업사관학교,사업화,,2025",  # dropped
        "중앙부처,문화체육관광부,전국,예술기업 성장 지원,사업화,40,2025",  # dropped (candidate)
        "중앙부처,환경부,전국,에코스타트업 지원사업,사업화,230,2025",  # same (환경부 renamed)
        "중앙부처,문화체육관광부,전국,관광벤처 공모전,사업화,10,2025",  # not the 농식품부 one
    ]
)
NEW = HEADER + "\n".join(
    [
        "중앙부처,중소벤처기업부,전국,예비창업패키지,사업화,550,2026",
        "중앙부처,중소벤처기업부,전국,창업도약패키지,사업화,800,2026",
        "중앙부처,중소벤처기업부,전국,초격차 스타트업 프로젝트,사업화,1456,2026",
        "중앙부처,중소벤처기업부,전국,스마트공장 구축 지원,사업화,250,2026",
        "중앙부처,중소벤처기업부,전국,글로벌 창업 지원(북미),글로벌 진출,150,2026",
        "중앙부처,중소벤처기업부,전국,글로벌 창업 지원(유럽),글로벌 진출,200,2026",
        "중앙부처,중소벤처기업부,전국,창업중심대학,사업화,883,2026",
        "중앙부처,문화체육관광부,전국,예술분야 창업기업 지원,사업화,45,2026",  # new
        "중앙부처,과학기술정보통신부,전국,딥사이언스 창업 활성화 지원,기술개발(R&D),90,2026",  # new
        "중앙부처,기후에너지환경부,전국,에코스타트업 지원사업,사업화,,2026",
        "중앙부처,농림축산식품부,전국,관광벤처 공모전,사업화,5,2026",  # new (other ministry)
        "지자체,김해시,경남,김해 창업보육센터 운영,시설·공간·보육,3,2026",  # out of scope
    ]
)


@pytest.fixture
def notices(make_csv: Callable[..., Path]) -> tuple[Catalogue, Catalogue]:
    old = load_files([make_csv(OLD, "notice_2025.csv")])
    new = load_files([make_csv(NEW, "notice_2026.csv")])
    return old, new


def names(diff: NoticeDiff, relation: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(old names, new names) of every link with ``relation``, sorted."""
    return sorted(
        (
            tuple(diff.old_programs[i].name for i in link.old_ids),
            tuple(diff.new_programs[i].name for i in link.new_ids),
        )
        for link in diff.links
        if link.relation == relation
    )


def link_named(diff: NoticeDiff, name: str):
    for link in diff.links:
        if any(diff.old_programs[i].name == name for i in link.old_ids) or any(
            diff.new_programs[i].name == name for i in link.new_ids
        ):
            return link
    raise AssertionError(name)


def test_known_diff_relations(notices) -> None:
    diff = diff_catalogues(*notices)
    assert names(diff, "same") == [
        (("에코스타트업 지원사업",), ("에코스타트업 지원사업",)),
        (("예비창업패키지",), ("예비창업패키지",)),
        (("창업 도약 패키지",), ("창업도약패키지",)),
        (("창업중심대학",), ("창업중심대학",)),
    ]
    assert names(diff, "renamed") == [
        (("초격차 스타트업 1000+ 프로젝트",), ("초격차 스타트업 프로젝트",))
    ]
    assert names(diff, "merged") == [
        (("스마트공장 구축 지원(기초)", "스마트공장 구축 지원(고도화)"), ("스마트공장 구축 지원",))
    ]
    assert names(diff, "split") == [
        (("글로벌 창업 지원",), ("글로벌 창업 지원(북미)", "글로벌 창업 지원(유럽)"))
    ]
    assert names(diff, "dropped") == [
        (("관광벤처 공모전",), ()),
        (("신사업창업사관학교",), ()),
        (("예술기업 성장 지원",), ()),
    ]
    assert names(diff, "new") == [
        ((), ("관광벤처 공모전",)),
        ((), ("딥사이언스 창업 활성화 지원",)),
        ((), ("예술분야 창업기업 지원",)),
    ]
    # Every in-scope program is in exactly one link; the local one is excluded and counted.
    olds = [i for link in diff.links for i in link.old_ids]
    news = [i for link in diff.links for i in link.new_ids]
    assert len(olds) == len(set(olds)) == 11
    assert len(news) == len(set(news)) == 11
    assert diff.scope == "central"
    assert len(diff.excluded_new) == 1
    assert any("지자체 사업 1개" in n for n in diff.notes)


def test_reasons_scores_and_candidates_are_explained(notices) -> None:
    diff = diff_catalogues(*notices)
    renamed = link_named(diff, "초격차 스타트업 프로젝트")
    assert DEFAULT_THRESHOLD <= renamed.score < 100
    assert f"{renamed.score:.0f}점" in renamed.reason
    eco = link_named(diff, "에코스타트업 지원사업")
    assert "소관 환경부 → 기후에너지환경부" in eco.reason
    art = link_named(diff, "예술기업 성장 지원")
    assert art.relation == "dropped" and art.candidate is not None
    assert "예술분야 창업기업 지원" in art.reason and "기준 80점 미만" in art.reason
    merged = link_named(diff, "스마트공장 구축 지원")
    assert merged.reason.startswith("이전 사업 2개가 새 사업 1개로")
    assert all(link.decided == "auto" for link in diff.links)


def test_similar_names_of_different_programs_stay_apart() -> None:
    # Syllables, not jamo: the two packages share most letters but are different programs.
    assert name_similarity("예비창업패키지", "초기창업패키지")[0] < DEFAULT_THRESHOLD
    assert name_similarity("2026년 예비 창업 패키지", "예비창업패키지") == (100.0, "exact")
    assert name_similarity("실험실 특화형 창업선도대학", "실험실 특화형 창업선도대학 사업") == (
        100.0,
        "core",
    )


def test_budget_moves_per_program_ministry_type_and_waterfall(notices) -> None:
    diff = diff_catalogues(*notices)
    assert link_named(diff, "초격차 스타트업 프로젝트").budget_change == 146
    assert link_named(diff, "스마트공장 구축 지원").budget_change == -50  # 100 + 200 → 250
    assert link_named(diff, "글로벌 창업 지원").budget_change == 50  # 300 → 150 + 200
    assert link_named(diff, "창업중심대학").budget_change is None  # old budget unknown
    assert link_named(diff, "에코스타트업 지원사업").budget_change is None  # new unknown
    steps = diff.waterfall()
    assert steps[0].kind == steps[-1].kind == "total"
    assert steps[0].amount == diff.old.budget_eok == 3390
    assert steps[-1].amount == diff.new.budget_eok == 4429
    assert round(steps[0].amount + sum(s.amount for s in steps[1:-1]), 4) == steps[-1].amount
    by_type = {m.group: m for m in diff.budget_by("support_type")}
    assert by_type["기술개발(R&D)"].new_budget_added == 90
    assert by_type["글로벌 진출"].continuing_change == 50
    by_ministry = {m.group: m for m in diff.budget_by("ministry")}
    # 환경부 became 기후에너지환경부 (2025-10): one ministry in both years, not a cut and a gain.
    assert "환경부" not in by_ministry and "기후에너지환경부" not in by_ministry
    eco = by_ministry["기후에너지환경부 (구 환경부)"]
    assert (eco.old_count, eco.new_count, eco.old_budget, eco.new_with_budget) == (1, 1, 230, 0)
    assert by_ministry["중소벤처기업부"].continuing_change == 50 + 100 + 146 - 50 + 50


def test_namesakes_of_unknown_places_are_left_for_a_person(make_csv) -> None:
    old = HEADER + "지자체,,,창업보육센터 운영,시설·공간·보육,2,2025\n"
    new = HEADER + (
        "지자체,,경기,창업보육센터 운영,시설·공간·보육,2,2026\n"
        "지자체,,경북,창업보육센터 운영,시설·공간·보육,3,2026\n"
    )
    diff = diff_catalogues(
        load_files([make_csv(old, "a.csv")]), load_files([make_csv(new, "b.csv")])
    )
    assert diff.counts() == {
        "same": 0,
        "renamed": 0,
        "merged": 0,
        "split": 0,
        "new": 2,
        "dropped": 1,
    }
    dropped = next(link for link in diff.links if link.relation == "dropped")
    assert "후보가 여럿" in dropped.reason


def test_one_notice_against_itself_is_all_same() -> None:
    cat = load_embedded(2026)
    diff = diff_catalogues(cat, cat)
    assert diff.counts()["same"] == len(cat)


def test_person_edits_override_the_automatic_lineage(notices) -> None:
    old, new = notices
    edits = [
        LineageEdit("명칭 변경", "예술기업 성장 지원", "예술분야 창업기업 지원", "lineage.csv 2행"),
        LineageEdit("폐지", "초격차 스타트업 1000+ 프로젝트", "", "lineage.csv 3행"),
        LineageEdit("유지", "없는 사업", "예비창업패키지", "lineage.csv 4행"),
        LineageEdit("바뀜", "창업중심대학", "창업중심대학", "lineage.csv 5행"),
        LineageEdit("통합", "창업중심대학", "", "lineage.csv 6행"),
    ]
    diff = diff_catalogues(old, new, edits=edits)
    art = link_named(diff, "예술분야 창업기업 지원")
    assert art.relation == "renamed" and art.decided == "person"
    assert art.reason.startswith("사람이 지정 (lineage.csv 2행)")
    dropped = link_named(diff, "초격차 스타트업 1000+ 프로젝트")
    assert dropped.relation == "dropped" and dropped.decided == "person"
    assert link_named(diff, "초격차 스타트업 프로젝트").relation == "new"
    assert link_named(diff, "예비창업패키지").relation == "same"  # the bad row changed nothing
    problems = [i.describe() for i in diff.issues]
    assert problems == [
        "lineage.csv 4행 이전 사업 '없는 사업': 이 이름이나 ID의 사업이 없습니다",
        "lineage.csv 5행 관계 '바뀜': 알 수 없는 관계입니다 (유지·명칭 변경·통합·분할·신규·폐지)",
        "lineage.csv 6행 관계 '통합': 연결에는 이전 사업과 새 사업이 모두 필요합니다",
    ]


def test_lineage_csv_round_trip_reproduces_the_diff(notices, tmp_path: Path) -> None:
    old, new = notices
    edits = [LineageEdit("명칭 변경", "예술기업 성장 지원", "예술분야 창업기업 지원", "앱")]
    diff = diff_catalogues(old, new, edits=edits)
    data = lineage_to_csv(diff)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    path = tmp_path / "lineage.csv"
    path.write_bytes(data)
    again = diff_catalogues(old, new, edits=read_lineage_csv(path))
    key = [(link.relation, link.old_ids, link.new_ids) for link in diff.links]
    assert sorted(key) == sorted(
        (link.relation, link.old_ids, link.new_ids) for link in again.links
    )
    assert not again.issues
    assert len(lineage_rows(diff)[0]) == len(LINEAGE_COLUMNS)


def test_lineage_csv_accepts_english_headers_and_refuses_junk() -> None:
    text = "relation,old_name,new_name\nrenamed,A,B\n,C,D\n"
    edits = read_lineage_csv(text.encode("cp949"), "mine.csv")
    assert edits == [LineageEdit("renamed", "A", "B", "mine.csv 2행")]
    with pytest.raises(LoadError, match="관계"):
        read_lineage_csv(b"a,b\n1,2\n", "bad.csv")


def test_partial_old_data_says_new_may_not_be_new() -> None:
    diff = diff_catalogues(load_embedded(2025), load_embedded(2026))
    assert diff.scope == "central"
    assert len(diff.excluded_new) == sum(1 for p in load_embedded(2026).programs if p.is_local)
    assert any("'신규'는 '이전 데이터에 없음'" in n for n in diff.notes)
    new_link = next(link for link in diff.links if link.relation == "new")
    assert "신규가 아닐 수 있음" in new_link.reason
    loan = link_named(diff, "재창업 융자자금")
    assert loan.relation == "dropped"
    assert "새 데이터에 '융자·보증' 유형 사업이 하나도 없습니다" in loan.reason


def test_json_document_has_every_part(notices) -> None:
    doc = diff_catalogues(*notices).to_dict()
    assert set(doc) >= {"old", "new", "counts", "links", "budget", "notes", "excluded"}
    assert doc["counts"]["merged"] == 1
    assert {s["kind"] for s in doc["budget"]["waterfall"]} == {"total", "step"}
