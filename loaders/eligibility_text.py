"""지원대상 text to structured eligibility constraints, with the phrase behind each one.

The notice states who may apply in free Korean ("창업 3년 초과 7년 이내 기업", "만 39세 이하
(예비)창업자", "김천시 거주 청년"). The engine needs numbers and flags, and founders need to see
*why*: every constraint set here carries an :class:`~loaders.model.Evidence` with the exact
phrase, and whatever is not understood stays in ``unparsed`` so the engine answers "maybe —
지원대상 원문 확인 필요" instead of a silent yes.

Several tracks in one text ("예비창업자(예비관광벤처), 창업 3년 이내(초기), 3년 초과 7년
이내(성장)") are combined as a union: the firm can apply if *some* track fits, so the 업력 and age
bounds are the loosest of the tracks. Exceptions for 신산업 fields ("신산업 분야는 10년") are
left in ``unparsed`` and the general bound is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from loaders.model import Basis, Eligibility, Evidence
from loaders.regions import SIDO_LONG, SIGUNGU, sido_of_place
from loaders.textnorm import clean_cell
from loaders.vocab import EARLY_YEARS, GROUP_KINDS, STAGES, STARTUP_YEARS

__all__ = ["derive_stages", "parse_target"]

# --------------------------------------------------------------------------- patterns (data)

_NUM = r"(\d{1,2})"
_YEARS_RANGE = re.compile(
    rf"{_NUM}\s*년\s*(초과|이상)?\s*(?:[~∼\-–]|부터)\s*{_NUM}\s*년\s*(이내|이하|미만)?"
    rf"|{_NUM}\s*[~∼\-–]\s*{_NUM}\s*년\s*(이내|이하|미만)?"
    rf"|{_NUM}\s*년\s*(초과|이상)\s*(?:,\s*)?{_NUM}\s*년\s*(이내|이하|미만)"
)
# "초기~3년", "창업 초기~7년": a band open at the bottom (from founding up to N years).
_YEARS_FROM_START = re.compile(rf"(?:초기|창업)\s*[~∼\-–]\s*{_NUM}\s*년\s*(이내|이하|미만)?")
_YEARS_MAX = re.compile(
    rf"{_NUM}\s*년\s*(이내|이하|미만)|창업\s*후\s*{_NUM}\s*년이?\s*지나지\s*(?:아니한|않은)"
)
_YEARS_MIN = re.compile(rf"{_NUM}\s*년\s*(초과|이상)")
# "양구군에 1년 이상 주소를 두고": a residence period, not 업력.
_RESIDENCE_AFTER = re.compile(r"^\s*(?:이상\s*)?(?:주소|거주|전입|정착)")
_NEW_INDUSTRY = re.compile(
    r"[\(\[（*※]?\s*신산업\s*(?:분야)?\s*(?:의\s*경우|는|은)?\s*(?:창업\s*)?\d{1,2}\s*년\s*(?:이내|미만|이하)?\s*(?:창업기업)?[\)\]）]?"
)

_AGE_RANGE = re.compile(
    r"(?:만\s*)?(\d{2})\s*세?\s*(?:이상)?\s*[~∼\-–]\s*(?:만\s*)?(\d{2})\s*세\s*(이하|미만)?"
    r"|(?:만\s*)?(\d{2})\s*세\s*이상\s*(?:만\s*)?(\d{2})\s*세\s*(이하|미만)"
)
_AGE_MAX = re.compile(r"(?:만\s*)?(\d{2})\s*세\s*(이하|미만)")
_AGE_MIN = re.compile(r"(?:만\s*)?(\d{2})\s*세\s*이상")
_AGE_ANY = re.compile(r"연령\s*(?:무관|제한\s*없음|불문)")
_YOUTH = re.compile(r"청년")
_MIDDLE_AGED = re.compile(r"중장년|신중년|시니어")

_PRE = re.compile(
    r"\(\s*예비\s*\)|예비\s*(?:재창업|청년)?\s*창업\s*(?:자|가|팀|기업)?|예비\s*(?:또는|및|·|ㆍ|\u119e|,)|예비[ㆍ·\u119e]?\s*초기"
    r"|창업\s*(?:을|를)?\s*희망|창업\s*준비|창업\s*(?:\([^)]*\))?\s*희망자|예비\s*(?=창업|청년|재창업)"
)
_FOUNDED = re.compile(
    r"기업|사업자|창업자|창업가|스타트업|창업팀|소상공인|기창업|재창업자|법인|1인\s*창조기업|입주"
)
_RESTART = re.compile(r"재창업|재도전|폐업\s*(?:이력|경험)")
_WOMEN = re.compile(r"여성")
_STUDENT = re.compile(r"대학\s*\(?원\)?\s*생|대학생|대학원생|재학생|학생")
_DISABLED = re.compile(r"장애인")
_FOREIGN = re.compile(r"외국인")
# A flag word offered as an alternative ("(예비)창업자 및 학생 등") is not a requirement.
_ALTERNATIVE_BEFORE = re.compile(r"(?:및|또는|,|ㆍ|·|\u119e)\s*(?:예비\s*)?$")

_LOCATION_WORD = re.compile(
    r"^\s*(?:[가-힣]{1,4}(?:시|군|구)\s+)?(?:에\s*)?(?:\d+\s*년\s*이상\s*)?(?:시\s*)?(?:소재|거주|주소|관내|도내|내\s|내에|내$|지역|시민|도민|군민|구민|정착|전입|에\s*본사|에\s*주소|에\s*소재|에\s*거주)"
)
_LOCAL_AREA = re.compile(r"관내|도내|시내\s*소재|지역\s*내")

# Every place a target may name: 시·도 spellings, 기초 names and unambiguous stems. Longest
# first, so "대전광역시" wins over "대전" and "창원시" over "창원".
_PLACES = sorted(
    {*(n for longs in SIDO_LONG.values() for n in longs), *SIDO_LONG, *SIGUNGU},
    key=len,
    reverse=True,
)
_PLACE = re.compile("|".join(re.escape(p) for p in _PLACES if " " not in p))
_PLACE_STEM = re.compile(
    r"([가-힣]{2,3})(?=\s*(?:소재|거주|에\s*주소|에\s*소재|관내|지역|시민|군민))"
)

# Words that describe the applicant generically: what is left after removing them (and the
# recognised phrases) is the part of the text the parser did not understand.
_GENERIC = re.compile(
    r"예비|창업자|창업가|창업기업|창업팀|창업|기업|스타트업|중소|벤처|기창업자|기창업|초기|도약|성장|누구나|및|또는|등|"
    r"이내|이하|미만|이상|초과|대표자|대표|사업자등록|사업자|공고일|기준|현재|신청일|소재|관내|도내|주소|거주|"
    r"청년|여성|대학생|학생|장애인|외국인|재창업|재도전|만|세|년|인|자|의|로|으로|인\s|가|이|를|을|에|한|"
    r"기술창업|기술|우대|지역|해당|분야|관련|희망|가능|대상|지원|신청|참여|준비|단계|하는|개사|기타|보유|[\d\s\(\)\[\]{}~∼\-–·ㆍ,./:;*※%·'\"‘’“”「」｢｣<>]"
)

_CUE_PRE_EARLY = re.compile(r"예비\s*[·ㆍ\u119e]?\s*초기")
_CUE_PRE = re.compile(r"예비\s*창업|예비\s*재창업")
_CUE_EARLY = re.compile(r"초기\s*창업")
_CUE_LEAP = re.compile(r"창업\s*도약|도약\s*패키지")
_CUE_STUDENT = re.compile(r"대학생|학생\s*창업|청소년")


# --------------------------------------------------------------------------- accumulation


@dataclass(slots=True)
class _Bounds:
    """Intervals found in one text; combined as a union of tracks."""

    lows: list[tuple[int | None, bool]] = field(default_factory=list)
    highs: list[tuple[int | None, bool]] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)

    def add(
        self, low: int | None, low_inc: bool, high: int | None, high_inc: bool, phrase: str
    ) -> None:
        self.lows.append((low, low_inc))
        self.highs.append((high, high_inc))
        self.phrases.append(phrase.strip())

    def union(self) -> tuple[int | None, bool, int | None, bool]:
        """Loosest bounds over all tracks (a missing bound on any track means unbounded)."""
        low: int | None = None
        low_inc = True
        if self.lows and all(v is not None for v, _ in self.lows):
            low = min(v for v, _ in self.lows if v is not None)
            low_inc = any(inc for v, inc in self.lows if v == low)
        high: int | None = None
        high_inc = True
        if self.highs and all(v is not None for v, _ in self.highs):
            high = max(v for v, _ in self.highs if v is not None)
            high_inc = any(inc for v, inc in self.highs if v == high)
        return low, low_inc, high, high_inc


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _years(text: str) -> tuple[_Bounds, str]:
    """업력 bounds; returns the text with the used phrases blanked out."""
    bounds = _Bounds()
    for m in _YEARS_FROM_START.finditer(text):
        value = int(m.group(1))
        if value <= 20:
            bounds.add(None, True, value, m.group(2) != "미만", m.group(0))
            text = _blank(text, m.span())
    for m in _YEARS_RANGE.finditer(text):
        g = m.groups()
        if g[0] is not None:
            low, low_kw, high, high_kw = int(g[0]), g[1], int(g[2]), g[3]
        elif g[4] is not None:
            low, low_kw, high, high_kw = int(g[4]), None, int(g[5]), g[6]
        else:
            low, low_kw, high, high_kw = int(g[7]), g[8], int(g[9]), g[10]
        if low > high or high > 20:
            continue
        bounds.add(low, low_kw != "초과", high, high_kw != "미만", m.group(0))
        text = _blank(text, m.span())
    for m in _YEARS_MAX.finditer(text):
        value = int(m.group(1) or m.group(3))
        if value > 20 or _RESIDENCE_AFTER.match(text[m.end() :]):
            continue
        bounds.add(None, True, value, m.group(2) != "미만", m.group(0))
        text = _blank(text, m.span())
    for m in _YEARS_MIN.finditer(text):
        value = int(m.group(1))
        if value > 20 or _RESIDENCE_AFTER.match(text[m.end() :]):
            continue
        bounds.add(value, m.group(2) != "초과", None, True, m.group(0))
        text = _blank(text, m.span())
    return bounds, text


def _ages(text: str) -> tuple[_Bounds, str]:
    bounds = _Bounds()
    for m in _AGE_RANGE.finditer(text):
        g = m.groups()
        low, high, kw = (g[0], g[1], g[2]) if g[0] is not None else (g[3], g[4], g[5])
        hi = int(high) - (1 if kw == "미만" else 0)
        if int(low) > hi:
            continue
        bounds.add(int(low), True, hi, True, m.group(0))
        text = _blank(text, m.span())
    for m in _AGE_MAX.finditer(text):
        bounds.add(
            None, True, int(m.group(1)) - (1 if m.group(2) == "미만" else 0), True, m.group(0)
        )
        text = _blank(text, m.span())
    for m in _AGE_MIN.finditer(text):
        bounds.add(int(m.group(1)), True, None, True, m.group(0))
        text = _blank(text, m.span())
    return bounds, text


def _regions(text: str) -> tuple[list[str], list[str], bool, list[str]]:
    """시·도 named next to a location word, their phrases, whether 관내/도내 is said, and the
    place words used (so they do not count as unparsed text)."""
    found: list[str] = []
    phrases: list[str] = []
    places: list[str] = []
    for m in _PLACE.finditer(text):
        if not _LOCATION_WORD.match(text[m.end() : m.end() + 12]):
            continue
        sido = sido_of_place(m.group(0))
        if sido:
            places.append(m.group(0))
            if sido not in found:
                found.append(sido)
                phrases.append(text[m.start() : m.end() + 4].strip())
    for m in _PLACE_STEM.finditer(text):
        sido = sido_of_place(m.group(1))
        if sido:
            places.append(m.group(1))
            if sido not in found:
                found.append(sido)
                phrases.append(text[m.start() : m.end() + 4].strip())
    return found, phrases, bool(_LOCAL_AREA.search(text)), places


def _flag(pattern: re.Pattern[str], text: str) -> str | None:
    """The phrase requiring the flag, or None if absent or only offered as an alternative."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()]
        if _ALTERNATIVE_BEFORE.search(before) and _FOUNDED.search(text[: m.start()]):
            continue
        return text[max(0, m.start() - 6) : m.end() + 4].strip()
    return None


