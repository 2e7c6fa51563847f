"""Calls (공고) judged for a firm: tick-box fields first, the 지원대상 text second; `navigator calls`."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from graph.calls import judge_call, judge_calls, sort_calls
from graph.profile import FirmProfile
from loaders.announcements import Announcement, load_embedded_announcements
from loaders.eligibility_text import parse_target
from navigator.cli import main

D = date
ALL_BANDS = ("예비창업자", "1년미만", "2년미만", "3년미만", "5년미만", "7년미만", "10년미만")
ALL_AGES = ("만 20세 미만", "만 20세 이상 ~ 만 39세 이하", "만 40세 이상")
AUG20 = D(2026, 8, 20)
SEP10 = D(2026, 9, 10)


def call(
    *,
    bands: tuple[str, ...] = ALL_BANDS,
    ages: tuple[str, ...] = ALL_AGES,
    region: str = "전국",
    applicants: tuple[str, ...] = ("일반인", "일반기업"),
    text: str = "(예비)창업자",
    title: str = "2026년 참여기업 모집 공고",
    start: date = AUG20,
    end: date | None = SEP10,
    sn: str = "1",
) -> Announcement:
    """SYNTHETIC TEST DATA: a call with the API's tick-box fields."""
    return Announcement(
        sn,
        title,
        business_ages=bands,
        ages=ages,
        region=region,
        applicant_types=applicants,
        target_text=text,
        eligibility=parse_target(text, name=title, summary=""),
        start=start,
        end=end,
    )


def firm(**kw) -> FirmProfile:
    kw.setdefault("as_of", D(2026, 9, 1))
    return FirmProfile(**kw)


# --------------------------------------------------------------------------- 창업기간 (biz_enyy)


def test_a_box_that_excludes_the_firm_is_a_definite_no_quoted_with_the_date():
    verdict = judge_call(
        call(bands=("예비창업자", "1년미만", "2년미만")), firm(founded=D(2024, 2, 1))
    )
    assert verdict.status == "ineligible" and verdict.failed == ("years",)
    assert verdict.reasons[0] == (
        "창업기간 '2년미만'까지(예비창업자 포함) — 귀사 업력 2년 6개월 (2026-08-20 기준)"
    )
    assert verdict.counted_on == AUG20


def test_the_deciding_reason_is_the_failing_line_not_an_open_line_of_the_same_kind():
    # The support-region box leaves a 부산 firm open; the text's 서울 소재 rule rules it out.
    verdict = judge_call(
        call(region="서울", text="서울 소재 창업기업"), firm(founded=D(2024, 2, 1), region="부산")
    )
    assert verdict.status == "ineligible" and verdict.kinds[0] == "region"
    assert verdict.deciding_reason.startswith("지역 제한: 지원대상 '서울 소재'")
    assert verdict.reasons[0] != verdict.deciding_reason
    ok = judge_call(call(text="기술창업 기업"), firm(founded=D(2024, 2, 1)))
    assert ok.status == "eligible" and ok.deciding_reason == ok.reasons[0]


def test_years_are_counted_on_the_calls_date_not_today():
    # 2년 11개월 on the call's date, 3년 1개월 on the profile's 기준일.
    verdict = judge_call(
        call(bands=("1년미만", "2년미만", "3년미만")),
        firm(founded=D(2023, 9, 25), as_of=D(2026, 11, 1)),
    )
    assert verdict.status == "eligible"
    assert "업력 2년 10개월 (2026-08-20 기준)" in verdict.reasons[0]


def test_a_boundary_inside_the_announcement_window_is_not_guessed():
    # The third anniversary falls 10 days before the reception start: the 공고일 may be either side.
    verdict = judge_call(
        call(bands=("1년미만", "2년미만", "3년미만")), firm(founded=D(2023, 8, 10))
    )
    assert verdict.status == "maybe" and "years" in verdict.uncertain
    assert "공고일" in verdict.reasons[0]


