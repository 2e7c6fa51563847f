"""Scaled synthetic catalogues for benchmarks only — never shown as real programs.

The embedded dataset has 377 real programs; the speed targets are stated for 400, 5,000 and
20,000. :func:`synthetic_catalogue` reaches those sizes by perturbing the real records with a
seeded random generator: names get other places, spacing, endings and a changed syllable;
summaries and 지원대상 texts get reordered clauses and small edits; 지원대상 is parsed again by
the real parser, so eligibility constraints vary as they would in a real notice. Every record is
``synthetic=True``, has an id starting with ``SYN-`` and the citation "SYNTHETIC (benchmark
only)", so nothing can mistake it for a program of the notice.
"""

from __future__ import annotations

import random
from dataclasses import replace
from functools import lru_cache

from loaders.catalogue import load_embedded
from loaders.eligibility_text import derive_stages, parse_target
from loaders.model import Program, Source
from loaders.regions import SIDO, SIGUNGU_BY_SIDO
from loaders.taxonomy import tag_fields

__all__ = ["SYNTHETIC_CITATION", "synthetic_catalogue"]

SYNTHETIC_CITATION = "SYNTHETIC (benchmark only)"
_ENDINGS = ("", " 지원사업", " 운영", " 육성사업", " 지원", " 프로그램", " 사업")
_EXTRA = ("", "", "", " 2기", " (심화)", " 플러스", " 시즌2", " (특화)")
_SYLLABLES = "창업기업성장혁신지역청년도약글로벌스마트디지털미래공간센터"


@lru_cache(maxsize=1)
def _bases() -> tuple[Program, ...]:
    return tuple(load_embedded().programs)


def _edit(text: str, rng: random.Random, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        if not chars:
            break
        k = rng.randrange(len(chars))
        if "가" <= chars[k] <= "힣":
            chars[k] = rng.choice(_SYLLABLES)
    return "".join(chars)


def _shuffle_clauses(text: str, rng: random.Random) -> str:
    parts = [p for p in text.replace(" 및 ", ", ").split(", ") if p]
    if len(parts) > 1 and rng.random() < 0.5:
        rng.shuffle(parts)
    return ", ".join(parts)


def _name(base: Program, rng: random.Random, region: str) -> str:
    core = base.name
    for ending in _ENDINGS[1:]:
        if core.endswith(ending.strip()) and rng.random() < 0.5:
            core = core[: -len(ending.strip())].rstrip()
            break
    if rng.random() < 0.5:
        core = core.replace(" ", "") if rng.random() < 0.5 else core
    if rng.random() < 0.3:
        core = _edit(core, rng, 1)
    prefix = ""
    if base.is_local and region and rng.random() < 0.6:
        places = SIGUNGU_BY_SIDO.get(region) or (region,)
        prefix = rng.choice(places) + " "
    return f"{prefix}{core}{rng.choice(_ENDINGS)}{rng.choice(_EXTRA)}".strip()


def synthetic_catalogue(n: int, seed: int = 0) -> list[Program]:
    """``n`` synthetic programs derived from the embedded records (deterministic per seed).

    Local records may move to another 시·도 (so regions vary as in a full notice); institutions
    stay those of the base record unless it moved. Ids are ``SYN-<seed>-<k>``, unique.
    """
    rng = random.Random(seed)
    bases = _bases()
    out: list[Program] = []
    for k in range(n):
        base = bases[k % len(bases)] if k < len(bases) else rng.choice(bases)
        region = base.region
        institution = base.institution
        ministry = base.ministry
        if base.is_local and rng.random() < 0.3:
            region = rng.choice(SIDO)
            institution = ""
            ministry = region
        name = _name(base, rng, region)
        summary = _edit(_shuffle_clauses(base.summary, rng), rng, rng.randint(0, 3))
        content = (
            _edit(_shuffle_clauses(base.content_text, rng), rng, rng.randint(0, 3))
            if base.content_text != base.summary
            else summary
        )
        target = _shuffle_clauses(base.target_text, rng) if base.target_text else ""
        elig = parse_target(target, name=name, summary=summary)
        out.append(
            replace(
                base,
                program_id=f"SYN-{seed}-{k:06d}",
                name=name,
                institution=institution,
                ministry=ministry,
                region=region,
                summary=summary,
                content_text=content,
                target_text=target,
                budget_eok=(
                    round(base.budget_eok * rng.uniform(0.5, 1.5), 1)
                    if base.budget_eok is not None
                    else None
                ),
                eligibility=elig,
                stages=derive_stages(elig, name=name, summary=summary),
                tech_fields=tag_fields(name, summary, target, content),
                url="",
                kstartup_id="",
                source=Source(file="synthetic", row=k, citation=SYNTHETIC_CITATION),
                synthetic=True,
            )
        )
    return out