def _unparsed(text: str) -> str:
    """What is left of the target after the recognised and generic words, or ""."""
    rest = _GENERIC.sub(" ", text)
    words = [w for w in rest.split() if len(w) >= 2]
    return " ".join(words) if sum(len(w) for w in words) >= 3 else ""


# --------------------------------------------------------------------------- public API


@dataclass(slots=True)
class _Found:
    """Constraints found in one text: :class:`Eligibility` field values and their evidence."""

    fields: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


def _parse(text: str, basis: Basis, *, with_unparsed: bool) -> _Found:
    """Constraints found in one text: Eligibility field values and the evidence for each."""
    found = _Found()
    out, evidence = found.fields, found.evidence
    work = _NEW_INDUSTRY.sub(" ", text)

    years, work = _years(work)
    if years.phrases:
        low, low_inc, high, high_inc = years.union()
        out.update(
            years_min=low, years_min_inclusive=low_inc, years_max=high, years_max_inclusive=high_inc
        )
        evidence.append(Evidence("years", basis, " / ".join(years.phrases)))

    ages, work = _ages(work)
    youth = _YOUTH.search(text)
    if age_any := _AGE_ANY.search(text):
        evidence.append(Evidence("age", basis, age_any.group(0)))
    elif ages.phrases:
        low, _, high, _ = ages.union()
        out.update(age_min=low, age_max=high)
        evidence.append(Evidence("age", basis, " / ".join(ages.phrases)))
    elif youth:
        out.update(age_max=39)
        evidence.append(Evidence("age", basis, "청년 (통상 만 39세 이하로 해석)"))
    elif middle := _MIDDLE_AGED.search(text):
        out.update(age_min=40)
        evidence.append(Evidence("age", basis, f"{middle.group(0)} (만 40세 이상으로 해석)"))
    if youth:
        out["youth"] = True
        evidence.append(Evidence("youth", basis, "청년"))

    pre = _PRE.search(work)
    without_pre = _PRE.sub(" ", work)
    founded = _FOUNDED.search(without_pre)
    if pre and (founded or years.phrases):
        out["founder"] = "pre_or_founded"
        evidence.append(Evidence("founder", basis, pre.group(0).strip()))
    elif pre:
        out["founder"] = "pre_only"
        evidence.append(Evidence("founder", basis, pre.group(0).strip()))
    elif (founded or years.phrases) and basis == "target":
        out["founder"] = "founded_only"
        phrase = years.phrases[0] if years.phrases else founded.group(0) if founded else ""
        evidence.append(Evidence("founder", basis, phrase))

    if basis == "target":
        regions, phrases, local, places = _regions(work)
        # Read the 관내/도내 phrase before the place words go: "경기도내" loses "경기도" below.
        area = _LOCAL_AREA.search(work) if local else None
        for place in places:
            work = work.replace(place, " ")
        if regions:
            out["regions"] = tuple(regions)
            evidence.append(Evidence("regions", basis, " / ".join(phrases)))
        if area is not None:
            evidence.append(Evidence("local_area", basis, area.group(0)))

    for name, pattern in (
        ("restart", _RESTART),
        ("women", _WOMEN),
        ("student", _STUDENT if basis == "target" else _CUE_STUDENT),
        ("disabled", _DISABLED),
        ("foreign", _FOREIGN),
    ):
        flag_phrase = _flag(pattern, text)
        if flag_phrase:
            out[name] = True
            evidence.append(Evidence(name, basis, flag_phrase))

    if with_unparsed:
        out["unparsed"] = _unparsed(work)
    return found