def test_pre_founders_need_the_pre_founder_box():
    founded_only = call(bands=("1년미만", "2년미만", "3년미만"), text="창업기업")
    verdict = judge_call(founded_only, firm(pre_founding=True))
    assert verdict.status == "ineligible" and verdict.failed == ("founder",)
    assert "예비창업자는 해당 없음" in verdict.reasons[0]
    assert judge_call(call(bands=("예비창업자",)), firm(pre_founding=True)).status == "eligible"


def test_every_box_up_to_ten_years_does_not_rule_out_an_older_firm():
    verdict = judge_call(call(bands=ALL_BANDS[1:]), firm(founded=D(2012, 1, 1)))
    assert verdict.status == "maybe" and "10년 이상" in verdict.reasons[0]


def test_the_box_never_contradicts_the_text_into_a_wrong_no():
    # Box: up to 1년미만; text: 창업 3년 이내 — the firm (2 years) fits the text.
    verdict = judge_call(
        call(bands=("예비창업자", "1년미만"), text="창업 3년 이내 기업"),
        firm(founded=D(2024, 6, 1)),
    )
    assert verdict.status == "maybe" and "years" in verdict.uncertain
    assert "본문" in verdict.reasons[0]


# --------------------------------------------------------------------------- 대상연령, 지역, 대상


def test_age_box_counts_the_possible_ages_on_the_calls_date():
    young = call(ages=("만 20세 이상 ~ 만 39세 이하",))
    assert judge_call(young, firm(ceo_age=34)).status == "eligible"
    assert judge_call(young, firm(ceo_age=45)).failed == ("age",)
    # 40 today, maybe 39 on a call eleven days earlier: not a definite no.
    verdict = judge_call(young, firm(ceo_age=40))
    assert verdict.status == "maybe" and "생일에 따라" in verdict.reasons[0]
    assert judge_call(young, firm()).uncertain == ("age",)


def test_the_support_region_alone_never_rules_out_but_a_location_rule_in_the_text_does():
    seoul = call(region="서울")
    assert judge_call(seoul, firm(region="서울")).status == "eligible"
    away = judge_call(seoul, firm(region="경기"))
    assert away.status == "maybe" and "공고문 확인" in away.reasons[0]
    rule = judge_call(call(region="서울", text="서울시 소재 스타트업"), firm(region="경기"))
    assert rule.status == "ineligible" and "region" in rule.failed


def test_applicant_boxes():
    institutions = call(applicants=("대학", "연구기관"))
    assert judge_call(institutions, firm(founded=D(2024, 1, 1))).failed == ("applicant",)
    firms_only = call(applicants=("일반기업",), bands=ALL_BANDS[1:])
    assert "applicant" in judge_call(firms_only, firm(pre_founding=True)).failed
    people = call(applicants=("대학생", "일반인"))
    assert judge_call(people, firm(founded=D(2024, 1, 1))).uncertain == ("applicant",)


def test_text_narrows_and_unclear_text_is_never_a_silent_yes():
    women = judge_call(call(text="여성 창업자"), firm(founded=D(2024, 1, 1)))
    assert women.status == "ineligible" and "women" in women.failed
    vague = judge_call(call(text="혁신 아이템을 보유한 팀으로 심사를 거쳐 선정"), firm())
    assert vague.status == "maybe" and "target" in vague.uncertain
    open_to_all = judge_call(call(text="제한 없음 (누구나 참여 가능)"), firm(founded=D(2024, 1, 1)))
    assert open_to_all.status == "eligible" and open_to_all.reasons  # says why


def test_the_notice_itself_and_operator_calls_are_not_founders_calls():
    notice = call(title="2026년 중앙부처 및 지자체 창업지원사업 통합공고")
    assert judge_call(notice, firm()).status == "maybe"
    operators = judge_call(call(title="2026년 초격차 이노웨이브 수요기업 모집 공고"), firm())
    assert "role" in operators.uncertain


