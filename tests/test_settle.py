"""△ you can act on: △ programs grouped by the fact they miss, and the question that settles most."""

from __future__ import annotations

from datetime import date

from graph.eligibility import evaluate_all
from graph.profile import FirmProfile
from graph.settle import group_maybes
from loaders.eligibility_text import parse_target
from loaders.model import Program

AS_OF = date(2026, 11, 30)


def program(pid: str, name: str, target: str = "", **kw) -> Program:
    """SYNTHETIC TEST DATA: a program with an optional 지원대상 text."""
    kw.setdefault("level", "중앙부처")
    kw.setdefault("region", "전국")
    kw.setdefault("institution", "")
    return Program(
        pid,
        2026,
        kw.pop("level"),
        "",
        kw.pop("institution"),
        kw.pop("region"),
        name,
        "사업화",
        target_text=target,
        eligibility=parse_target(target, name=name, summary=""),
        **kw,
    )


GIMCHEON = program("gc", "청년 창업 공간 지원", "창업기업", level="기초", region="경북", institution="김천시")  # fmt: skip
GUMI = program("gm", "스타트업 성장 지원", "창업기업", level="기초", region="경북", institution="구미시")  # fmt: skip
NO_TEXT = program("nt", "창업 지원 프로그램")
EARLY = program("ea", "초기 기업 도약 지원", "창업 3년 이내 기업")
YOUNG = program("yo", "창업 지원 사업", "만 39세 이하 창업기업")


def summary(programs, profile):
    return group_maybes(programs, evaluate_all(programs, profile), profile)


def groups(s) -> dict[str, tuple[str, ...]]:
    return {g.key: g.program_ids for g in s.groups}


def test_a_city_question_settles_city_programs_and_is_offered():
    profile = FirmProfile(founded=date(2025, 1, 1), as_of=AS_OF, ceo_age=30, region="경북")
    s = summary([GIMCHEON, GUMI, NO_TEXT, EARLY], profile)
    assert groups(s) == {"district": ("gc", "gm"), "no_text": ("nt",)}
    assert s.best is not None and s.best.question is not None
    assert s.best.question.key == "district" and s.best.settled == ("gc", "gm")
    assert s.best.label == "시·군·구를 입력하면 판정되는 사업"
    assert s.maybe_total == 3  # EARLY is ○ for this firm


def test_missing_founding_date_and_age_are_questions_too():
    profile = FirmProfile(as_of=AS_OF, region="서울")
    s = summary([EARLY, YOUNG, NO_TEXT], profile)
    found = groups(s)
    assert found["founded"] == ("ea",) and found["ceo_age"] == ("yo",)
    assert s.best is not None and s.best.question is not None
    assert s.best.question.key == "founded" and "ea" in s.best.settled


def test_facts_only_the_text_can_give_are_grouped_without_a_question():
    profile = FirmProfile(founded=date(2025, 1, 1), as_of=AS_OF, ceo_age=30, region="서울")
    partial = program("pt", "혁신 창업 지원", "혁신 아이템을 보유한 팀으로 심사를 거쳐 선정")
    nowhere = program("nw", "창업보육센터 운영 지원", level="지자체", region="")
    s = summary([NO_TEXT, partial, nowhere], profile)
    found = groups(s)
    assert found["no_text"] == ("nt", "nw")
    assert found["partial_text"] == ("pt",)
    assert found["place_unknown"] == ("nw",)
    assert s.best is None
    assert s.groups[0].label == "지원대상 원문 없음 — 공고문 확인"


def test_a_condition_the_answer_cannot_decide_is_not_offered_as_settled():
    # A program named after a 기초 place but not run by it: another city stays open (△).
    venue = program(
        "vn", "고양 1인 창조기업 지원센터 운영", "창업기업", level="지자체", region="경기"
    )
    profile = FirmProfile(founded=date(2025, 1, 1), as_of=AS_OF, ceo_age=30, region="경기")
    s = summary([venue], profile)
    assert "district" not in groups(s)
