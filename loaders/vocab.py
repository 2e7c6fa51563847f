"""The domain's words and numbers, in one place that loaders, engine, pages and exports all read.

The notice and the law behind it fix a small vocabulary: who a program is for (founder groups),
how far a firm has grown (stages, counted in years since founding), the phases of the support
path, and the three answers a verdict can give. Each word has one key, one Korean wording per
use and, where a number is involved, one value — so a label or a threshold is changed here and
nowhere else. Source-specific vocabularies keep their own modules (:mod:`loaders.regions`,
:mod:`loaders.support_types`, :mod:`loaders.taxonomy`, :mod:`loaders.headers`).

>>> GROUP_BY_KIND["foreign"].profile_field
'foreign_founder'
>>> [stage for stage in GROWTH_STAGES]
['예비', '초기', '도약', '성장']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CALL_STATES",
    "CALL_STATE_LABELS",
    "CEO_AGE_FORM_LABEL",
    "CEO_AGE_LABEL",
    "CEO_AGE_RANGE",
    "EARLY_YEARS",
    "FOUNDER_GROUPS",
    "GROUP_BY_KIND",
    "GROUP_KINDS",
    "GROWTH_STAGES",
    "PHASES",
    "PHASE_OF_TYPE",
    "SEARCH_ALIASES",
    "SEARCH_EXAMPLES",
    "STAGES",
    "STARTUP_YEARS",
    "STATUSES",
    "STATUS_FILTER_KEEPS",
    "STATUS_LABELS",
    "STATUS_MARKS",
    "CallState",
    "FounderGroup",
    "Status",
    "StatusFilter",
]


# ----------------------------------------------------------------------------- founder groups


@dataclass(frozen=True, slots=True)
class FounderGroup:
    """A group some programs are reserved for (재창업자, 여성, 대학(원)생, 장애인, 외국인,
    북한이탈주민).

    ``kind`` names the requirement on :class:`~loaders.model.Eligibility` and the constraint
    kind in verdicts; ``profile_field`` the :class:`~graph.profile.FirmProfile` attribute (and
    profile JSON key) saying the founder is in it. ``short`` is the form's pill and summary word,
    ``person`` who the program is for ("재창업자 대상"), ``topic`` the condition's name in
    near-miss lines, exports and error messages ("재창업 여부(restart)").
    """

    kind: str
    profile_field: str
    short: str
    person: str
    topic: str

    @property
    def field_label(self) -> str:
        """Label of the profile field in error messages: "외국인 창업자 여부(foreign_founder)"."""
        return f"{self.topic} 여부({self.profile_field})"


FOUNDER_GROUPS: tuple[FounderGroup, ...] = (
    FounderGroup("restart", "restart", "재창업", "재창업자", "재창업"),
    FounderGroup("women", "women", "여성", "여성 창업자", "여성 창업자"),
    FounderGroup("student", "student", "대학(원)생", "대학(원)생", "대학(원)생"),
    FounderGroup("disabled", "disabled", "장애인", "장애인 창업자", "장애인 창업자"),
    FounderGroup("foreign", "foreign_founder", "외국인", "외국인 창업자", "외국인 창업자"),
    # 통일부's programs run by 남북하나재단 (170034, 170035, 170062: 3 of the 377 embedded
    # programs) and 2026 calls that admit them among other groups (176405).
    FounderGroup("defector", "defector", "북한이탈주민", "북한이탈주민", "북한이탈주민"),
)
GROUP_BY_KIND: dict[str, FounderGroup] = {g.kind: g for g in FOUNDER_GROUPS}
GROUP_KINDS: tuple[str, ...] = tuple(g.kind for g in FOUNDER_GROUPS)


# ----------------------------------------------------------------------------- growth stages

# 중소기업창업 지원법 제2조: a 창업기업 is within 7 years of founding; the notice calls the first
# three years 초기 and years 3–7 도약. "N년 이내" includes the Nth anniversary (see graph.profile).
EARLY_YEARS = 3
STARTUP_YEARS = 7

# Stages as the notice lists them (finder filter, program records). 재창업 is a group rather than
# a point in time, so the order a firm passes through is GROWTH_STAGES.
STAGES: tuple[str, ...] = ("예비", "초기", "도약", "재창업", "성장")
# 예비 (no business registration yet) → 초기 (≤ EARLY_YEARS) → 도약 (≤ STARTUP_YEARS) → 성장.
GROWTH_STAGES: tuple[str, ...] = ("예비", "초기", "도약", "성장")


# ----------------------------------------------------------------------------- support phases

# The continuous support path R&D → 사업화 → 보육·멘토링 → 판로·투자·융자 → 글로벌, and the phase of
# each of the notice's eight support types (graph.phases explains the choice and the name cues).
PHASES: tuple[str, ...] = (
    "기술개발(R&D)",
    "사업화",
    "보육·멘토링",
    "판로·투자·융자",
    "글로벌",
)
PHASE_OF_TYPE: dict[str, str] = {
    "기술개발(R&D)": "기술개발(R&D)",
    "사업화": "사업화",
    "시설·공간·보육": "보육·멘토링",
    "멘토링·컨설팅·교육": "보육·멘토링",
    "인력": "보육·멘토링",
    "행사·네트워크": "판로·투자·융자",
    "융자·보증": "판로·투자·융자",
    "글로벌 진출": "글로벌",
}


# ----------------------------------------------------------------------------- verdicts

Status = Literal["eligible", "maybe", "ineligible"]
STATUSES: tuple[Status, ...] = ("eligible", "maybe", "ineligible")
# The one Korean wording of each status, shared by the map, the exports and the pages.
STATUS_LABELS: dict[str, str] = {
    "eligible": "신청 가능",
    "maybe": "확인 필요",
    "ineligible": "해당 없음",
}
# ○ / △ / × — the marks Korean forms use for yes / partly / no (and every font has them).
STATUS_MARKS: dict[str, str] = {"eligible": "○", "maybe": "△", "ineligible": "×"}
# The verdict filter of the finder and the calls view: "eligible" keeps ○ only, "maybe" ○ and △
# (× hidden), "all" everything.
StatusFilter = Literal["eligible", "maybe", "all"]
STATUS_FILTER_KEEPS: dict[str, tuple[Status, ...]] = {
    "eligible": ("eligible",),
    "maybe": ("eligible", "maybe"),
    "all": STATUSES,
}


# ----------------------------------------------------------------------------- call states

# Where a call (모집 공고) stands on a day, in the order the calls view lists them, and the one
# Korean wording of each (the finder's 공고 column starts with "모집 중" for an open call).
CallState = Literal["open", "upcoming", "closed", "unknown"]
CALL_STATES: tuple[CallState, ...] = ("open", "upcoming", "closed", "unknown")
CALL_STATE_LABELS: dict[str, str] = {
    "open": "모집 중",
    "upcoming": "접수 예정",
    "closed": "마감",
    "unknown": "일정 미상",
}


# ----------------------------------------------------------------------------- profile values

# 대표자 나이 is the international age (만 나이) the notice states. Ages outside the range are
# typing mistakes rather than founders (청소년 비즈쿨 starts at 14); the form and the profile
# parser accept the same range.
CEO_AGE_RANGE: tuple[int, int] = (10, 110)
CEO_AGE_LABEL = "대표자 나이"
CEO_AGE_FORM_LABEL = "대표자 만 나이"


# ----------------------------------------------------------------------------- search words

# Names founders type for programs, searched as one (graph/search.py): a query equal to any
# word of a group also finds the others. Abbreviations in everyday use on K-Startup, in
# 창업 communities and in the press (예창패 = 예비창업패키지); 청년창업사관학교 is run as
# 창업성공패키지 since 2025 (the embedded 2026 notice lists "창업성공패키지(청년창업사관학교)");
# 초격차 스타트업 프로젝트 is the deep-tech program known as DIPS; 재도전성공패키지 is the
# 재창업 program. Latin words match whole words only ("AI" is not found inside "KAIST").
SEARCH_ALIASES: tuple[tuple[str, ...], ...] = (
    ("예창패", "예비창업패키지"),
    ("초창패", "초기창업패키지"),
    ("창도패", "창업도약패키지"),
    ("청창사", "청년창업사관학교", "창업성공패키지"),
    ("창중대", "창업중심대학"),
    ("재창업", "재도전"),
    ("팁스", "TIPS"),
    ("딥테크", "초격차", "DIPS"),
    ("오아시스", "OASIS"),
    ("인공지능", "AI"),
    ("R&D", "기술개발", "연구개발"),
    ("창경센터", "창조경제혁신센터"),
    ("AC", "액셀러레이터", "액셀러레이팅"),
    ("BI", "창업보육센터"),
)
# The search box's examples (its placeholder); each finds programs in the embedded data
# (tests/test_search.py checks it).
SEARCH_EXAMPLES: tuple[str, ...] = ("예비창업패키지", "예창패", "팁스", "청년 창업", "바우처")