def _cues(name: str, summary: str) -> _Found:
    """Constraints hinted by the program name and summary (basis "cue")."""
    text = f"{name} {summary}".strip()
    found = _parse(summary, "cue", with_unparsed=False) if summary else _Found()
    out, evidence = found.fields, found.evidence
    # The name is the strongest cue for the flagship packages (예비·초기·도약).
    if cue := _CUE_PRE_EARLY.search(name):
        out.update(
            founder="pre_or_founded",
            years_min=None,
            years_max=EARLY_YEARS,
            years_max_inclusive=True,
        )
        evidence.append(Evidence("founder", "cue", cue.group(0)))
        evidence.append(Evidence("years", "cue", cue.group(0)))
    elif cue := _CUE_PRE.search(name):
        out.update(founder="pre_only")
        evidence.append(Evidence("founder", "cue", cue.group(0)))
    elif cue := _CUE_EARLY.search(name):
        out.update(
            founder="founded_only", years_min=None, years_max=EARLY_YEARS, years_max_inclusive=True
        )
        evidence.append(Evidence("years", "cue", cue.group(0)))
    elif cue := _CUE_LEAP.search(name):
        out.update(
            founder="founded_only",
            years_min=EARLY_YEARS,
            years_min_inclusive=False,
            years_max=STARTUP_YEARS,
            years_max_inclusive=True,
        )
        evidence.append(Evidence("years", "cue", cue.group(0)))
    name_only = _parse(name, "cue", with_unparsed=False)
    for item in name_only.evidence:
        if item.field in {"youth", "age", *GROUP_KINDS} and not any(
            e.field == item.field for e in evidence
        ):
            evidence.append(item)
            if item.field == "youth" or item.field in GROUP_KINDS:
                out[item.field] = True
            if item.field == "age":
                out["age_min"] = name_only.fields.get("age_min")
                out["age_max"] = name_only.fields.get("age_max")
    del text
    return found


