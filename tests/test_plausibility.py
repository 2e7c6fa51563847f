"""Trust at the edges (issue 13): noise rows, one budget parser, cells named, totals flagged."""

from __future__ import annotations

import json

import pytest

from loaders.catalogue import load_files, summarise
from loaders.kstartup.mapping import map_business_items, program_from_item
from loaders.model import Source
from loaders.plausibility import catalogue_flags, noise_reasons
from loaders.report import RowIssue, cell_ref
from loaders.snapshots import SnapshotPage
from loaders.spreadsheet.load import load_bytes, load_path
from navigator.cli import main

# ------------------------------------------------------------------------------ noise


@pytest.mark.parametrize(
    "name",
    [
        "예비창업패키지",
        "2026년 창업도약패키지",
        "K-스타트업 센터(KSC)",
        "AI 바우처 지원",
        "R&D 기획",
    ],
)
def test_real_program_names_are_not_noise(name):
    assert noise_reasons(name) == []


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("2197Gym", "무작위 문자 조합"),
        ("xK9#2a", "무작위 문자 조합"),
        ("qwe rty uiop", "한글 단어가 없습니다"),
        ("뷁쀍꿹뙓", "거의 쓰이지 않는 한글 음절"),
        ("12345", "숫자·기호뿐"),
        ("창업" * 150, "비정상적으로 깁니다"),
    ],
)
def test_noise_names_say_why(name, words):
    reasons = noise_reasons(name)
    assert reasons and words in " ".join(reasons)


def test_an_english_name_with_korean_text_beside_it_is_not_noise():
    assert noise_reasons("TIPS", ["민간 투자를 받은 창업기업"]) == []
    assert noise_reasons("TIPS") != []


def test_noise_rows_are_loaded_but_reported_as_suspicious(make_csv):
    text = "사업명,지원대상,예산\n예비창업패키지,예비창업자,491억원\n2197Gym,Lorem ipsum,2197Gym\nqwe rty,zxc,12\n"
    programs, report = load_path(make_csv(text))
    assert len(programs) == 3 and report.balanced  # nothing lost, accounting unchanged
    assert [(i.row, i.cell, i.value) for i in report.suspicious] == [
        (3, "A3", "2197Gym"),
        (4, "A4", "qwe rty"),
    ]
    # digits glued to text are not a budget, and the cell says so
    assert programs[1].budget_eok is None
    glued = [w for w in report.warnings if w.row == 3]
    assert glued and glued[0].cell == "C3" and "다른 글자에 붙어" in glued[0].reason


def test_kstartup_items_that_look_like_noise_are_suspicious():
    page = SnapshotPage(
        page=1,
        fetched_at="2026-05-01T00:00:00+00:00",
        items=[
            {"supt_biz_titl_nm": "xK9#2a", "biz_yr": "2026", "biz_category_cd": "cmrczn_Tab1"},
            {
                "supt_biz_titl_nm": "예비창업패키지",
                "biz_yr": "2026",
                "biz_category_cd": "cmrczn_Tab1",
            },
        ],
    )
    programs, report = map_business_items([page])
    assert len(programs) == 2
    assert [(i.row, i.column) for i in report.suspicious] == [(1, "supt_biz_titl_nm")]


# ------------------------------------------------------------------------------ one budget parser

BUDGET_TEXTS = [
    ("850백만 원", 8.5, ()),
    ("24 억원", 24.0, ()),
    ("3,000 천원", 0.03, ()),
    ("240백만 원 (군)", 2.4, ()),
    ("18억원(도비 7억, 시비 11억)", 18.0, (("도비", 7.0), ("시비", 11.0))),
    ("도비 2억, 시비 1억", 3.0, (("도비", 2.0), ("시비", 1.0))),
    ("1,200백만원('26년)", 12.0, ()),
    ("2197Gym", None, ()),
]


@pytest.mark.parametrize(("text", "eok", "parts"), BUDGET_TEXTS)
def test_spreadsheet_and_kstartup_read_budgets_alike(make_csv, text, eok, parts):
    programs, _ = load_path(make_csv(f'사업명,예산\n테스트 사업,"{text}"\n'))
    item = {
        "supt_biz_titl_nm": "테스트 사업",
        "biz_yr": "2026",
        "biz_supt_bdgt_info": f"(예산현황) {text} / (지원규모) 10개사",
    }
    mapped, _ = program_from_item(item, Source(file="K"))
    for program in (programs[0], mapped):
        assert program.budget_eok == (pytest.approx(eok) if eok is not None else None)
        assert tuple((p.source, p.eok) for p in program.budget_parts) == parts


# ------------------------------------------------------------------------------ cells named


def test_cell_ref():
    assert [cell_ref(7, 2), cell_ref(1, 0), cell_ref(3, 25), cell_ref(3, 26)] == [
        "C7",
        "A1",
        "Z3",
        "AA3",
    ]


def test_row_without_a_name_names_the_empty_name_cell(make_csv):
    """Not "열 '사업명' · 값 '중소벤처기업부'": the ministry is not the cell at fault."""
    _, report = load_path(
        make_csv("소관부처,사업명,예산(억원)\n중소벤처기업부,A,1\n중소벤처기업부,,2\n")
    )
    issue = report.rejected[0]
    assert (issue.row, issue.cell, issue.column, issue.value) == (3, "B3", "사업명", "")
    text = issue.describe()
    assert "B3 · 열 '사업명' · 빈 칸" in text
    assert "값 '중소벤처기업부'" not in text
    assert "'중소벤처기업부'" in issue.reason  # the row's other text, to find it


