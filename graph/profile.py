"""The firm a founder or consultant describes once, and its validation.

Every eligibility answer and every roadmap is computed for one :class:`FirmProfile`. Profiles come
from forms, URLs (``st.query_params``) and JSON files, so :func:`profile_from_dict` accepts plain
strings and validates them into a frozen, hashable profile; :func:`profile_to_dict` gives the
same plain values back (the round trip is exact). A bad value raises
:class:`~loaders.errors.ProfileError` whose Korean message names the field, and whose ``field``
lets a form highlight it.

업력 (years in business) follows the notice's convention: counted by date from the founding date
to the reference date. "창업 3년 이내" holds up to and including the third anniversary of
founding and no longer on the day after (:meth:`FirmProfile.anniversary`).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from loaders.errors import ProfileError
from loaders.regions import (
    AMBIGUOUS_SIGUNGU,
    NATIONWIDE,
    SIGUNGU_BY_SIDO,
    canonical_sido,
    is_sido_name,
    resolve_sigungu,
    sido_of_institution,
    sigungu_label,
)
from loaders.taxonomy import canonical_field, unknown_field_message
from loaders.vocab import (
    CEO_AGE_LABEL,
    CEO_AGE_RANGE,
    EARLY_YEARS,
    FOUNDER_GROUPS,
    STARTUP_YEARS,
)

__all__ = [
    "FLAG_FIELDS",
    "PROFILE_FIELDS",
    "FirmProfile",
    "add_years",
    "parse_date",
    "profile_from_dict",
    "profile_to_dict",
]

# Korean labels used in error messages and reasons, so a person sees which box is wrong.
_LABELS: dict[str, str] = {
    "pre_founding": "예비창업자 여부(pre_founding)",
    "founded": "설립일(founded)",
    "as_of": "기준일(as_of)",
    "ceo_age": f"{CEO_AGE_LABEL}(ceo_age)",
    "birth_date": "대표자 생년월일(birth_date)",
    "region": "소재지(region)",
    "district": "시·군·구(district)",
    "fields": "기술분야(fields)",
    **{g.profile_field: g.field_label for g in FOUNDER_GROUPS},
}
FLAG_FIELDS: tuple[str, ...] = tuple(g.profile_field for g in FOUNDER_GROUPS)
PROFILE_FIELDS: tuple[str, ...] = tuple(_LABELS)

_AGE_MIN, _AGE_MAX = CEO_AGE_RANGE
_TRUE = {"true", "1", "yes", "y", "on", "예", "네", "o", "t"}
_FALSE = {"false", "0", "no", "n", "off", "아니오", "아니요", "x", "f", ""}
_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?\s*$")
_COMPACT_DATE_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def add_years(start: date, years: int) -> date:
    """``start`` moved by whole calendar years; 29 February becomes 28 February.

    This is the anniversary used for 업력 and ages. A period that ends in a month without the
    start's day ends on that month's last day (민법 제160조 ③), hence 28 February.
    """
    year = start.year + years
    day = min(start.day, calendar.monthrange(year, start.month)[1])
    return date(year, start.month, day)


@dataclass(frozen=True)
class FirmProfile:
    """One firm (or would-be founder) as the eligibility engine sees it.

    ``pre_founding`` is an 예비창업자 (no business registration yet); otherwise ``founded`` is
    the founding date (개업일 / 법인설립등기일) when known. ``as_of`` is the reference date for
    업력 and age (default today). ``birth_date``, when given, is the 대표자's birth date: it
    settles birth-date bands ("1985.1.1. 이후 출생자") and gives the exact 만 나이 on any day.
    ``region`` is the short 시·도 name ("서울"); ``district``, when
    given, the 기초 local government (시·군·구) inside it, spelled as in
    :data:`loaders.regions.SIGUNGU_BY_SIDO` ("김천시", or "서구" with region "대전"), which
    settles a 기초 program's local-area rule. ``fields`` the canonical technology fields of
    :mod:`loaders.taxonomy`. The flags say the founder *is*
    재창업자, 여성, 대학(원)생, 장애인, a foreign national or 북한이탈주민. Validated by
    :func:`profile_from_dict`; constructing directly skips validation.
    """

    pre_founding: bool = False
    founded: date | None = None
    as_of: date = field(default_factory=date.today)
    ceo_age: int | None = None
    birth_date: date | None = None
    region: str | None = None
    district: str | None = None
    fields: tuple[str, ...] = ()
    restart: bool = False
    women: bool = False
    student: bool = False
    disabled: bool = False
    foreign_founder: bool = False
    defector: bool = False

    def place_text(self) -> str:
        """소재지 as a person writes it: "경북 김천시", "대전 서구", "서울", or "" if not given."""
        if self.district and self.region:
            return f"{self.region} {self.district}"
        return self.region or ""

    def district_text(self) -> str:
        """The 시·군·구 alone where unambiguous ("김천시"), with its 시·도 where not ("대전 서구")."""
        if not self.district or not self.region:
            return self.district or ""
        return sigungu_label(self.region, self.district)

    def anniversary(self, years: int) -> date | None:
        """The date 업력 reaches ``years`` whole years (None without a founding date)."""
        if self.founded is None:
            return None
        return add_years(self.founded, years)

    def years_in_business(self) -> int | None:
        """Whole years since founding on ``as_of`` (anniversaries passed); None if not founded.

        >>> FirmProfile(founded=date(2023, 3, 15), as_of=date(2026, 3, 15)).years_in_business()
        3
        """
        if self.founded is None:
            return None
        years = self.as_of.year - self.founded.year
        if add_years(self.founded, years) > self.as_of:
            years -= 1
        return max(years, 0)

    def business_age(self) -> tuple[int, int] | None:
        """업력 as (years, months) on ``as_of``, for sentences like "업력 2년 3개월"."""
        years = self.years_in_business()
        if years is None or self.founded is None:
            return None
        months = 0
        base = add_years(self.founded, years)
        while months < 11 and _add_months(base, months + 1) <= self.as_of:
            months += 1
        return years, months

    def business_age_text(self) -> str:
        """ "업력 2년 3개월", "예비창업자" or "업력 미상" — the phrase reasons start with."""
        if self.pre_founding:
            return "예비창업자"
        age = self.business_age()
        if age is None:
            return "업력 미상"
        years, months = age
        if years == 0 and months == 0:
            days = (self.as_of - self.founded).days if self.founded else 0
            return f"업력 {days}일"
        if months == 0:
            # "업력 3년 1일", not "업력 3년", next to "'3년 이내' 초과": at a boundary the days
            # decide, so the sentence must show them.
            assert self.founded is not None
            days = (self.as_of - add_years(self.founded, years)).days
            return f"업력 {years}년 {days}일" if days else f"업력 {years}년"
        if years == 0:
            return f"업력 {months}개월"
        return f"업력 {years}년 {months}개월"

    def stage(self) -> str:
        """Growth stage on ``as_of``: 예비, 초기 (≤ 3년), 도약 (≤ 7년), 성장, or 미상."""
        if self.pre_founding:
            return "예비"
        if self.founded is None:
            return "미상"
        if self.as_of <= add_years(self.founded, EARLY_YEARS):
            return "초기"
        if self.as_of <= add_years(self.founded, STARTUP_YEARS):
            return "도약"
        return "성장"

    def age_on(self, day: date) -> int | None:
        """대표자 만 나이 on ``day``: exact with a birth date, else from ``ceo_age`` on ``as_of``.

        Without a birth date the age changes on the anniversaries of ``as_of`` (one year older
        per year after it; the roadmap states this assumption), and an earlier day keeps
        ``ceo_age``.
        """
        if self.birth_date is not None:
            years = day.year - self.birth_date.year
            if add_years(self.birth_date, years) > day:
                years -= 1
            return years
        if self.ceo_age is None:
            return None
        if day <= self.as_of:
            return self.ceo_age
        years = day.year - self.as_of.year
        if add_years(self.as_of, years) > day:
            years -= 1
        return self.ceo_age + years

    def at(self, day: date, *, founded: date | None = None) -> FirmProfile:
        """The same firm seen on ``day`` (age advanced); ``founded`` turns an 예비 into a firm."""
        if founded is not None:
            return replace(
                self, pre_founding=False, founded=founded, as_of=day, ceo_age=self.age_on(day)
            )
        return replace(self, as_of=day, ceo_age=self.age_on(day))


def _add_months(start: date, months: int) -> date:
    month0 = start.month - 1 + months
    year = start.year + month0 // 12
    month = month0 % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _err(name: str, problem: str) -> ProfileError:
    return ProfileError(f"{_LABELS.get(name, name)}: {problem}", field=name)


def _text(value: Any) -> str:
    """``str(value).strip()`` that never raises (Python refuses ints over 4,300 digits)."""
    try:
        return str(value).strip()
    except ValueError:
        return "(자릿수가 너무 많은 수)"


def _shown(value: Any) -> str:
    """A value as quoted in a message: at most 30 characters."""
    text = _text(value)
    return text if len(text) <= 30 else text[:29] + "…"


def parse_date(value: Any, name: str = "founded") -> date | None:
    """A date from ``date``, ``datetime`` or text ("2024-03-15", "2024.3.15", "20240315").

    Empty values give None; anything else raises :class:`ProfileError` naming ``name``.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    match = _DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise _err(name, f"날짜 '{_shown(text)}'를 읽을 수 없습니다 — YYYY-MM-DD 형식으로 입력하세요.")