_GROUPS: dict[str, tuple[str, ...]] = {
    "years": ("years_min", "years_min_inclusive", "years_max", "years_max_inclusive"),
    "age": ("age_min", "age_max"),
    "founder": ("founder",),
    "youth": ("youth",),
    **{kind: (kind,) for kind in GROUP_KINDS},
}


def parse_target(target_text: str, *, name: str = "", summary: str = "") -> Eligibility:
    """Parse a 지원대상 text, then fill what it does not say from name/summary cues.

    Target evidence always wins over a cue for the same constraint; cue evidence has
    ``basis="cue"`` so reasons can say the constraint is only inferred.
    """
    target = clean_cell(target_text)
    fields: dict[str, Any] = {}
    evidence: list[Evidence] = []
    if target:
        parsed = _parse(target, "target", with_unparsed=True)
        evidence.extend(parsed.evidence)
        fields.update(parsed.fields)
    cues = _cues(clean_cell(name), clean_cell(summary))
    have = {e.field for e in evidence}
    for item in cues.evidence:
        if item.field in have or item.field not in _GROUPS:
            continue
        have.add(item.field)
        evidence.append(item)
        for key in _GROUPS[item.field]:
            if key in cues.fields:
                fields[key] = cues.fields[key]
    # ``replace`` takes the field values by name (checked by the dataclass at run time).
    return replace(Eligibility(evidence=tuple(evidence)), **fields)