def test_conflicting_version_names_the_cell_that_differs(make_csv):
    text = "사업명,지원유형,예산(억원)\nA,사업화,1\nA,사업화,2\n"
    _, report = load_path(make_csv(text))
    issue = report.rejected[0]
    assert (issue.cell, issue.column, issue.value) == ("C3", "예산(억원)", "2")
    assert "내용이 다릅니다 (예산)" in issue.reason


def test_every_rejected_row_names_a_cell(make_xlsx):
    rows = [
        ["사업명", "소관부처", "예산(억원)"],
        ["A", "테스트부", 1],
        [None, "테스트부", 2],
        ["A", "테스트부", 3],
    ]
    _, report = load_path(make_xlsx({"s": rows}))
    assert len(report.rejected) == 2
    assert all(i.cell and i.column for i in report.rejected)


def test_old_issue_dicts_still_describe():
    data = {"kind": "rejected", "file": "f", "sheet": "", "row": 2, "reason": "r"}
    assert RowIssue(**data).describe() == "f · 2행: r"


# ------------------------------------------------------------------------------ fill-down


def test_csv_never_claims_merged_cells_and_noise_is_not_filled_down(make_csv):
    rows = ["소관부처,사업명"] + [
        f"{'x' + str(i) + 'Q' if i % 3 == 0 else ''},{n}"
        for i, n in enumerate(["aB3x", "Zq9k", "w0Pz", "mK2j", "Rt5y", "Lp8n"])
    ]
    programs, report = load_path(make_csv("\n".join(rows) + "\n"))
    notes = " ".join(report.sheets[0].notes)
    assert "병합" not in notes and "채웠습니다" not in notes
    assert [p.ministry for p in programs][:3] == ["x0Q", "", ""]


def test_grouped_csv_is_filled_without_mentioning_merges(make_csv):
    text = "소관부처,사업명\n중소벤처기업부,예비창업패키지\n,초기창업패키지\n,창업도약패키지\n문화체육관광부,관광벤처\n,콘텐츠 창업\n"
    programs, report = load_path(make_csv(text))
    assert [p.ministry for p in programs] == ["중소벤처기업부"] * 3 + ["문화체육관광부"] * 2
    notes = " ".join(report.sheets[0].notes)
    assert "위 값으로 채웠습니다" in notes and "병합" not in notes


def test_merged_workbook_says_merged(make_xlsx):
    rows = [["소관부처", "사업명"], ["중소벤처기업부", "예비창업패키지"], [None, "초기창업패키지"]]
    programs, report = load_path(make_xlsx({"s": rows}, merges={"s": ["A2:A3"]}))
    assert [p.ministry for p in programs] == ["중소벤처기업부"] * 2
    assert any("병합된 셀 1개" in n for n in report.sheets[0].notes)


# ------------------------------------------------------------------------------ totals flagged


def _noise_notice(tmp_path, rows: int = 12) -> str:
    lines = ["사업명,연도,예산(억원)"]
    lines += [f"테스트 사업 {i},2026,{30_000 + i}" for i in range(rows)]
    path = tmp_path / "inflated.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_total_above_the_published_total_is_flagged(tmp_path):
    summary = summarise(load_files([_noise_notice(tmp_path)]))
    assert any("공표 총액 34,645억원보다 큽니다" in f for f in summary["flags"])


def test_flags_need_a_published_year():
    class P:
        def __init__(self, year, eok):
            self.year, self.budget_eok = year, eok

    class T:
        programs, budget_total_eok = 2, 10.0

    assert catalogue_flags([P(1999, 100.0)], {2026: T()}) == []
    flags = catalogue_flags([P(2026, 6.0), P(2026, 6.0), P(2026, None)], {2026: T()})
    assert len(flags) == 2  # budget 12 > 10 and 3 programs > 2


def test_embedded_data_is_plausible():
    from loaders.catalogue import load_embedded

    summary = summarise(load_embedded())
    assert summary["suspicious"] == [] and summary["flags"] == []


# ------------------------------------------------------------------------------ CLI


def test_load_json_lists_suspicious_like_rejected(make_csv, capsys):
    path = make_csv("사업명,지원대상\n예비창업패키지,예비창업자\n2197Gym,xyz\n")
    assert main(["load", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["row"] for i in data["suspicious"]] == [3]
    assert {"file", "sheet", "row", "column", "value", "cell", "reason"} <= set(
        data["suspicious"][0]
    )


def test_strict_exits_1_on_suspicious_rows_and_on_flags(make_csv, tmp_path, capsys):
    noisy = make_csv("사업명,지원대상\n예비창업패키지,예비창업자\n2197Gym,xyz\n")
    clean = make_csv("사업명,지원대상\n예비창업패키지,예비창업자\n", name="clean.csv")
    assert main(["load", str(clean), "--strict"]) == 0
    assert main(["load", str(noisy), "--strict"]) == 1
    assert main(["load", _noise_notice(tmp_path), "--strict"]) == 1
    out = capsys.readouterr().out
    assert "의심스러운 행 1개" in out and "※ 확인 필요" in out


def test_random_text_under_a_valid_header_is_reported_row_by_row():
    """The issue's case: thousands of noise rows load, but every one is reported."""
    import random

    rng = random.Random(13)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#@!"

    def junk() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 14)))

    lines = ["사업명,지원대상,예산"] + [f"{junk()},{junk()},{junk()}" for _ in range(500)]
    programs, report = load_bytes("\n".join(lines).encode(), "noise.csv")
    assert report.balanced and len(programs) == 500
    assert len(report.suspicious) == 500
    assert sum(p.budget_eok or 0 for p in programs) < 500 * 100  # nothing read out of junk
    assert not any("채웠습니다" in n for n in report.sheets[0].notes)
