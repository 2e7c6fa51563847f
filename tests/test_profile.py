"""FirmProfile: validation of plain values, 업력 by date, and the dict round trip."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.profile import (
    PROFILE_FIELDS,
    FirmProfile,
    add_years,
    profile_from_dict,
    profile_to_dict,
)
from loaders.errors import ProfileError
from navigator.cli import main
from navigator.cmd_engine import load_profile, profile_from_json

TODAY = date(2026, 6, 1)


def make(**data: object) -> FirmProfile:
    return profile_from_dict(data, today=TODAY)


@pytest.mark.parametrize("spelling", ["서울", "서울시", "서울특별시", " 서울특별시 "])
def test_region_spellings_meet(spelling: str) -> None:
    assert make(region=spelling).region == "서울"


def test_region_from_a_basic_local_government() -> None:
    assert make(region="김천시").region == "경북"


@pytest.mark.parametrize(
    ("data", "region", "district"),
    [
        ({"district": "김천시"}, "경북", "김천시"),
        ({"district": "김천시", "region": "경상북도"}, "경북", "김천시"),
        ({"district": "대전광역시 서구"}, "대전", "서구"),
        ({"district": "서구", "region": "대전"}, "대전", "서구"),
        ({"district": "광주시", "region": "경기"}, "경기", "광주시"),
        ({"region": "김천시"}, "경북", "김천시"),
        ({"region": "경북"}, "경북", None),
    ],
)
def test_district_is_validated_and_fills_the_region(
    data: dict[str, str], region: str, district: str | None
) -> None:
    p = make(**data)
    assert (p.region, p.district) == (region, district)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"district": "서구"}, "소재지(region)를 함께"),
        ({"district": "광주시"}, "광주광역시"),
        ({"district": "구미시", "region": "서울"}, "속하지 않습니다"),
        ({"district": "강서구", "region": "대구"}, "서울 강서구, 부산 강서구"),
        ({"district": "아무구"}, "알 수 없는 시·군·구"),
        ({"district": "경기도"}, "시·도 이름"),
        ({"district": "조치원읍", "region": "세종"}, "세종에는 시·군·구가 없습니다"),
    ],
)
def test_bad_district_names_the_field(data: dict[str, str], words: str) -> None:
    with pytest.raises(ProfileError) as err:
        make(**data)
    assert err.value.field == "district"
    assert "시·군·구(district)" in str(err.value)
    assert words in str(err.value)


def test_district_is_written_with_its_province_where_ambiguous() -> None:
    assert make(district="김천시").district_text() == "김천시"
    assert make(district="서구", region="대전").district_text() == "대전 서구"
    assert make(district="김천시").place_text() == "경북 김천시"


@pytest.mark.parametrize("region", ["아틀란티스", "전국"])
def test_unknown_region_names_the_field(region: str) -> None:
    with pytest.raises(ProfileError) as err:
        make(region=region)
    assert err.value.field == "region"
    assert "소재지(region)" in str(err.value)


@pytest.mark.parametrize("age", [-1, "-5", 300, "열살", 39.5, True])
def test_bad_age_names_the_field(age: object) -> None:
    with pytest.raises(ProfileError) as err:
        make(ceo_age=age)
    assert err.value.field == "ceo_age"
    assert "대표자 나이(ceo_age)" in str(err.value)


def test_age_accepts_text_with_unit() -> None:
    assert make(ceo_age="만 39세").ceo_age == 39


def test_founded_in_the_future_is_rejected() -> None:
    with pytest.raises(ProfileError) as err:
        make(founded="2026-07-01")
    assert err.value.field == "founded"


def test_founded_after_as_of_is_rejected() -> None:
    with pytest.raises(ProfileError) as err:
        make(founded="2025-05-01", as_of="2025-01-01")
    assert err.value.field == "founded"
    assert "기준일" in str(err.value)


def test_founded_and_pre_founding_together_are_rejected() -> None:
    with pytest.raises(ProfileError) as err:
        make(founded="2024-01-01", pre_founding=True)
    assert err.value.field == "pre_founding"


def test_bad_date_format_names_the_field() -> None:
    with pytest.raises(ProfileError) as err:
        make(founded="작년 봄")
    assert err.value.field == "founded"


@pytest.mark.parametrize("text", ["2024-03-15", "2024.3.15", "20240315", "2024/03/15"])
def test_date_spellings(text: str) -> None:
    assert make(founded=text).founded == date(2024, 3, 15)


def test_fields_are_canonical_and_unknown_ones_rejected() -> None:
    assert make(fields=["AI", "인공지능", "바이오"]).fields == ("인공지능·빅데이터", "바이오·헬스")
    assert make(fields="AI, 로봇").fields == ("인공지능·빅데이터", "로봇·첨단제조")
    with pytest.raises(ProfileError) as err:
        make(fields=["우주여행 관광업 전문"])
    assert err.value.field == "fields"


def test_strict_mode_rejects_unknown_keys() -> None:
    assert make(ceo_agee=30) == make()
    with pytest.raises(ProfileError) as err:
        profile_from_dict({"ceo_agee": 30}, strict=True)
    assert err.value.field == "ceo_agee"


def test_flags_accept_korean_and_text_booleans() -> None:
    p = make(women="예", restart="true", student=1, disabled="false", foreign_founder="아니오")
    assert (p.women, p.restart, p.student, p.disabled, p.foreign_founder) == (
        True, True, True, False, False,
    )  # fmt: skip


def test_round_trip_is_exact() -> None:
    p = make(
        founded="2023-02-28", as_of="2026-01-01", ceo_age=41, region="경남", fields=["AI"],
        women=True,
    )  # fmt: skip
    assert profile_from_dict(profile_to_dict(p), today=TODAY) == p


@pytest.mark.parametrize(
    ("region", "district"), [("경북", "김천시"), ("대전", "서구"), ("경기", "광주시")]
)
def test_round_trip_keeps_the_district(region: str, district: str) -> None:
    p = make(founded="2024-01-01", region=region, district=district)
    assert profile_to_dict(p)["district"] == district
    assert profile_from_dict(profile_to_dict(p), today=TODAY) == p


@given(
    founded=st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)),
    extra=st.integers(min_value=0, max_value=4000),
    age=st.one_of(st.none(), st.integers(min_value=10, max_value=110)),
    region=st.sampled_from([None, "서울", "부산", "제주"]),
    women=st.booleans(),
)
def test_round_trip_property(
    founded: date, extra: int, age: int | None, region: str | None, women: bool
) -> None:
    as_of = date.fromordinal(min(founded.toordinal() + extra, TODAY.toordinal()))
    p = FirmProfile(founded=founded, as_of=as_of, ceo_age=age, region=region, women=women)
    assert profile_from_dict(profile_to_dict(p), today=TODAY) == p


def test_years_in_business_counts_anniversaries() -> None:
    founded = date(2023, 3, 15)
    assert FirmProfile(founded=founded, as_of=date(2026, 3, 14)).years_in_business() == 2
    assert FirmProfile(founded=founded, as_of=date(2026, 3, 15)).years_in_business() == 3
    assert FirmProfile(pre_founding=True).years_in_business() is None


def test_business_age_text() -> None:
    p = FirmProfile(founded=date(2023, 12, 10), as_of=date(2026, 3, 20))
    assert p.business_age_text() == "업력 2년 3개월"
    assert FirmProfile(pre_founding=True).business_age_text() == "예비창업자"


def test_leap_day_anniversary_is_28_february() -> None:
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)


def test_age_advances_on_anniversaries_of_as_of() -> None:
    p = FirmProfile(as_of=date(2026, 5, 1), ceo_age=39)
    assert p.age_on(date(2027, 4, 30)) == 39
    assert p.age_on(date(2027, 5, 1)) == 40


# --------------------------------------------------------------------------- CLI

PROFILES = Path(__file__).resolve().parent / "fixtures" / "profiles"


@pytest.mark.parametrize(
    ("fixture", "field"),
    [
        ("bad_age.json", "ceo_age"),
        ("bad_region.json", "region"),
        ("bad_founded_future.json", "founded"),
    ],
)
@pytest.mark.parametrize("command", ["eligible", "path"])
def test_cli_bad_profile_exits_2_naming_the_field(
    command: str, fixture: str, field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--profile", str(PROFILES / fixture), "--json"]) == 2
    captured = capsys.readouterr()
    assert f"({field})" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_cli_bad_district_exits_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "district.json"
    bad.write_text('{"region": "서울", "district": "김천시"}', encoding="utf-8")
    assert main(["eligible", "--profile", str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert "(district)" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_cli_profile_file_problems_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{ceo_age: 30", encoding="utf-8")
    assert main(["eligible", "--profile", str(broken)]) == 2
    assert "JSON" in capsys.readouterr().err
    assert main(["eligible", "--profile", str(tmp_path / "missing.json")]) == 2
    typo = tmp_path / "typo.json"
    typo.write_text('{"ceo_agee": 30}', encoding="utf-8")
    assert main(["path", "--profile", str(typo)]) == 2
    assert "ceo_agee" in capsys.readouterr().err


# ------------------------------------------------------------------ non-finite and huge numbers
# (issue 13: "inf", "nan" and JSON Infinity crashed with a traceback and exit 1)


@pytest.mark.parametrize(
    "age",
    ["inf", "nan", "-inf", "Infinity", float("inf"), float("nan"), 1e400, 10**400, -(10**30)],
)
def test_non_finite_and_out_of_range_ages_are_one_profile_error(age: object) -> None:
    with pytest.raises(ProfileError) as err:
        make(ceo_age=age)
    assert err.value.field == "ceo_age"
    assert "10세에서 110세 사이" in str(err.value)
    assert len(str(err.value)) < 120  # the value is shortened, not echoed in full


_BAD_JSON = {
    "Infinity": '{"ceo_age": Infinity}',
    "NaN": '{"ceo_age": NaN}',
    "-Infinity": '{"ceo_age": -Infinity}',
    "1e400": '{"ceo_age": 1e400}',
    "text inf": '{"ceo_age": "inf"}',
    "date 1e400": '{"founded": 1e400}',
    "5000 digits": '{"region": ' + "9" * 5000 + "}",
    "nested 100000": "[" * 100_000,
    "fields Infinity": '{"fields": [Infinity, NaN]}',
}


@pytest.mark.parametrize("text", list(_BAD_JSON.values()), ids=list(_BAD_JSON))
def test_cli_non_finite_profile_values_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    bad = tmp_path / "profile.json"
    bad.write_text(text, encoding="utf-8")
    assert main(["eligible", "--profile", str(bad), "--json"]) == 2  # anything else raises
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1


def test_cli_infinity_age_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "profile.json"
    bad.write_text('{"ceo_age": Infinity}', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "navigator.cli", "eligible", "--profile", str(bad), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "오류: 대표자 나이(ceo_age): 'inf'는 나이가 아닙니다 — 10세에서 110세 사이로 입력하세요."
    ]


def test_binary_profile_file_is_a_profile_error(tmp_path: Path) -> None:
    bad = tmp_path / "profile.json"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ProfileError, match="UTF-8"):
        load_profile(bad)


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["inf", "nan", "-1", "39세", "2024-02-30", "서울", "김천시", "AI", "예"])
)
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
_PROFILE_LIKE = st.dictionaries(
    st.sampled_from(PROFILE_FIELDS) | st.text(max_size=8), _JSON, max_size=len(PROFILE_FIELDS)
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_PROFILE_LIKE, st.booleans())
def test_profile_parsing_raises_only_its_own_error_on_any_json(data: dict, strict: bool) -> None:
    try:
        profile = profile_from_dict(data, strict=strict, today=TODAY)
    except ProfileError as err:
        assert str(err)  # a message a person can read
    else:
        assert isinstance(profile, FirmProfile)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_JSON | _PROFILE_LIKE | st.text(max_size=60))
def test_profile_json_text_raises_only_profile_errors(value: object) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    with contextlib.suppress(ProfileError):  # any other exception fails the test
        profile_from_json(text)