def derive_stages(elig: Eligibility, *, name: str = "", summary: str = "") -> tuple[str, ...]:
    """Growth stages (:data:`loaders.vocab.STAGES` order) a program serves, from its constraints.

    예비 if pre-founders may apply; 초기/도약/성장 where the 업력 interval overlaps (0,3], (3,7]
    and beyond 7 years; 재창업 for restart programs. Empty when nothing is known.
    """
    del name, summary  # cues are already folded into ``elig`` by parse_target
    stages: set[str] = set()
    if elig.founder in {"pre_only", "pre_or_founded"}:
        stages.add("예비")
    has_years = elig.years_min is not None or elig.years_max is not None
    if elig.founder in {"pre_or_founded", "founded_only"} or has_years:
        low = elig.years_min if elig.years_min is not None else 0
        high = elig.years_max if elig.years_max is not None else 99
        low_open = elig.years_min is not None and not elig.years_min_inclusive
        if elig.founder != "pre_only" or has_years:
            if low < EARLY_YEARS or (low == EARLY_YEARS and not low_open) or low == 0:
                stages.add("초기")
            if low < STARTUP_YEARS and high > EARLY_YEARS:
                stages.add("도약")
            if high > STARTUP_YEARS or (elig.years_max is None):
                stages.add("성장")
    if elig.restart:
        stages.add("재창업")
    return tuple(s for s in STAGES if s in stages)
