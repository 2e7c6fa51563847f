"""The calls use case (usecases/calls.py): the list ``navigator calls`` prints and the 모집 공고
page shows is the engine's judgement of every call, in the engine's order, with its program."""

from __future__ import annotations

import json
from datetime import date

from graph.calls import judge_calls, sort_calls
from loaders.announcements import load_active_announcements
from tests.test_calls import _program, call, firm
from usecases.calls import CallQuery, board, load_calls, view

D = date
PROGRAM = _program(target="창업 3년 이내 기업")
# SYNTHETIC TEST DATA: one call of the program (open on 2026-09-01), one closed, one upcoming.
LINKED = call(
    title="2026년 테스트 창업지원 사업 참여기업 모집",
    text="창업 3년 이내 기업",
    sn="10",
    start=D(2026, 8, 20),
    end=D(2026, 9, 30),
)
CLOSED = call(title="2026년 지난 공고", sn="11", start=D(2026, 3, 1), end=D(2026, 3, 31))
LATER = call(title="2026년 하반기 공고", sn="12", start=D(2026, 10, 1), end=D(2026, 10, 31))
CALLS = [CLOSED, LATER, LINKED]
FIRM = firm(founded=D(2024, 3, 1), ceo_age=34, region="서울")


def test_board_is_every_call_judged_in_the_engines_order() -> None:
    found = board(CALLS, FIRM, [PROGRAM])
    assert found.today == FIRM.as_of  # the profile's 기준일 unless a day is given
    assert dict(found.verdicts) == judge_calls(CALLS, FIRM)
    expected = [c.pbanc_sn for c in sort_calls(CALLS, FIRM.as_of, judge_calls(CALLS, FIRM))]
    assert [r.call.pbanc_sn for r in found.rows] == expected
    assert [r.state for r in found.rows] == ["open", "upcoming", "closed"]
    assert [r.verdict for r in found.rows] == [found.verdicts[sn] for sn in expected]


def test_board_links_calls_to_programs_by_name() -> None:
    found = board(CALLS, FIRM, [PROGRAM])
    by_sn = {r.call.pbanc_sn: r for r in found.rows}
    assert by_sn["10"].program_id == "p1" and by_sn["10"].program_name == PROGRAM.name
    assert by_sn["10"].link_score and by_sn["10"].link_reason
    assert by_sn["11"].program_id is None and by_sn["11"].link_score is None
    assert found.linked() == 1
    assert found.counts() == {
        s: sum(v.status == s for v in found.verdicts.values())
        for s in ("eligible", "maybe", "ineligible")
    }


def test_board_counts_days_on_the_day_given() -> None:
    found = board(CALLS, FIRM, [PROGRAM], today=D(2026, 10, 5))
    assert {r.call.pbanc_sn: r.state for r in found.rows} == {
        "12": "open",
        "10": "closed",
        "11": "closed",
    }
    closed = next(r for r in found.rows if r.call.pbanc_sn == "10")
    assert closed.d_day == -5 and closed.when.endswith("(D+5)")


def test_to_dicts_are_plain_json_rows() -> None:
    rows = board(CALLS, FIRM, [PROGRAM]).to_dicts()
    assert [r["pbanc_sn"] for r in rows] == ["10", "12", "11"]
    assert rows[0]["open"] is True and rows[0]["program_id"] == "p1"
    assert rows[2]["open"] is False and rows[2]["program_id"] is None
    assert json.loads(json.dumps(rows)) == rows


def test_the_cli_prints_the_boards_rows(tmp_path, capsys) -> None:
    from loaders.catalogue import load_active
    from navigator.cli import main
    from navigator.cmd_engine import load_profile
    from tests.kstartup_server import EXAMPLE_ANNOUNCEMENTS

    page = tmp_path / "page.json"
    page.write_text(json.dumps({"data": list(EXAMPLE_ANNOUNCEMENTS)}), encoding="utf-8")
    profile_file = tmp_path / "p.json"
    profile_file.write_text(json.dumps({"founded": "2024-03-01", "ceo_age": 34}), encoding="utf-8")
    argv = ["calls", "--profile", str(profile_file), "--calls", str(page), "--json"]
    assert main([*argv, "--as-of", "2026-09-20"]) == 0
    printed = json.loads(capsys.readouterr().out)
    profile = load_profile(profile_file, as_of="2026-09-20")
    expected = board(load_calls([page]).announcements, profile, load_active().programs)
    assert printed == expected.to_dicts()


def test_view_filters_and_counts_what_every_filter_but_the_verdict_one_leaves() -> None:
    rows = board(CALLS, FIRM, [PROGRAM]).rows
    everything = view(rows)
    assert everything.shown == rows
    assert everything.counts["open"] == 1 and everything.counts["upcoming"] == 1
    statuses = [r.verdict.status for r in rows]
    for wanted, keeps in (
        ("eligible", {"eligible"}),
        ("maybe", {"eligible", "maybe"}),
        ("all", {"eligible", "maybe", "ineligible"}),
    ):
        picked = view(rows, CallQuery(status=wanted))
        assert [r.verdict.status for r in picked.shown] == [s for s in statuses if s in keeps]
        assert picked.counts == everything.counts  # the verdict filter leaves the counts
    only_open = view(rows, CallQuery(states=("open",)))
    assert [r.call.pbanc_sn for r in only_open.shown] == ["10"]
    assert only_open.counts["upcoming"] == 0
    assert [r.call.pbanc_sn for r in view(rows, CallQuery(linked_only=True)).shown] == ["10"]
    assert [r.call.pbanc_sn for r in view(rows, CallQuery(text="하반기")).shown] == ["12"]


def test_load_calls_reads_files_or_the_active_calls(tmp_path) -> None:
    from tests.kstartup_server import EXAMPLE_ANNOUNCEMENTS

    page = tmp_path / "page.json"
    page.write_text(json.dumps({"data": list(EXAMPLE_ANNOUNCEMENTS)}), encoding="utf-8")
    found = load_calls([page])
    assert found.origin == "file" and len(found) == 3
    assert found.label == f"공고 파일 {page} (3건)"
    active = load_calls()
    assert active.label == load_active_announcements().label
    assert len(active) == len(load_active_announcements())
