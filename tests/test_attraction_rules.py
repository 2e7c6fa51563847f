"""Programs that exist to bring firms into their area (issue 10, item 3), on real 2026 phrasing.

A local program is for firms in its area unless its text says otherwise; one whose purpose is to
attract firms is for firms that are not there yet, so the local-area rule admits them on the
relocation condition instead of refusing them. 투자 유치 (a firm attracting investment) is not
firm attraction.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.eligibility import evaluate
from loaders.eligibility_text import attracted_firms
from tests.test_notice_rules import firm, program

# 171418 해외스타트업 유치 지원사업 (전북특별자치도), 2026 통합공고; the notice's 사업개요:
# "「K-Startup 그랜드챌린지」에 선정된 해외 스타트업 도내 유치로 지역 창업생태계 경쟁력 강화".
GRAND_CHALLENGE = (
    "「K-Startup 그랜드 챌린지」 선정 기업 중 법인설립 7년 이내 외국인(공동)대표 기업 ※ 신산업 "
    "분야의 경우, 사업 개시 후 10년 이내"
)


def test_a_program_that_attracts_firms_admits_an_outside_firm_on_moving() -> None:
    prog = program(
        GRAND_CHALLENGE,
        name="해외스타트업 유치 지원사업",
        level="광역",
        region="전북",
        institution="전북특별자치도",
    )
    seoul = firm(founded="2022-03-01", region="서울", as_of="2026-03-01", foreign_founder=True)
    verdict = evaluate(prog, seoul)
    assert "region" not in verdict.failed, verdict.reasons
    assert verdict.reason_for("region") == (
        "지역: 지자체(전북특별자치도) 사업 — 관외 기업도 신청 가능, 단 선정 후 이전 조건 "
        "(사업명 '해외스타트업 유치')"
    )
    # the text's own rules still decide: a Korean founder's firm is out, a 13-year-old one too
    assert evaluate(prog, firm(founded="2022-03-01", region="서울", as_of="2026-03-01")).failed
    old = firm(founded="2013-03-01", region="서울", as_of="2026-03-01", foreign_founder=True)
    assert "years" in evaluate(prog, old).failed


def test_investment_attraction_is_not_firm_attraction() -> None:
    # 171308 스케일업 투자 유치 지원, 171312 지피지기 투자유치지원사업, 170033 유망 창업기업
    # 투자유치 지원사업, 171402 글로벌 교류·투자유치 지원사업 (2026 통합공고)
    for name in (
        "스케일업 투자 유치 지원",
        "지피지기 투자유치지원사업",
        "유망 창업기업 투자유치 지원사업",
        "글로벌 교류·투자유치 지원사업",
        "경남 수도권 투자유치 거점센터 (G-Space@TIPS) 2026 G-Demoday&G-Mentoring day",
    ):
        assert attracted_firms(name) == "", name
    # 171301 제주지식산업 센터: "기업유치정책에 해당하는 업종 우대" is a preference
    assert attracted_firms("제주지식산업 센터 관리·운영", "기업유치정책에 해당하는 업종 우대") == ""
    # and a local 투자유치 program keeps its area: 171312 "인천 소재(본사ㆍ공장ㆍ연구소) …"
    prog = program(
        "투자유치를 희망하는 창업 7년 이내 기업",
        name="지피지기 투자유치지원사업",
        level="광역",
        region="인천",
        institution="인천광역시",
    )
    verdict = evaluate(prog, firm(founded="2022-03-01", region="서울", as_of="2026-03-01"))
    assert "region" in verdict.failed


@pytest.mark.parametrize(
    "source",
    [
        Path(__file__).resolve().parents[1] / "data" / "notice_2026.csv",
    ],
)
def test_only_firm_attraction_names_in_the_notice_are_read_so(source: Path) -> None:
    with source.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    read = {r["K-Startup ID"] for r in rows if attracted_firms(r["사업명"], r["지원대상"])}
    assert read == {"171418"}
