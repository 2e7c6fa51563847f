"""The finder table (usecases/finder.py): filters, order and counts, without Streamlit."""

from __future__ import annotations

from graph.eligibility import Verdict
from tests.test_search import prog
from usecases.finder import FinderQuery, filter_options, find

PROGRAMS = [
    prog("big", "창업 큰 사업", budget_eok=90.0, stages=("초기",)),
    prog("small", "창업 작은 사업", budget_eok=2.0, stages=("예비",)),
    prog("none", "창업 예산 미상 사업", stages=("도약",)),
    prog(
        "local",
        "서울 창업 공간",
        support_type="시설·공간·보육",
        level="광역",
        ministry="서울",
        institution="서울특별시",
        region="서울",
        budget_eok=5.0,
    ),
    prog("out", "재창업 지원", budget_eok=50.0, stages=("재창업",)),
]
VERDICTS = {
    "big": Verdict("big", "maybe", ("지원대상 원문 없음",), ()),
    "small": Verdict("small", "eligible", ("충족",), ()),
    "local": Verdict("local", "maybe", (), ()),
    "out": Verdict("out", "ineligible", ("재창업자 대상 — 귀사 해당 없음",), ("restart",)),
}


def ids(query: FinderQuery | None = None, calls: dict[str, str] | None = None) -> list[str]:
    result = find(PROGRAMS, VERDICTS, query or FinderQuery(), calls=calls)
    return [r.program.program_id for r in result.rows]


def test_default_view_hides_ineligible_and_puts_eligible_then_budget_first() -> None:
    # ○ first; then △ by budget, an unknown budget last; × hidden ("확인 필요까지").
    assert ids() == ["small", "big", "local", "none"]


def test_a_program_without_a_verdict_counts_as_maybe() -> None:
    result = find(PROGRAMS, VERDICTS)
    assert result.counts == {"eligible": 1, "maybe": 3, "ineligible": 1}
    assert next(r for r in result.rows if r.program.program_id == "none").status == "maybe"


def test_status_filters() -> None:
    assert ids(FinderQuery(status="eligible")) == ["small"]
    assert ids(FinderQuery(status="all"))[-1] == "out"


def test_open_calls_come_before_other_programs_of_the_same_verdict() -> None:
    calls = {"local": "모집 중 · 마감 D-3", "big": "마감"}
    assert ids(calls=calls) == ["small", "local", "big", "none"]
    assert ids(FinderQuery(only_open=True), calls=calls) == ["local"]


def test_type_org_region_and_stage_filters() -> None:
    assert ids(FinderQuery(types=("시설·공간·보육",))) == ["local"]
    assert ids(FinderQuery(orgs=("서울특별시",))) == ["local"]  # institution or ministry
    assert ids(FinderQuery(orgs=("서울",))) == ["local"]
    assert ids(FinderQuery(regions=("전국",))) == ["small", "big", "none"]
    assert ids(FinderQuery(stages=("예비", "도약"))) == ["small", "none"]


def test_budget_range_is_inclusive_and_drops_unknown_budgets() -> None:
    result = find(PROGRAMS, VERDICTS, FinderQuery(budget=(5, 100)))
    assert [r.program.program_id for r in result.rows] == ["big", "local"]
    assert result.budget_unknown == 1
    # The top stop means no upper limit.
    assert ids(FinderQuery(budget=(50, 100000), status="all")) == ["big", "out"]


def test_eligible_in_view_counts_before_the_verdict_filter() -> None:
    result = find(PROGRAMS, VERDICTS, FinderQuery(status="eligible", types=("시설·공간·보육",)))
    assert result.rows == () and result.eligible_in_view == 0
    result = find(PROGRAMS, VERDICTS, FinderQuery(status="eligible"))
    assert result.eligible_in_view == 1


