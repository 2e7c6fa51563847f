"""The five phases of the continuous support path and how programs map onto them.

The policy report behind the project asks for support to be *connected* across a firm's growth:
R&D → commercialisation (사업화) → space, incubation and mentoring → market access, investment
and finance → overseas expansion. The notice classifies programs by its eight support types, so
each type is mapped onto one phase here (data, not an if-chain), with a small, documented set of
name cues for programs whose type hides their phase.

Mapping of the eight types (:data:`loaders.vocab.PHASE_OF_TYPE`, with the phase names
:data:`loaders.vocab.PHASES`):

==================  ==================  ====================================================
support type        phase               why
==================  ==================  ====================================================
기술개발(R&D)        기술개발(R&D)        developing the technology comes first
사업화               사업화               prototypes, first sales: turning the technology into a product
시설·공간·보육        보육·멘토링           space and incubation the firm grows in
멘토링·컨설팅·교육     보육·멘토링           mentors, consultants, education
인력                 보육·멘토링           people are a growth resource like space and mentors
행사·네트워크         판로·투자·융자         demo days, IR and matching events open markets and investors
융자·보증             판로·투자·융자         loans and guarantees finance growth
글로벌 진출           글로벌               overseas expansion is the last phase
==================  ==================  ====================================================

Name cues (:data:`PHASE_CUES`): the loaders fold the API's "판로ㆍ해외진출" label into 글로벌 진출,
so a 글로벌 진출 program whose name speaks of domestic 판로 (sales channels) and not of 해외/글로벌
belongs to 판로·투자·융자; so do 사업화 and 멘토링 programs that are really about attracting
investment or sales channels ("투자유치", "크라우드펀딩", "판로지원"). Only the name is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.model import Program
from loaders.support_types import SUPPORT_TYPES
from loaders.textnorm import norm_key
from loaders.vocab import PHASE_OF_TYPE

__all__ = [
    "LOAN_TYPES",
    "PHASE_CUES",
    "PhaseCue",
    "phase_of",
]

assert set(PHASE_OF_TYPE) == set(SUPPORT_TYPES)  # every type has exactly one phase

# Support types a roadmap leaves out when the user asks for no loans.
LOAN_TYPES: frozenset[str] = frozenset({"융자·보증"})


@dataclass(frozen=True, slots=True)
class PhaseCue:
    """Move a program of one of ``types`` to ``phase`` when its name has one of ``words`` and
    none of ``unless`` (compared on :func:`norm_key` text)."""

    types: tuple[str, ...]
    phase: str
    words: tuple[str, ...]
    unless: tuple[str, ...] = ()


PHASE_CUES: tuple[PhaseCue, ...] = (
    PhaseCue(
        types=("글로벌 진출",),
        phase="판로·투자·융자",
        words=("판로", "국내", "유통", "마케팅", "투자유치", "크라우드펀딩", "입점"),
        unless=("해외", "글로벌", "수출", "국제", "global", "k스타트업"),
    ),
    PhaseCue(
        types=("사업화", "멘토링·컨설팅·교육"),
        phase="판로·투자·융자",
        words=("판로", "투자유치", "투자연계", "크라우드펀딩", "유통채널", "기술평가"),
        unless=("해외", "글로벌", "수출"),
    ),
)
_CUE_KEYS: tuple[tuple[frozenset[str], str, tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (
        frozenset(cue.types),
        cue.phase,
        tuple(norm_key(w) for w in cue.words),
        tuple(norm_key(w) for w in cue.unless),
    )
    for cue in PHASE_CUES
)


def phase_of(program: Program) -> str | None:
    """The phase of a program: its support type's phase, refined by :data:`PHASE_CUES`.

    None when the support type is not one of the eight (the loader kept an unknown label), so
    such a program is left out of roadmaps rather than guessed into one.
    """
    stype = program.support_type
    base = PHASE_OF_TYPE.get(stype)
    if base is None:
        return None
    key = ""
    for types, phase, words, unless in _CUE_KEYS:
        if stype not in types:
            continue
        if not key:
            key = norm_key(program.name) + "|" + norm_key(program.raw_support_type)
        if any(w in key for w in words) and not any(u in key for u in unless):
            return phase
    return base