def test_sort_puts_open_calls_first_by_deadline():
    today = D(2026, 9, 1)
    calls = [
        call(sn="closed-old", start=D(2026, 3, 1), end=D(2026, 3, 20)),
        call(sn="open-late", start=D(2026, 8, 1), end=D(2026, 9, 30)),
        call(sn="upcoming", start=D(2026, 9, 10), end=D(2026, 9, 20)),
        call(sn="open-soon", start=D(2026, 8, 1), end=D(2026, 9, 3)),
        call(sn="closed-new", start=D(2026, 8, 1), end=D(2026, 8, 25)),
    ]
    order = [c.pbanc_sn for c in sort_calls(calls, today)]
    assert order == ["open-soon", "open-late", "upcoming", "closed-new", "closed-old"]


# --------------------------------------------------------------------------- real calls


def test_real_calls_quote_their_boxes():
    by_sn = {a.pbanc_sn: a for a in load_embedded_announcements()[0]}
    profile = firm(founded=D(2024, 3, 1), ceo_age=34, region="서울")
    verdicts = judge_calls(by_sn.values(), profile)
    assert len(verdicts) == 1327
    # 예비창업패키지 2026: the box says 예비창업자 only.
    pre = verdicts["176458"]
    assert pre.status == "ineligible" and pre.reasons[0].startswith("창업기간 '예비창업자'만")
    # 성남 RUN: box 20–39 but text 만19~39세 — the text wins where they differ (here both fit).
    assert "age" not in verdicts["177378"].failed


def test_judging_more_firms_compiles_each_call_once():
    # A server judges the same calls for every new visitor: the engine's compiled forms (an
    # identity cache) must not grow with the number of firms judged.
    from graph import eligibility

    calls = load_embedded_announcements()[0][:200]
    judge_calls(calls, firm(founded=D(2024, 3, 1), ceo_age=34, region="서울"))
    compiled = len(eligibility._CACHE)
    for year in (2019, 2021, 2023, 2025):
        judge_calls(calls, firm(founded=D(year, 5, 1), ceo_age=41, region="부산"))
    assert len(eligibility._CACHE) == compiled


# --------------------------------------------------------------------------- CLI


@pytest.fixture
def profile_file(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps({"founded": "2024-03-01", "ceo_age": 34, "region": "서울"}), encoding="utf-8"
    )
    return path


