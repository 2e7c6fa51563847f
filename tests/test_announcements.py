"""Open calls: loading (embedded JSON, CSV and API pages), call status labels, join to programs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from loaders.announcements import (
    ANNOUNCEMENT_OPERATION,
    Announcement,
    announcements_from_pages,
    call_state,
    call_status,
    join_to_programs,
    load_active_announcements,
    load_announcements_csv,
    load_call_files,
    load_embedded_announcements,
    parse_api_date,
    program_call_status,
)
from loaders.errors import LoadError
from loaders.kstartup.client import KStartupClient
from loaders.kstartup.sync import sync
from loaders.model import Program
from loaders.snapshots import SnapshotPage
from tests.kstartup_server import EXAMPLE_ANNOUNCEMENTS, FAST, kstartup_env, synthetic_announcements

D = date
# 43 real 2026 calls kept by a public source (engelmm8917-ui/gongo-radar), CSV-shaped; the same
# calls are among the embedded data/calls_2026_*.json.
SAMPLE_FILE = Path(__file__).parent / "fixtures" / "announcements_2026_sample.csv"


def program(
    name: str, *, pid: str, region: str = "전국", level: str = "중앙부처", year: int = 2026
):
    """SYNTHETIC TEST DATA: a minimal program record."""
    return Program(pid, year, level, "", "", region, name, "사업화")


def call(name: str = "", *, sn: str = "1", start=None, end=None, region: str = "", integrated=None):
    return Announcement(
        sn,
        f"공고 {sn}",
        program_name=name,
        start=start,
        end=end,
        region=region,
        integrated=integrated,
    )


# --------------------------------------------------------------------------- status labels


@pytest.mark.parametrize(
    ("start", "end", "today", "label"),
    [
        (D(2026, 9, 1), D(2026, 9, 30), D(2026, 9, 27), "모집 중 · 마감 D-3"),
        (D(2026, 9, 1), D(2026, 9, 30), D(2026, 9, 30), "모집 중 · 마감 D-day"),
        (D(2026, 9, 1), D(2026, 9, 30), D(2026, 9, 1), "모집 중 · 마감 D-29"),
        (D(2026, 9, 1), D(2026, 9, 30), D(2026, 10, 1), "마감"),
        (D(2026, 9, 1), D(2026, 9, 30), D(2026, 8, 31), "접수 예정"),
        (D(2026, 9, 1), None, D(2026, 9, 5), "모집 중 (상시)"),
        (None, None, D(2026, 9, 5), "일정 미상"),
    ],
)
def test_call_status(start, end, today, label):
    assert call_status(start, end, today) == label


def test_call_state_is_machine_readable():
    assert call_state(D(2026, 9, 1), D(2026, 9, 30), D(2026, 9, 2)) == "open"
    assert call_state(None, D(2026, 9, 30), D(2026, 10, 2)) == "closed"


def test_program_with_several_calls_shows_the_open_one_first():
    calls = [
        call(sn="1", start=D(2026, 3, 1), end=D(2026, 3, 31)),
        call(sn="2", start=D(2026, 10, 1), end=D(2026, 10, 31)),
        call(sn="3", start=D(2026, 9, 1), end=D(2026, 9, 20)),
        call(sn="4", start=D(2026, 9, 1), end=D(2026, 9, 10)),
    ]
    assert program_call_status(calls, D(2026, 9, 5)) == "모집 중 · 마감 D-5"
    assert program_call_status(calls, D(2026, 9, 25)) == "접수 예정"
    assert program_call_status(calls, D(2026, 12, 1)) == "마감"
    assert program_call_status([], D(2026, 12, 1)) == ""


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("20260915", D(2026, 9, 15)),
        (20260915, D(2026, 9, 15)),
        ("2026-09-15", D(2026, 9, 15)),
        ("20261345", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_api_date(raw, parsed):
    assert parse_api_date(raw) == parsed


# --------------------------------------------------------------------------- loading


def test_sample_csv_loads_every_row_with_its_source():
    found, report = load_announcements_csv(SAMPLE_FILE)
    assert len(found) == 43 and report.rows_read == 43 and report.balanced
    first = found[0]
    assert first.pbanc_sn == "179232"
    assert first.start == D(2026, 9, 15) and first.end == D(2026, 10, 6)
    assert first.support_type == "행사·네트워크" and first.raw_support_type == "행사ㆍ네트워크"
    assert first.integrated is True and first.region == "전국"
    assert first.source.citation.startswith("engelmm8917-ui/gongo-radar")
    assert first.source.row == 2
    assert "7년미만" in first.business_ages
    assert first.eligibility.years_max == 7  # the same 지원대상 parser as programs


def test_real_api_items_map_and_duplicates_are_accounted_for():
    items = (*EXAMPLE_ANNOUNCEMENTS, EXAMPLE_ANNOUNCEMENTS[0], {"pbanc_sn": 5, "biz_pbanc_nm": ""})
    found, report = announcements_from_pages([SnapshotPage(1, items, "2026-09-20T00:00:00+00:00")])
    assert [a.pbanc_sn for a in found] == ["174652", "174646", "179232"]
    assert report.rows_read == 5 and len(report.skipped) == 1 and len(report.rejected) == 1
    assert report.balanced
    road = found[0]
    assert road.integrated is False and road.support_type == "융자·보증"  # 정책자금
    assert road.applicant_types == ("연구기관", "일반기업")
    assert road.source.sheet == "page 1" and road.source.fetched_at


def test_bad_dates_are_warnings_not_losses():
    item = dict(EXAMPLE_ANNOUNCEMENTS[1], pbanc_rcpt_end_dt="2025-13-99")
    found, report = announcements_from_pages([SnapshotPage(1, (item,), "t")])
    assert found[0].end is None
    assert report.warnings[0].column == "pbanc_rcpt_end_dt"


# --------------------------------------------------------------------------- join


def test_join_tolerates_spacing_punctuation_and_year_prefixes():
    programs = [program("예비창업패키지", pid="p1"), program("초기창업패키지", pid="p2")]
    calls = [
        call("2026년 예비 창업 패키지", sn="1", start=D(2026, 3, 1), end=D(2026, 3, 20)),
        call("'26년 예비창업패키지(일반)", sn="2", start=D(2026, 5, 1), end=D(2026, 5, 20)),
    ]
    result = join_to_programs(calls, programs)
    assert [(a.pbanc_sn, pid, how) for a, pid, how in result.matched] == [
        ("1", "p1", "사업명"),
        ("2", "p1", "사업명(괄호 제외)"),
    ]
    assert result.status_of("p1", D(2026, 5, 18)) == "모집 중 · 마감 D-2"
    assert result.status_of("p2", D(2026, 5, 18)) == ""


def test_same_named_local_programs_are_told_apart_by_region():
    programs = [
        program("창업보육센터 운영 지원", pid="gn", region="경남", level="기초"),
        program("창업보육센터 운영 지원", pid="jn", region="전남", level="기초"),
    ]
    ok = call("창업보육센터 운영지원", sn="1", region="전남", start=D(2026, 4, 1))
    vague = call("창업보육센터 운영지원", sn="2", start=D(2026, 4, 1))
    result = join_to_programs([ok, vague], programs)
    assert [(a.pbanc_sn, pid) for a, pid, _ in result.matched] == [("1", "jn")]
    assert "여럿" in result.unmatched[0][1]


def test_unmatched_calls_carry_a_reason():
    calls = [
        call("", sn="1", integrated=True),
        call("", sn="2", integrated=False),
        call("없는 사업", sn="3"),
    ]
    reasons = [r for _, r in join_to_programs(calls, [program("A", pid="a")]).unmatched]
    assert "연결되는 통합공고 사업이 없습니다" in reasons[0]  # linked by its title, to nothing
    assert "intg_pbanc_yn=N" in reasons[1]
    assert "'없는 사업'" in reasons[2]


def test_year_narrows_same_named_programs_of_different_notice_years():
    programs = [
        program("예비창업패키지", pid="y25", year=2025),
        program("예비창업패키지", pid="y26"),
    ]
    result = join_to_programs([call("예비창업패키지", start=D(2026, 3, 1))], programs)
    assert result.matched[0][1] == "y26"


# --------------------------------------------------------------------------- active set


def test_active_announcements_fall_back_to_the_embedded_calls_then_use_a_sync(
    monkeypatch, tmp_path
):
    with kstartup_env(monkeypatch, tmp_path) as server:
        embedded = load_active_announcements()
        assert embedded.origin == "embedded" and len(embedded) == 1327
        assert "내장 공고" in embedded.label and "2026-09-16" in embedded.label
        server.set_items(
            ANNOUNCEMENT_OPERATION, EXAMPLE_ANNOUNCEMENTS + synthetic_announcements(12)
        )
        assert sync(["announcement"], return_type="xml", **FAST).ok
        active = load_active_announcements()
    assert active.origin == "snapshot" and len(active) == 15
    assert active.label.startswith("K-Startup 공고 데이터") and "오늘" in active.label
    assert active.report.balanced


def test_synced_calls_join_to_synced_programs(monkeypatch, tmp_path):
    from tests.kstartup_server import synthetic_business_items

    with kstartup_env(monkeypatch, tmp_path) as server:
        server.set_items("getBusinessInformation01", synthetic_business_items(12))
        server.set_items(ANNOUNCEMENT_OPERATION, synthetic_announcements(12))
        with KStartupClient(**FAST) as client:
            assert sync(client=client).ok
        from loaders.catalogue import load_active

        catalogue = load_active()
        calls = load_active_announcements()
    result = join_to_programs(calls.announcements, catalogue.programs)
    assert len(result.matched) == 12 and not result.unmatched


# --------------------------------------------------------------------------- embedded calls


def test_embedded_calls_load_every_item_with_provenance():
    found, report = load_embedded_announcements()
    assert len(found) == 1327 and report.rows_read == 1327 and report.balanced
    assert not report.rejected and not report.skipped
    by_sn = {a.pbanc_sn: a for a in found}
    first = by_sn["178880"]
    assert first.source.file == "calls_2026_sep.json" and first.source.row == 333  # item 333
    assert first.source.citation.startswith("engelmm8917-ui/gongo-radar")
    assert first.source.fetched_at == "2026-09-16T21:13:06Z"
    assert first.url.endswith("pbancSn=178880")


def test_embedded_call_vocabulary_oddities():
    by_sn = {a.pbanc_sn: a for a in load_embedded_announcements()[0]}
    # "전남광주" names two 시·도 (sep file; h1 spells them apart).
    assert by_sn["178913"].regions == ("전남", "광주")
    # Categories outside the notice's eight, and an HTML entity, are normalised and kept raw.
    rd = next(a for a in by_sn.values() if "R&" in a.raw_support_type)
    assert rd.raw_support_type == "기술개발(R&D)" and rd.support_type == "기술개발(R&D)"
    kinds = {a.raw_support_type: a.support_type for a in by_sn.values()}
    assert kinds["창업교육"] == "멘토링·컨설팅·교육"
    assert kinds["판로ㆍ해외진출"] == "글로벌 진출"
    assert kinds["정책자금"] == "융자·보증"
    # HTML in a 지원대상 text is removed before parsing; a title's "<…>" stays text.
    assert "<span" not in by_sn["178975"].target_text
    assert "<SE 컨설턴트 멘토링>" in by_sn["177083"].title
    # The 2026 통합공고 itself is listed among the calls.
    assert by_sn["175783"].is_notice and by_sn["175783"].role == "notice"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("2026년도 예비창업패키지 예비창업자 모집 수정 공고", "recruit"),
        ("2026년 팁스(TIPS) 온라인 사업설명회", "activity"),
        ("2026년 서울창업허브 창동 투자 특화 프로그램 - IR 라운드(2회차)", "activity"),
        ("2026년 초격차 이노웨이브 수요기업 모집 공고", "operator"),
        (
            "「2026년 진주창업지원센터 운영사업」진주형 창업사관학교 육성 지원사업 모집 공고",
            "recruit",
        ),
    ],
)
def test_call_role_from_title_words(title, role):
    assert Announcement("1", title).role == role


def test_call_files_accept_a_list_or_a_page_and_refuse_anything_else(tmp_path):
    items = list(EXAMPLE_ANNOUNCEMENTS)
    as_list = tmp_path / "list.json"
    as_list.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    as_page = tmp_path / "page.json"
    as_page.write_text(json.dumps({"currentCount": 3, "data": items}), encoding="utf-8")
    for path in (as_list, as_page):
        found, report = load_call_files([path])
        assert [a.pbanc_sn for a in found] == ["174652", "174646", "179232"]
        assert report.balanced
    both, report = load_call_files([as_list, as_page])
    assert len(both) == 3 and len(report.skipped) == 3  # the second file repeats the first
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"items": []}), encoding="utf-8")
    with pytest.raises(LoadError, match="'data' 목록"):
        load_call_files([bad])
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(LoadError, match="JSON"):
        load_call_files([broken])