def test_search_orders_by_score_and_keeps_the_other_filters() -> None:
    result = find(PROGRAMS, VERDICTS, FinderQuery(text="작은 사업"))
    assert result.searched and result.hits >= 1
    assert result.rows[0].program.program_id == "small"
    assert all(r.score is not None for r in result.rows)
    result = find(PROGRAMS, VERDICTS, FinderQuery(text="창업", types=("시설·공간·보육",)))
    assert [r.program.program_id for r in result.rows] == ["local"]


def test_a_search_shows_every_match_with_its_verdict_eligible_first_and_ineligible_last() -> None:
    # "재창업 지원" is × for this profile: searched by name it is shown (last), not hidden, and
    # the verdict filter does not take it away.
    for status in ("eligible", "maybe", "all"):
        result = find(PROGRAMS, VERDICTS, FinderQuery(text="지원", status=status))
        assert [r.program.program_id for r in result.rows] == ["out"]
    rows = find(PROGRAMS, VERDICTS, FinderQuery(text="창업")).rows
    statuses = [r.status for r in rows]
    assert statuses == sorted(statuses, key=["eligible", "maybe", "ineligible"].index)
    assert rows[-1].program.program_id == "out" and rows[-1].reasons


def test_an_abbreviation_is_searched_as_the_name_it_stands_for() -> None:
    programs = [*PROGRAMS, prog("pre", "예비창업패키지")]
    result = find(programs, VERDICTS, FinderQuery(text="예창패"))
    assert [r.program.program_id for r in result.rows] == ["pre"]
    assert result.aliases == ("예비창업패키지",) and not result.similar_only


def test_without_a_profile_there_are_no_verdicts_and_no_counts() -> None:
    result = find(PROGRAMS, None, FinderQuery(status="eligible"))
    assert not result.judged and result.counts == {}
    assert {r.status for r in result.rows} == {None}
    assert len(result.rows) == len(PROGRAMS)  # the verdict filter has nothing to filter on
    assert [r.program.program_id for r in result.rows][:2] == ["big", "out"]  # by budget


def test_a_search_without_hits_says_so() -> None:
    result = find(PROGRAMS, VERDICTS, FinderQuery(text="전혀없는말"))
    assert result.searched and result.hits == 0 and result.rows == ()


def test_filter_options_list_types_and_institutions_once() -> None:
    options = filter_options(PROGRAMS)
    assert options.types == ("사업화", "시설·공간·보육")
    assert options.orgs == ("서울", "서울특별시", "중소벤처기업부")


def test_counts_follow_the_active_filters_and_the_search() -> None:
    everything = find(PROGRAMS, VERDICTS, FinderQuery())
    assert everything.counts == {"eligible": 1, "maybe": 3, "ineligible": 1}
    assert everything.counts_all == everything.counts
    spaces = find(PROGRAMS, VERDICTS, FinderQuery(types=("시설·공간·보육",), status="eligible"))
    assert spaces.counts == {"eligible": 0, "maybe": 1, "ineligible": 0}  # not the ○ filter
    assert spaces.counts_all == everything.counts
    assert [p.program_id for p in spaces.in_view] == ["local"]
    searched = find(PROGRAMS, VERDICTS, FinderQuery(text="재창업"))
    assert searched.counts["ineligible"] == 1 and sum(searched.counts.values()) < 5


def test_open_questions_group_the_maybes_of_the_view() -> None:
    from datetime import date

    from graph.eligibility import evaluate_all
    from graph.profile import FirmProfile
    from usecases.finder import open_questions

    profile = FirmProfile(founded=date(2025, 1, 1), as_of=date(2026, 11, 30), region="서울")
    verdicts = evaluate_all(PROGRAMS, profile)
    result = find(PROGRAMS, verdicts, FinderQuery(types=("사업화",)))
    summary = open_questions(result, verdicts, profile)
    grouped = {pid for g in summary.groups for pid in g.program_ids}
    assert grouped <= {p.program_id for p in result.in_view}
    assert summary.maybe_total == sum(v.status == "maybe" for p in result.in_view for v in [verdicts[p.program_id]])  # fmt: skip