def test_cli_calls_json_lists_every_call_with_the_agreed_keys(profile_file, capsys):
    assert main(["calls", "--profile", str(profile_file), "--as-of", "2026-09-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1327
    assert set(rows[0]) == {
        "pbanc_sn",
        "title",
        "status",
        "reasons",
        "open",
        "d_day",
        "program_id",
        "link_score",
    }
    assert rows[0]["open"] is True  # open calls first
    linked = [r for r in rows if r["program_id"]]
    assert 100 <= len(linked) <= 200 and all(r["link_score"] for r in linked)
    by_sn = {r["pbanc_sn"]: r for r in rows}
    assert by_sn["176458"]["open"] is False and by_sn["176458"]["d_day"] < 0


def test_cli_calls_reads_a_list_or_a_page_and_counts_days_as_of_the_date(
    profile_file, tmp_path, capsys
):
    from tests.kstartup_server import EXAMPLE_ANNOUNCEMENTS

    page = tmp_path / "page.json"
    page.write_text(json.dumps({"data": list(EXAMPLE_ANNOUNCEMENTS)}), encoding="utf-8")
    argv = ["calls", "--profile", str(profile_file), "--calls", str(page), "--json"]
    assert main([*argv, "--as-of", "2026-09-20"]) == 0
    rows = {r["pbanc_sn"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"174652", "174646", "179232"}
    assert rows["179232"]["open"] is True and rows["179232"]["d_day"] == 16
    assert main(["calls", "--profile", str(profile_file), "--calls", str(page)]) == 0
    text = capsys.readouterr().out
    assert "공고 3건" in text and "[마감" in text


def test_cli_calls_bad_file_exits_2(profile_file, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": []}', encoding="utf-8")
    assert main(["calls", "--profile", str(profile_file), "--calls", str(bad)]) == 2
    assert "'data' 목록" in capsys.readouterr().err
    assert main(["calls", "--profile", str(profile_file), "--as-of", "2020-01-01"]) == 2


# --------------------------------------------------------------------------- calls as evidence


def _program(name: str = "테스트 창업지원 사업", target: str = "", **kw):
    """SYNTHETIC TEST DATA: a central program (with an optional 지원대상 text)."""
    from loaders.model import Program

    return Program(
        "p1",
        2026,
        "중앙부처",
        "중소벤처기업부",
        "중소벤처기업부",
        "전국",
        name,
        "사업화",
        target_text=target,
        eligibility=parse_target(target, name=name, summary=""),
        **kw,
    )


def _evidence(program, calls, profile):
    from graph.calls import apply_call_evidence
    from graph.eligibility import evaluate_all
    from loaders.announcements import join_to_programs

    joined = join_to_programs(calls, [program])
    return apply_call_evidence([program], evaluate_all([program], profile), joined, profile)[
        program.program_id
    ]


def test_an_open_calls_announcement_day_is_the_day_years_are_counted_on():
    program = _program(target="창업 3년 이내 기업")
    # 3 years and 2 days old on 2026-11-01, 2 years 11 months on the open call's 공고일.
    profile = firm(founded=D(2023, 9, 25), as_of=D(2026, 9, 1))
    assert _evidence(program, [], profile).status == "eligible"
    later = firm(founded=D(2023, 9, 25), as_of=D(2026, 9, 27))
    assert _evidence(program, [], later).status == "ineligible"  # today: 3 years 2 days
    open_call = call(
        title="2026년 테스트 창업지원 사업 참여기업 모집",
        text="창업 3년 이내 기업",
        start=D(2026, 8, 20),
        end=D(2026, 9, 30),
    )
    verdict = _evidence(program, [open_call], later)
    assert verdict.status == "eligible"
    assert any("(2026-08-20 기준)" in r for r in verdict.reasons)


def test_a_call_that_accepts_the_firm_answers_a_program_without_target_text():
    program = _program()
    profile = firm(founded=D(2025, 1, 1), ceo_age=30)
    assert _evidence(program, [], profile).status == "maybe"
    accepting = call(title="2026년 테스트 창업지원 사업 모집", text="창업 3년 이내 기업")
    verdict = _evidence(program, [accepting], profile)
    assert verdict.status == "eligible" and "call" in verdict.kinds
    assert any("조건으로 신청 가능" in r for r in verdict.reasons)


def test_every_call_refusing_on_years_rules_the_program_out_and_places_never_do():
    program = _program()
    old_firm = firm(founded=D(2012, 1, 1), region="서울")
    short = call(title="2026년 테스트 창업지원 사업 모집", bands=("1년미만", "2년미만", "3년미만"))
    verdict = _evidence(program, [short], old_firm)
    assert verdict.status == "ineligible" and verdict.failed == ("call",)
    elsewhere = call(title="2026년 테스트 창업지원 사업 모집", text="부산 소재 창업기업")
    assert _evidence(program, [elsewhere], old_firm).status == "maybe"


def test_events_and_classes_of_a_program_are_not_evidence():
    program = _program()
    profile = firm(founded=D(2025, 1, 1), ceo_age=30)
    event = call(title="2026년 테스트 창업지원 사업 설명회", text="창업 3년 이내 기업")
    course = call(title="테스트 창업지원 사업 창업아카데미 교육생 모집", text="창업 3년 이내 기업")
    assert _evidence(program, [event, course], profile).status == "maybe"


def _local(name: str, institution: str, region: str, target: str = "", **kw):
    """SYNTHETIC TEST DATA: a local program of ``institution`` (region ``region``)."""
    from loaders.model import Program

    return Program(
        "p2",
        2026,
        "지자체",
        "",
        institution,
        region,
        name,
        "사업화",
        target_text=target,
        eligibility=parse_target(target, name=name, summary=""),
        **kw,
    )


def test_a_nationwide_call_leaves_a_local_programs_default_area_open_never_a_wrong_no():
    # Real 2026 phrasing: 대구 스타트업 오픈이노베이션's call 176421 (supt_regin 전국) and
    # 성남 THE 와플's call 177143 ("… 2인 이상의 전국 청년 모임 및 단체").
    daegu = _local(
        "스타트업 오픈이노베이션",
        "대구광역시",
        "대구",
        "(필수사항)「중소기업창업지원법」에 따른 창업기업 대표자로, 창업 7년 이내인 자(기업) "
        "* 공고일 기준 7년 이내의 창업기업(’19.2.12 ~ ’26.2.13) ※세부내용 개별 공고문 참고",
    )
    seoul_firm = firm(founded=D(2024, 1, 1), ceo_age=35, region="서울")
    assert _evidence(daegu, [], seoul_firm).failed == ("region",)  # the local default alone
    nationwide = call(
        title="2026년 대구 스타트업 오픈이노베이션 지원사업 모집 공고",
        text=daegu.target_text,
        region="전국",
        start=D(2026, 2, 13),
        end=D(2026, 3, 19),
    )
    verdict = _evidence(daegu, [nationwide], seoul_firm)
    assert verdict.status == "maybe" and "region" in verdict.uncertain
    line = verdict.reason_for("region")
    assert "지자체(대구광역시) 사업" in line and "지원지역은 '전국'" in line and "귀사 서울" in line
    # the call still rules the firm out on what it does state (업력)
    young = "창업 1년 미만 기업"
    young_only = replace(
        nationwide,
        business_ages=("1년미만",),
        target_text=young,
        eligibility=parse_target(young, name="", summary=""),
    )
    assert _evidence(daegu, [young_only], seoul_firm).failed == ("call",)
    # a call for the firm's area only, or one whose text names the place, settles nothing
    assert _evidence(daegu, [replace(nationwide, region="대구")], seoul_firm).status == (
        "ineligible"
    )
    located = replace(
        nationwide,
        target_text="대구광역시 소재 창업기업",
        eligibility=parse_target("대구광역시 소재 창업기업", name="", summary=""),
    )
    assert _evidence(daegu, [located], seoul_firm).status == "ineligible"
    # a firm in the area is unaffected, and the program's own place rule is never overruled
    assert _evidence(daegu, [nationwide], replace(seoul_firm, region="대구")).failed == ()
    waffle_text = "- 19세~39세(1986. 4. 7. ~ 2007. 4. 6.) 2인 이상의 전국 청년 모임 및 단체"
    # the program's data lists its call (Program.call_ids), as the enrichment does for 177143
    waffle = _local("성남청년 창업 역량강화프로젝트『THE 와플』", "성남시", "경기", call_ids=("1",))
    waffle_call = call(
        title="2026. 청년 창업 역량강화 프로젝트 THE 와플 4기 모집",
        text=waffle_text,
        start=D(2026, 4, 6),
        end=D(2026, 5, 26),
    )
    assert _evidence(waffle, [waffle_call], seoul_firm).failed == ()
    own_rule = _local("김천 청년창업 지원", "김천시", "경북", "김천시에 주소를 둔 예비창업자")
    kimcheon_call = call(title="2026년 김천 청년창업 지원 모집", text="예비창업자")
    pre = firm(pre_founding=True, region="서울")
    assert _evidence(own_rule, [kimcheon_call], pre).failed == ("region",)


# --------------------------------------------------------------------------- real calls as evidence


def _as_finder(kstartup_id: str, profile: FirmProfile):
    """The verdict the finder shows: the embedded program with the embedded calls as evidence."""
    from loaders.announcements import join_to_programs, load_embedded_announcements
    from loaders.catalogue import load_embedded
    from usecases.eligibility import judge

    catalogue = load_embedded().programs
    joined = join_to_programs(load_embedded_announcements()[0], catalogue)
    program = next(p for p in catalogue if p.kstartup_id == kstartup_id)
    return judge([program], profile, joined)[program.program_id]


def test_a_text_that_counts_on_the_closing_day_is_counted_on_it():
    # 170027 선도기업 연계 동반성장 / call 176841 (접수 2026-03-20 ~ 04-08): "※ 공고마감일 기준 법인
    # 설립일로부터 3년 이상 7년 이내의 법인사업자". A firm founded 2023-04-08 is 3 years old on
    # the closing day (2 years 11 months on the 공고일).
    elig = parse_target("※ 공고마감일 기준 법인 설립일로부터 3년 이상 7년 이내의 법인사업자")
    assert elig.count_on_deadline and elig.reference_date is None
    profile = firm(founded=D(2023, 4, 8), as_of=D(2026, 4, 8), fields=("콘텐츠",))
    verdict = _as_finder("170027", profile)
    assert verdict.status == "maybe" and "years" not in verdict.failed  # 법인 only stays open
    assert any("마감일(2026-04-08) 기준" in r for r in verdict.reasons)


def test_an_age_box_yields_to_the_texts_own_widening():
    # Call 177447 (넥스트로컬 8기): box 만 20~39세, text "※단, 군필자의 경우(병적증명서, 전역증 등
    # 별도 제출) 상한 연령을 다음과 같이 연장함 - … 2년이상 : 3세 연장".
    from loaders.announcements import load_embedded_announcements

    nextlocal = next(c for c in load_embedded_announcements()[0] if c.pbanc_sn == "177447")
    assert nextlocal.eligibility.age_widen == 42
    forty = firm(pre_founding=True, ceo_age=40, region="서울", as_of=D(2026, 4, 30))
    verdict = judge_call(nextlocal, forty)
    assert verdict.status == "maybe" and "age" not in verdict.failed
    assert any("군필자의 경우" in r and "해당하면 신청 가능" in r for r in verdict.reasons)
    older = replace(forty, ceo_age=43)
    assert judge_call(nextlocal, older).status == "ineligible"
    assert _as_finder("171421", forty).status == "maybe"


def test_a_listed_call_not_loaded_still_speaks_for_the_program():
    # 초기창업패키지 lists its 2026 call 176019 (not among the embedded calls); the only loaded
    # call linked to it is a 주관기관's programme in August (178970, 창업기간 up to 3년미만).
    # The program's own 지원대상 (신청가능 업력 2023-01-23 ~ 2026-01-22) admits the firm.
    profile = firm(founded=D(2023, 1, 23), as_of=D(2026, 1, 23))
    verdict = _as_finder("170002", profile)
    assert verdict.status == "eligible"
    assert any(
        "178970" not in r and "이 사업의 다른 공고는 공고문 확인" in r for r in verdict.reasons
    )


def test_a_call_refuses_the_program_only_whatever_day_the_firm_is_counted_on():
    # Y:LOCAL (171068): its linked call 177133 opens 2026-04-09 (대상연령 만 20~39세). A founder
    # born 1986-03-04 is 39 on 2026-03-03 and 40 on the call's day: another Y:LOCAL call (the
    # 경진대회 176535, 1986-03-04 births admitted) opens before it, so the program is left open.
    turning = firm(
        pre_founding=True,
        birth_date=D(1986, 3, 4),
        ceo_age=39,
        region="충남",
        district="공주시",
        as_of=D(2026, 3, 3),
    )
    verdict = _as_finder("171068", turning)
    assert verdict.status == "maybe" and "call" in verdict.uncertain
    # 40 on both days: every Y:LOCAL call's age box ends at 39.
    forty = replace(turning, birth_date=D(1986, 3, 3), ceo_age=40)
    assert _as_finder("171068", forty).failed == ("call",)