def _parse_bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _err(name, f"'{_shown(value)}'는 예/아니오 값이 아닙니다 — true 또는 false로 입력하세요.")


def _parse_age(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _err("ceo_age", f"'{_shown(value)}'는 나이가 아닙니다.")
    try:
        number = float(_text(value).removeprefix("만").removesuffix("세").strip())
    except (ValueError, OverflowError):
        raise _err(
            "ceo_age", f"'{_shown(value)}'는 숫자가 아닙니다 — 만 나이를 숫자로 입력하세요."
        ) from None
    if not math.isfinite(number):
        # "inf", "nan", JSON Infinity/NaN, 1e400: one message, never int(inf)'s OverflowError.
        raise _err(
            "ceo_age",
            f"'{_shown(value)}'는 나이가 아닙니다 — {_AGE_MIN}세에서 {_AGE_MAX}세 사이로 입력하세요.",
        )
    if not -1e6 < number < 1e6:
        raise _err(
            "ceo_age", f"{_shown(value)}세 — {_AGE_MIN}세에서 {_AGE_MAX}세 사이로 입력하세요."
        )
    if number != int(number):
        raise _err("ceo_age", f"{_shown(value)}세 — 만 나이는 정수로 입력하세요.")
    age = int(number)
    if age < 0:
        raise _err("ceo_age", f"{age}세 — 나이는 음수일 수 없습니다.")
    if not _AGE_MIN <= age <= _AGE_MAX:
        raise _err("ceo_age", f"{age}세 — {_AGE_MIN}세에서 {_AGE_MAX}세 사이로 입력하세요.")
    return age


def _parse_region(value: Any) -> str | None:
    if value is None or not _text(value):
        return None
    text = _text(value)
    sido = canonical_sido(text)
    if sido == NATIONWIDE:
        raise _err(
            "region", "'전국'은 소재지가 아닙니다 — 본사(주사무소)가 있는 시·도를 입력하세요."
        )
    if sido is None:
        sido = sido_of_institution(text)
    if sido is None:
        raise _err(
            "region",
            f"알 수 없는 지역 '{_shown(text)}' — 시·도 이름(예: 서울, 서울특별시, 경기도)을 입력하세요.",
        )
    return sido


def _parse_district(
    value: Any, region: str | None, region_text: Any
) -> tuple[str | None, str | None]:
    """``(region, district)`` after checking the 시·군·구 against the 시·도.

    An unambiguous 시·군·구 fills a missing region; a region written as a 기초 name
    ("김천시", accepted for ``region`` since before districts existed) fills a missing district.
    """
    text = "" if value is None else _text(value)
    if not text:
        if region is not None and region_text is not None:
            derived = resolve_sigungu(_text(region_text), region)
            if derived is not None and not is_sido_name(_text(region_text)):
                return region, derived[1]
        return region, None
    found = resolve_sigungu(text, region)
    if found is None:
        key = "".join(text.split())
        # "광주시" is 경기 광주시 or, colloquially, 광주광역시: like 중구 or 서구 it needs a 시·도.
        if key in AMBIGUOUS_SIGUNGU or key == "광주시":
            owners = [s for s, names in SIGUNGU_BY_SIDO.items() if key in names]
            where = ", ".join(f"{s} {key}" for s in owners)
            if key == "광주시":
                where += " 또는 광주광역시"
            if region is not None:
                raise _err(
                    "district",
                    f"'{_shown(text)}' — 소재지 {region}에 없는 시·군·구입니다 (있는 곳: {where}).",
                )
            raise _err(
                "district",
                f"'{_shown(text)}'만으로는 어느 시·도인지 알 수 없습니다({where}) — 소재지(region)를 "
                "함께 입력하세요.",
            )
        if region is not None and not SIGUNGU_BY_SIDO.get(region):
            raise _err("district", f"{region}에는 시·군·구가 없습니다 — 비워 두세요.")
        if is_sido_name(text):
            raise _err(
                "district",
                f"'{_shown(text)}'은(는) 시·도 이름입니다. 시·군·구(예: 김천시, 대전 서구)를 입력하거나 "
                "비워 두세요.",
            )
        raise _err(
            "district",
            f"알 수 없는 시·군·구 '{_shown(text)}' — 기초자치단체 이름(예: 김천시, 수원시, 대전 서구)을 "
            "입력하세요.",
        )
    sido, name = found
    if region is not None and sido != region:
        raise _err(
            "district",
            f"{sido} {name} — 소재지 {region}에 속하지 않습니다. 시·도와 시·군·구를 맞춰 "
            "입력하세요.",
        )
    return sido, name


def _parse_fields(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items: Iterable[Any]
    if isinstance(value, str):
        items = [v for v in re.split(r"[,;|/\n]+", value)]
    elif isinstance(value, Iterable):
        items = value
    else:
        raise _err("fields", f"'{_shown(value)}'는 분야 목록이 아닙니다.")
    out: list[str] = []
    for item in items:
        text = _text(item)
        if not text:
            continue
        canon = canonical_field(text)
        if canon is None:
            raise _err("fields", unknown_field_message(_shown(text)))
        if canon not in out:
            out.append(canon)
    return tuple(out)


def profile_from_dict(
    data: Mapping[str, Any], *, strict: bool = False, today: date | None = None
) -> FirmProfile:
    """Validate plain values (a form, URL query or JSON object) into a :class:`FirmProfile`.

    Accepts "서울", "서울시" and "서울특별시" alike (and a 기초 name such as "김천시"), dates as
    "YYYY-MM-DD", ages as numbers or "39세", booleans as true/false, 예/아니오 or 1/0, and
    ``fields`` as a list or a comma-separated string. ``district`` is a 시·군·구 ("김천시",
    "대전광역시 서구", or "서구" with region "대전"); an unambiguous one fills a missing
    region. Raises :class:`~loaders.errors.ProfileError` (message in Korean naming the field,
    ``field`` set) for a negative or absurd age, a founding date in the future or after
    ``as_of``, both ``founded`` and ``pre_founding``, an unknown region or field, and a
    시·군·구 that is unknown, ambiguous without a region, or outside the region. With ``strict`` an unknown
    key is an error too (the CLI uses it to catch typos); otherwise unknown keys are ignored
    so a page can pass its whole query string.

    >>> profile_from_dict({"founded": "2024-03-15", "as_of": "2026-01-01", "region": "서울시"}).region
    '서울'
    """
    if not isinstance(data, Mapping):
        raise ProfileError("프로필은 항목 이름과 값의 객체(JSON object)여야 합니다.", field="")
    unknown = [k for k in data if k not in _LABELS]
    if strict and unknown:
        known = ", ".join(PROFILE_FIELDS)
        raise ProfileError(
            f"알 수 없는 항목 '{_shown(unknown[0])}' — 사용할 수 있는 항목: {known}",
            field=str(unknown[0]),
        )
    today = today or date.today()
    as_of = parse_date(data.get("as_of"), "as_of") or today
    founded = parse_date(data.get("founded"), "founded")
    pre_founding = _parse_bool(data.get("pre_founding"), "pre_founding")
    if founded is not None and pre_founding:
        raise _err(
            "pre_founding",
            f"예비창업자(pre_founding)이면서 설립일({founded.isoformat()})이 있습니다 — 둘 중 하나만 입력하세요.",
        )
    if founded is not None:
        if founded > as_of:
            raise _err(
                "founded",
                f"설립일 {founded.isoformat()}이 기준일 {as_of.isoformat()}보다 뒤입니다.",
            )
        if founded > today:
            raise _err("founded", f"설립일 {founded.isoformat()}은 아직 오지 않은 날짜입니다.")
        if founded.year < 1900:
            raise _err("founded", f"설립일 {founded.isoformat()} — 연도를 확인하세요.")
    birth_date = parse_date(data.get("birth_date"), "birth_date")
    ceo_age = _parse_age(data.get("ceo_age"))
    if birth_date is not None:
        if birth_date > as_of:
            raise _err("birth_date", f"생년월일 {birth_date.isoformat()}이 기준일보다 뒤입니다.")
        age = FirmProfile(birth_date=birth_date).age_on(as_of)
        assert age is not None
        if not _AGE_MIN <= age <= _AGE_MAX:
            raise _err(
                "birth_date", f"{birth_date.isoformat()} — 만 {age}세, 생년월일을 확인하세요."
            )
        if ceo_age is not None and ceo_age != age:
            raise _err(
                "birth_date",
                f"생년월일 {birth_date.isoformat()}이면 {as_of.isoformat()}에 만 {age}세인데 "
                f"대표자 나이(ceo_age)는 {ceo_age}세입니다 — 둘 중 하나를 고치세요.",
            )
        ceo_age = age
    region, district = _parse_district(
        data.get("district"), _parse_region(data.get("region")), data.get("region")
    )
    return FirmProfile(
        pre_founding=pre_founding,
        founded=founded,
        as_of=as_of,
        ceo_age=ceo_age,
        birth_date=birth_date,
        region=region,
        district=district,
        fields=_parse_fields(data.get("fields")),
        **{flag: _parse_bool(data.get(flag), flag) for flag in FLAG_FIELDS},
    )


def profile_to_dict(profile: FirmProfile) -> dict[str, Any]:
    """Plain JSON- and URL-ready values (dates ISO, fields a list); round-trips exactly.

    >>> p = FirmProfile(founded=date(2024, 3, 15), as_of=date(2026, 1, 1), region="서울")
    >>> profile_from_dict(profile_to_dict(p)) == p
    True
    """
    return {
        "pre_founding": profile.pre_founding,
        "founded": profile.founded.isoformat() if profile.founded else None,
        "as_of": profile.as_of.isoformat(),
        "ceo_age": profile.ceo_age,
        "birth_date": profile.birth_date.isoformat() if profile.birth_date else None,
        "region": profile.region,
        "district": profile.district,
        "fields": list(profile.fields),
        **{name: getattr(profile, name) for name in FLAG_FIELDS},
    }
