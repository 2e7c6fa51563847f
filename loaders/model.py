"""The one canonical program record used by loaders, engine, CLI and app.

Every source (notice spreadsheet, K-Startup API, embedded dataset) is mapped onto
:class:`Program`; nothing downstream reads source-specific columns. Records are frozen so that
cached catalogues can be shared between Streamlit sessions safely.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from loaders.textnorm import norm_key

__all__ = [
    "CONTENT_FIELDS",
    "LEVELS",
    "LOCAL_LEVELS",
    "Basis",
    "BudgetPart",
    "Eligibility",
    "Evidence",
    "FactSource",
    "Program",
    "Source",
    "make_program_id",
    "same_content",
]

# 중앙부처 / 광역 (시·도) / 기초 (시·군·구). "지자체" marks a local program whose tier the source
# does not state: it still counts as local in every total, and nothing guesses the tier.
LEVELS: tuple[str, ...] = ("중앙부처", "광역", "기초", "지자체")
LOCAL_LEVELS: frozenset[str] = frozenset({"광역", "기초", "지자체"})

Basis = Literal["target", "cue", "rule"]


class BudgetPart(NamedTuple):
    """One funding source's share of a budget as the text states it ("도비", 2.0 억원)."""

    source: str
    eok: float


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: file/sheet/row for spreadsheets, URL or API page otherwise.

    ``citation`` keeps the provenance column of the input (e.g. the public pages a fact was read
    from) verbatim, so the UI can show it next to the program.
    """

    file: str = ""
    sheet: str = ""
    row: int | None = None
    url: str = ""
    citation: str = ""
    fetched_at: str = ""

    def describe(self) -> str:
        """Human-readable location, e.g. ``notice_2026.csv · row 12``."""
        parts = [p for p in (self.file, self.sheet) if p]
        if self.row is not None:
            parts.append(f"{self.row}행")
        if self.url and not parts:
            parts.append(self.url)
        return " · ".join(parts) or "출처 미상"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a constraint was set: which field, from which basis, on which phrase.

    ``basis`` is ``"target"`` for the 지원대상 text, ``"cue"`` for a hint in the name or summary
    (weaker: reasons must say it is only a cue) and ``"rule"`` for notice-wide conventions such
    as "a local program is for firms in its area".
    """

    field: str
    basis: Basis
    phrase: str


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Structured constraints parsed from 지원대상 text (plus name/summary cues).

    업력 bounds are in whole years since founding, counted by date: ``years_max=3`` with
    ``years_max_inclusive=True`` is "창업 3년 이내"; "3년 초과" is ``years_min=3`` with
    ``years_min_inclusive=False``. ``founder`` says who may apply: ``"pre_only"`` (예비창업자
    only), ``"pre_or_founded"`` ((예비)창업자), ``"founded_only"`` (an existing business), or
    None when not stated. Flags are requirements (True = the applicant must be 재창업자 …).

    The notice's own rules beyond bands: ``founded_from``/``founded_until`` (inclusive) are
    founding dates a text states ("2019.3.1. 이후 창업") and decide over the relative band;
    ``born_from``/``born_until`` a birth-date band ("1985.1.1. 이후 출생자"), deciding over the
    age it spells out; ``reference_date`` the day a text says 업력 and 나이 are counted on
    ("2026년 2월 11일 기준"), or ``count_on_deadline`` when it says the call's closing day
    ("공고마감일 기준 법인 설립일로부터 3년 이상"); ``gender_ages`` age bands per gender (("men", 19, 39), ("women",
    19, 60)); ``any_of_groups`` groups of which one suffices ("청년·여성" = ("youth", "women"));
    ``fields`` technology fields the text requires; ``years_widen``/``age_widen`` a wider bound
    that holds for some firms only ("신산업 분야는 10년", 군필 연장), so a firm inside it is only
    a maybe; ``region_or_student`` quotes a second way into the area for students ("경기도에 거주하거나 도내
    소재 대학(원)에 재학 중인", 171037); ``years_or_venture`` that the 업력 bound is a 창업기업's and a 벤처기업 of any age is
    admitted too ("창업·벤처기업"), so an older firm is a maybe (the profile has no 벤처 flag); ``years_max_read``
    that the upper bound is only the parser's reading of the word 창업기업 beside a stated lower band ("업력 3년
    이상 … 창업기업", 171215: the law's 7 years), so a firm past it is a maybe, never admitted silently; ``region_strict`` says the named place is a plain requirement ("합천군에 주소를 둔")
    rather than softened ("거주예정"), ``region_premises`` that it is about the firm's premises
    (본사·사업장) rather than residence, ``region_relocate`` that it admits out-of-area applicants who move or found
    there after selection ("관외 기업은 선정 후 3개월 내 본사 이전") — into one of the 시·군·구 of
    ``relocate_to`` when the text lists them ("(포항시, 구미시, …)") —, ``region_open`` that the
    text opens the area (전국,
    relocation after selection); ``korean_only`` "대한민국 국적"; ``early_word`` a bare "초기"
    with no 업력 stated; ``depopulation`` a place rule naming the 행정안전부's 인구감소지역
    ("decline") or those and the 인구감소관심지역 ("decline_or_interest"), within the 시·도 of
    ``depopulation_sidos`` when the text names one ("충남 인구감소지역"), ``depopulation_soft``
    when it is where a business is to be founded ("… 내 창업 예정인") rather than where one
    is; ``open_conditions`` conditions the profile cannot decide, quoted;
    ``excluded`` groups the 신청 제외 대상 names ((flag, phrase, has an exception), e.g.
    ("student", "재학생…", True) when "졸업예정자는 참여 가능").
    ``unparsed`` quotes the clauses that were not understood, so the engine can say "지원대상
    원문 확인 필요" instead of a silent yes. ``alternatives`` are the tracks of a text with
    several ("예비: … / 초기: …"), each an Eligibility of its own: a firm fits the program if it
    fits one track; the top-level fields then hold their union.
    """

    years_min: int | None = None
    years_min_inclusive: bool = True
    years_max: int | None = None
    years_max_inclusive: bool = True
    founder: Literal["pre_only", "pre_or_founded", "founded_only"] | None = None
    age_min: int | None = None
    age_max: int | None = None
    regions: tuple[str, ...] = ()
    restart: bool = False
    women: bool = False
    student: bool = False
    disabled: bool = False
    youth: bool = False
    foreign: bool = False
    defector: bool = False
    unparsed: str = ""
    evidence: tuple[Evidence, ...] = ()
    founded_from: date | None = None
    founded_until: date | None = None
    born_from: date | None = None
    born_until: date | None = None
    reference_date: date | None = None
    gender_ages: tuple[tuple[str, int | None, int | None], ...] = ()
    any_of_groups: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    years_widen: int | None = None
    age_widen: int | None = None
    years_or_venture: bool = False
    years_max_read: bool = False
    region_or_student: str = ""
    region_strict: bool = False
    region_premises: bool = False
    region_open: bool = False
    region_relocate: bool = False
    relocate_to: tuple[str, ...] = ()
    korean_only: bool = False
    early_word: bool = False
    count_on_deadline: bool = False
    depopulation: str = ""
    depopulation_sidos: tuple[str, ...] = ()
    depopulation_soft: bool = False
    open_conditions: tuple[str, ...] = ()
    excluded: tuple[tuple[str, str, bool], ...] = ()
    alternatives: tuple[Eligibility, ...] = ()
    track: str = ""

    def is_empty(self) -> bool:
        """True when nothing at all was recognised (no constraint, no evidence)."""
        return not self.evidence

    def evidence_for(self, name: str) -> Evidence | None:
        """The evidence that set constraint ``name`` (first one), if any."""
        for item in self.evidence:
            if item.field == name:
                return item
        return None


@dataclass(frozen=True, slots=True)
class FactSource:
    """Where one field of a record was read: the page and the program year it speaks of.

    ``field`` is the :class:`Program` attribute ("target_text", "agency", "call_ids" …);
    ``year`` is the program year the page states (None when the page is undated). A record's
    ``facts`` list these for values filled from sourced enrichment, so the UI can say which page
    (and which year's call) a 지원대상 was read from.
    """

    field: str
    url: str
    year: int | None = None


# Fields two records with one program_id must share to count as the same row given twice (then
# skipped) rather than two conflicting versions of a program (then rejected for a person to decide).
CONTENT_FIELDS: tuple[str, ...] = (
    "support_type",
    "budget_eok",
    "target_text",
    "content_text",
    "summary",
    "url",
    "exclusion_text",
)


def same_content(a: Program, b: Program, *, fields: tuple[str, ...] = CONTENT_FIELDS) -> bool:
    """True when ``a`` and ``b`` agree on every field in ``fields``."""
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def make_program_id(year: int | None, institution: str, name: str, *, fallback: str = "") -> str:
    """Stable id from year, institution and normalised name.

    Spacing, punctuation and year prefixes do not change the id, so the same program keeps its
    id across reloads. Sources often leave the institution blank (many local programs in the
    K-Startup listings name none), and two local governments may run programs with the same
    generic name ("창업보육센터 운영지원"); ``fallback`` — the region, else the source's own
    stable id — then stands in for the institution so the two stay distinct.
    """
    scope = norm_key(institution) or f"~{norm_key(fallback, drop_year=False)}"
    key = f"{year or ''}|{scope}|{norm_key(name)}"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"{year or 'na'}-{digest}"


@dataclass(frozen=True, slots=True)
class Program:
    """One program of the integrated notice, whatever its source.

    ``ministry`` is the 소관 부처 for central programs and the 시·도 for local ones;
    ``institution`` is the ministry or local government that runs it. ``region`` is a short 시·도
    name, "전국", or "" when the source does not say. ``support_type`` is one of the eight
    canonical types, or the original label when it could not be mapped (``raw_support_type``
    always keeps the original). ``target_year`` is the program year the 지원대상 text states
    (an older year's rule shows as "2025 기준", see :attr:`target_basis`), ``exclusion_text`` the
    신청 제외 대상, ``call_ids`` the K-Startup 공고 numbers (pbanc_sn) of the program's known
    calls and ``facts`` the page behind each sourced value.
    """

    program_id: str
    year: int | None
    level: str
    ministry: str
    institution: str
    region: str
    name: str
    support_type: str
    budget_eok: float | None = None
    # Amounts by funding source when the budget text states them ("도비 2억, 시비 1억"); a
    # budget given only as parts is their sum (see loaders.budget).
    budget_parts: tuple[BudgetPart, ...] = ()
    target_text: str = ""
    content_text: str = ""
    summary: str = ""
    agency: str = ""
    contact: str = ""
    url: str = ""
    apply_period: str = ""
    raw_support_type: str = ""
    stages: tuple[str, ...] = ()
    eligibility: Eligibility = field(default_factory=Eligibility)
    tech_fields: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    kstartup_id: str = ""
    synthetic: bool = False
    exclusion_text: str = ""
    target_year: int | None = None
    call_ids: tuple[str, ...] = ()
    facts: tuple[FactSource, ...] = ()

    @property
    def target_basis(self) -> str:
        """ "2025 기준" when the 지원대상 rule is an older year's than the program's, else ""."""
        if self.target_year and self.year and self.target_year < self.year:
            return f"{self.target_year} 기준"
        return ""

    def source_of(self, field: str) -> FactSource | None:
        """The first recorded source of attribute ``field`` ("target_text" …), if any."""
        for fact in self.facts:
            if fact.field == field:
                return fact
        return None

    @property
    def is_local(self) -> bool:
        """True for 광역/기초/지자체 programs."""
        return self.level in LOCAL_LEVELS

    @property
    def description(self) -> str:
        """Best available description: 지원내용, else 사업개요."""
        return self.content_text or self.summary

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (tuples become lists)."""
        return asdict(self)
