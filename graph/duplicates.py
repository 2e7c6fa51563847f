"""Duplicate and overlapping programs across institutions, with an explainable score.

Ministry analysts ask which programs of *different* institutions do the same thing for the same
firms. A pair's score is a weighted mean of five components, each 0–100, kept in the pair's
``breakdown`` so an analyst sees why:

* ``name`` — rapidfuzz ``ratio`` of the names, after :func:`~loaders.textnorm.norm_key` (spacing,
  punctuation, brackets, year prefixes removed), leading place names ("김해시", "경기") and generic
  endings ("운영", "지원사업") stripped, decomposed into jamo;
* ``content`` — the same on the first :data:`LEAD_LEN` jamo of 지원내용 (else 사업개요);
* ``target`` — the same on the first :data:`LEAD_LEN` jamo of 지원대상;
* ``type`` — 100 when both have the same support type, else 0;
* ``stage`` — overlap (Jaccard × 100) of the growth stages.

A component that one of the two programs lacks (no 지원대상 text, no stage) is listed in
``Pair.missing``, shows 0 in the breakdown and its weight is shared among the others: absence of
text is not evidence of difference.

**Why jamo.** rapidfuzz's bit-parallel fast path needs characters below U+0100; Hangul syllables
fall back to a hash map and are ~10× slower. NFD jamo (67 letters, mapped to one byte each) keep
``cdist`` on the fast path, and a one-letter slip costs one jamo rather than a whole syllable.

**Speed.** ``process.cdist`` (``workers=-1``, ``dtype=uint8``, ``score_cutoff``) runs on row
blocks of the upper triangle for name and content; a pair is a candidate when either reaches its
cutoff. The cutoffs are derived from the threshold (:func:`candidate_cutoffs`) so that no pair
scoring at or above the threshold is ever missed. Candidates are then scored exactly with
``process.cpdist`` (element-wise) — no Python double loop anywhere.

**Different institutions.** Only pairs run by different institutions are reported. Sources often
leave the institution blank (most K-Startup listings), so two programs count as different when:
both name an institution and they differ; or one is central and the other local; or their 시·도
differ; or a place in the name ("고양 …", "창원시 …") differs; or their detail-page hosts differ
(portal hosts such as k-startup.go.kr say nothing). Otherwise they may be one institution's
programs and are not reported (``DuplicateResult.undetermined`` counts such candidate pairs).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal
from urllib.parse import urlparse

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from loaders.model import Program
from loaders.regions import NATIONWIDE, SIDO_LONG, SIGUNGU, canonical_sido, sido_of_place
from loaders.textnorm import norm_key

__all__ = [
    "COMPONENTS",
    "DEFAULT_THRESHOLD",
    "LEAD_LEN",
    "WEIGHTS",
    "DuplicateResult",
    "Pair",
    "candidate_cutoffs",
    "different_institutions",
    "find_duplicates",
    "jamo_key",
    "name_key",
    "overlap_table",
    "score_pair",
]

COMPONENTS: tuple[str, ...] = ("name", "content", "target", "type", "stage")
# Name and content carry the decision; target, type and stage confirm it.
WEIGHTS: dict[str, float] = {
    "name": 0.45,
    "content": 0.30,
    "target": 0.10,
    "type": 0.10,
    "stage": 0.05,
}
# Default threshold, measured on tests/labelled_pairs.csv (42 hand-labelled pairs of the embedded
# 2026 data, 27 overlaps): at 70 all 18 pairs scoring at or above it are true overlaps (precision
# 1.00, recall 0.67); at 65 two false pairs enter (21/23). See README "Duplicate detection".
DEFAULT_THRESHOLD: float = 70.0
# Jamo kept of names and of content/target text. rapidfuzz's cdist runs several short queries per
# SIMD register, grouped by length (≤8, ≤16, ≤32, ≤64 letters); 32 letters (~13 syllables, the
# opening phrase) doubles the throughput of 64 and, on the labelled pairs, scored as well
# (README "Duplicate detection"). 90% of name keys in the 2026 data fit in 32 jamo.
LEAD_LEN = 32
NAME_LEN = 32
_BLOCK_CELLS = 8_000_000  # cells per cdist block (8 MB of uint8)

# Endings that every program name may carry; stripping them lets "창업보육센터 운영 지원" meet
# "창업보육센터 지원사업". Applied repeatedly, longest first, never down to an empty key.
_GENERIC_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            norm_key(w)
            for w in (
                "지원사업", "운영사업", "육성사업", "사업", "운영지원", "지원", "운영", "육성",
                "활성화", "프로그램", "모집",
            )
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
_PLACE_WORDS: frozenset[str] = frozenset(
    [*SIDO_LONG, *(w for longs in SIDO_LONG.values() for w in longs), *SIGUNGU]
)
_BRACKET_WORDS = re.compile(r"[(\[]([^()\[\]]{2,12})[)\]]")
_PORTAL_HOSTS = ("k-startup.go.kr", "bizinfo.go.kr", "data.go.kr", "mss.go.kr", "kised.or.kr")

# Hangul jamo (conjoining, after NFKD) -> one byte each (U+0080..), digits and a-z unchanged.
_JAMO_RANGES = ((0x1100, 0x1112), (0x1161, 0x1175), (0x11A8, 0x11C2))
_JAMO_TABLE: dict[int, str] = {}
_code = 0x80
for _lo, _hi in _JAMO_RANGES:
    for _cp in range(_lo, _hi + 1):
        _JAMO_TABLE[_cp] = chr(_code)
        _code += 1
del _code
_NON_BYTE = re.compile(r"[^\x00-\xff]+")


def jamo_key(text: str, limit: int | None = None) -> str:
    """Hangul decomposed into jamo, one byte-range character each (fast rapidfuzz path).

    Input should already be a :func:`norm_key`; other characters are kept if ASCII, else dropped.
    """
    out = _NON_BYTE.sub("", unicodedata.normalize("NFKD", text).translate(_JAMO_TABLE))
    return out[:limit] if limit else out


def _is_place(word: str) -> bool:
    return word in _PLACE_WORDS or (len(word) >= 2 and sido_of_place(word) is not None)


def _place_key(word: str) -> str:
    return norm_key(word).removesuffix("시").removesuffix("군").removesuffix("구")


def _strip_places(name: str) -> tuple[str, str]:
    """Drop leading place words ("김해시 …", "경기도 …", "고양 …"); return (rest, place).

    A place named in brackets ("청년농업인 영농정착지원금 (서귀포시)") also counts as the
    program's place; the brackets themselves are dropped from the key later.
    """
    words = name.split()
    place = ""
    while len(words) > 1:
        word = words[0].strip("()[]")
        if norm_key(word) and not _is_place(word):
            break
        if norm_key(word):  # a year prefix ("2026년") normalises to nothing
            place = place or _place_key(word)
        words = words[1:]
    if not place:
        for inner in _BRACKET_WORDS.findall(name):
            if _is_place(inner.strip()):
                place = _place_key(inner.strip())
                break
    return " ".join(words), place


def name_key(name: str) -> str:
    """The comparable core of a program name (see module docstring), as norm_key text."""
    rest, _ = _strip_places(name)
    key = norm_key(rest, drop_brackets=True) or norm_key(name)
    changed = True
    while changed:
        changed = False
        for ending in _GENERIC_ENDINGS:
            if key.endswith(ending) and len(key) > len(ending) + 1:
                key = key[: -len(ending)]
                changed = True
                break
    return key


def _place_of(program: Program) -> str:
    return _strip_places(program.name)[1]


def _host(url: str) -> str:
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower().removeprefix("www.")
    if not host or any(host == p or host.endswith("." + p) for p in _PORTAL_HOSTS):
        return ""
    return host


def _region(program: Program) -> str:
    if not program.is_local:
        return NATIONWIDE
    return canonical_sido(program.region) or ""


def different_institutions(a: Program, b: Program) -> bool | None:
    """True if the two programs are run by different institutions, False if by the same one,
    None when the data cannot tell (see module docstring for the evidence used)."""
    ia, ib = norm_key(a.institution), norm_key(b.institution)
    if ia and ib:
        return ia != ib
    if a.is_local != b.is_local:
        return True
    ra, rb = _region(a), _region(b)
    if ra and rb and ra != rb:
        return True
    pa, pb = _place_of(a), _place_of(b)
    if pa and pb and pa != pb:
        return True
    ha, hb = _host(a.url), _host(b.url)
    if ha and hb and ha != hb:
        return True
    return None


@dataclass(frozen=True)
class Pair:
    """Two overlapping programs of different institutions.

    ``score`` (0–100) is the weighted mean of ``breakdown`` (keys name/content/target/type/stage,
    each 0–100) over the components both programs have; ``missing`` lists the others.
    ``certain`` is False only for pairs whose institutions may be the same (returned on request
    with ``include_undetermined``).
    """

    a_id: str
    b_id: str
    score: float
    breakdown: dict[str, float]
    missing: tuple[str, ...] = ()
    certain: bool = True

    def to_dict(self, programs: Mapping[str, Program] | None = None) -> dict[str, Any]:
        """The CLI's pair object: ``a``/``b`` as {program_id, name, institution}."""
        by_id = programs or {}

        def side(pid: str) -> dict[str, str]:
            p = by_id.get(pid)
            return {
                "program_id": pid,
                "name": p.name if p else "",
                "institution": (p.institution if p else "") or "",
            }

        return {
            "a": side(self.a_id),
            "b": side(self.b_id),
            "score": round(self.score, 1),
            "breakdown": {k: round(v, 1) for k, v in self.breakdown.items()},
            "missing": list(self.missing),
            "different_institutions": "yes" if self.certain else "unknown",
        }


@dataclass(frozen=True)
class DuplicateResult:
    """Pairs above the threshold (best first) and their clusters (connected components).

    ``candidates`` is how many pairs reached the name/content cutoffs, ``undetermined`` how many
    of those were left out because the data cannot tell whether the institutions differ.
    """

    pairs: list[Pair]
    clusters: list[list[str]]
    threshold: float = DEFAULT_THRESHOLD
    candidates: int = 0
    undetermined: int = 0
    same_institution: int = 0
    programs: int = 0
    notes: list[str] = field(default_factory=list)

    def cluster_of(self) -> dict[str, int]:
        """Program id -> cluster number (1-based, largest cluster first)."""
        return {pid: n for n, members in enumerate(self.clusters, start=1) for pid in members}

    def to_dict(self, programs: Iterable[Program] | Mapping[str, Program]) -> dict[str, Any]:
        """``{"pairs": [{"a", "b", "score", "breakdown"}], "clusters": [[id, ...]], ...}``."""
        by_id = programs if isinstance(programs, Mapping) else {p.program_id: p for p in programs}
        return {
            "pairs": [p.to_dict(by_id) for p in self.pairs],
            "clusters": [list(c) for c in self.clusters],
            "threshold": self.threshold,
            "weights": dict(WEIGHTS),
            "programs": self.programs,
            "candidates": self.candidates,
            "undetermined_institution_pairs": self.undetermined,
            "notes": list(self.notes),
        }


def candidate_cutoffs(
    threshold: float, weights: Mapping[str, float] = WEIGHTS
) -> tuple[float, float]:
    """Cutoffs that guarantee no pair scoring ≥ ``threshold`` is missed: ``(c, c_alone)``.

    A pair where both programs have content is a candidate when name ≥ c or content ≥ c; a pair
    where one lacks content, when name ≥ c_alone. Outside the candidates every present component
    other than name/content is at most 100 and weights are renormalised over the present ones,
    so each subset of present optional components (target, type, stage) gives one bound; the
    cutoffs are the largest values safe for every subset.
    """
    optional = [k for k in ("target", "type", "stage") if k in weights]
    wn, wc = weights["name"], weights["content"]
    c = c_alone = 100.0
    for r in range(len(optional) + 1):
        for subset in combinations(optional, r):
            rest = sum(weights[k] for k in subset)
            # with content: (wn*c + wc*c + 100*rest) / (wn + wc + rest) <= T
            c = min(c, (threshold * (wn + wc + rest) - 100 * rest) / (wn + wc))
            # without content: (wn*c_alone + 100*rest) / (wn + rest) <= T
            c_alone = min(c_alone, (threshold * (wn + rest) - 100 * rest) / wn)
    return max(0.0, float(np.floor(c * 100) / 100)), max(0.0, float(np.floor(c_alone * 100) / 100))


@dataclass
class _Prepared:
    ids: list[str]
    names: np.ndarray  # object arrays of jamo keys, indexable by pair index arrays
    leads: np.ndarray
    targets: np.ndarray
    has_lead: np.ndarray
    has_target: np.ndarray
    types: np.ndarray
    stages: np.ndarray
    owner: np.ndarray
    local: np.ndarray
    region: np.ndarray
    place: np.ndarray
    host: np.ndarray


def _codes(values: Sequence[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) if v else -1 for v in values], dtype=np.int32)


_STAGE_BITS = {"예비": 1, "초기": 2, "도약": 4, "재창업": 8, "성장": 16}


def _prepare(programs: Sequence[Program]) -> _Prepared:
    leads = [jamo_key(norm_key(p.description), LEAD_LEN) for p in programs]
    targets = [jamo_key(norm_key(p.target_text), LEAD_LEN) for p in programs]
    return _Prepared(
        ids=[p.program_id for p in programs],
        names=np.array([jamo_key(name_key(p.name), NAME_LEN) for p in programs], dtype=object),
        leads=np.array(leads, dtype=object),
        targets=np.array(targets, dtype=object),
        has_lead=np.array([bool(x) for x in leads], dtype=bool),
        has_target=np.array([bool(x) for x in targets], dtype=bool),
        types=_codes([p.support_type for p in programs]),
        stages=np.array(
            [sum(_STAGE_BITS.get(s, 0) for s in set(p.stages)) for p in programs], dtype=np.int32
        ),
        owner=_codes([norm_key(p.institution) for p in programs]),
        local=np.array([p.is_local for p in programs], dtype=bool),
        region=_codes([_region(p) for p in programs]),
        place=_codes([_place_of(p) for p in programs]),
        host=_codes([_host(p.url) for p in programs]),
    )


def _different(prep: _Prepared, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Vectorised :func:`different_institutions`: 1 different, 0 same, -1 undetermined."""
    oi, oj = prep.owner[i], prep.owner[j]
    both_owner = (oi >= 0) & (oj >= 0)
    out = np.full(len(i), -1, dtype=np.int8)
    out[both_owner] = (oi[both_owner] != oj[both_owner]).astype(np.int8)
    rest = ~both_owner
    evidence = prep.local[i] != prep.local[j]
    for codes in (prep.region, prep.place, prep.host):
        ci, cj = codes[i], codes[j]
        evidence |= (ci >= 0) & (cj >= 0) & (ci != cj)
    out[rest & evidence] = 1
    return out


def _popcount(x: np.ndarray) -> np.ndarray:
    x = x.astype(np.int64)
    count = np.zeros_like(x)
    while np.any(x):
        count += x & 1
        x >>= 1
    return count


def _score(
    prep: _Prepared, i: np.ndarray, j: np.ndarray, weights: Mapping[str, float]
) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Exact component scores and totals for the pairs (i[k], j[k])."""
    comp: dict[str, np.ndarray] = {}
    avail: dict[str, np.ndarray] = {}
    comp["name"] = process.cpdist(
        prep.names[i], prep.names[j], scorer=fuzz.ratio, workers=-1
    ).astype(np.float64)
    avail["name"] = np.ones(len(i), dtype=bool)
    for key, texts, has in (
        ("content", prep.leads, prep.has_lead),
        ("target", prep.targets, prep.has_target),
    ):
        avail[key] = has[i] & has[j]
        comp[key] = np.zeros(len(i))
        sel = np.nonzero(avail[key])[0]
        if len(sel):
            comp[key][sel] = process.cpdist(
                texts[i[sel]], texts[j[sel]], scorer=fuzz.ratio, workers=-1
            )
    ty_i, ty_j = prep.types[i], prep.types[j]
    comp["type"] = np.where(ty_i == ty_j, 100.0, 0.0)
    avail["type"] = (ty_i >= 0) & (ty_j >= 0)
    st_i, st_j = prep.stages[i], prep.stages[j]
    inter = _popcount(st_i & st_j)
    union = _popcount(st_i | st_j)
    comp["stage"] = np.where(union > 0, 100.0 * inter / np.maximum(union, 1), 0.0)
    avail["stage"] = (st_i > 0) & (st_j > 0)
    num = np.zeros(len(i))
    den = np.zeros(len(i))
    for key in COMPONENTS:
        w = weights.get(key, 0.0)
        comp[key] = np.where(avail[key], comp[key], 0.0)
        num += w * comp[key] * avail[key]
        den += w * avail[key]
    total = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    return total, comp, avail


def score_pair(a: Program, b: Program, weights: Mapping[str, float] = WEIGHTS) -> Pair:
    """Score one pair exactly as :func:`find_duplicates` does (used by tests and the naive
    baseline in ``benchmarks/``); the institution check is not applied here."""
    prep = _prepare([a, b])
    total, comp, avail = _score(prep, np.array([0]), np.array([1]), weights)
    return Pair(
        a.program_id,
        b.program_id,
        float(total[0]),
        {k: float(comp[k][0]) for k in COMPONENTS},
        tuple(k for k in COMPONENTS if not avail[k][0]),
    )


def find_duplicates(
    programs: Sequence[Program],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    weights: Mapping[str, float] = WEIGHTS,
    block_rows: int | None = None,
    include_undetermined: bool = False,
) -> DuplicateResult:
    """Overlapping programs of different institutions, scored and clustered.

    Pairs scoring at least ``threshold`` (0–100, default :data:`DEFAULT_THRESHOLD`) are returned
    best first, each with its breakdown; ``clusters`` are the connected components of those
    pairs (largest first). See the module docstring for the scoring, the candidate cutoffs that
    keep the scan exact, and the different-institution rule. With ``include_undetermined``,
    pairs whose institutions may be the same are returned too, marked ``certain=False``, and
    take part in clusters.
    """
    progs = [p for p in programs if norm_key(p.name)]
    n = len(progs)
    if n < 2:
        return DuplicateResult([], [], threshold, programs=n)
    prep = _prepare(progs)
    cut, cut_alone = candidate_cutoffs(threshold, weights)
    rows = block_rows or max(16, min(n, _BLOCK_CELLS // max(n, 1)))
    cand_i: list[np.ndarray] = []
    cand_j: list[np.ndarray] = []
    has_lead = prep.has_lead

    def cdist(
        texts: np.ndarray, rows_: slice | np.ndarray, cols: slice, cutoff: float
    ) -> np.ndarray:
        scores = process.cdist(
            list(texts[rows_]),
            list(texts[cols]),
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=-1,
        )
        return scores > 0 if cutoff > 0 else np.ones(scores.shape, dtype=bool)

    for start in range(0, n, rows):
        stop = min(n, start + rows)
        # Upper triangle only: rows [start, stop) against columns [start, n).
        block = slice(start, stop)
        mask = cdist(prep.names, block, slice(start, n), cut)
        mask |= (
            cdist(prep.leads, block, slice(start, n), cut)
            & has_lead[block, None]
            & has_lead[None, start:]
        )
        bi, bj = np.nonzero(mask)
        del mask
        keep = bj > bi
        cand_i.append(bi[keep] + start)
        cand_j.append(bj[keep] + start)
    # Programs without content text compete on the name alone, with a lower cutoff.
    alone = np.nonzero(~has_lead)[0]
    for start in range(0, len(alone), rows):
        sub = alone[start : start + rows]
        ai, aj = np.nonzero(cdist(prep.names, sub, slice(0, n), cut_alone))
        a_rows = sub[ai]
        lo, hi = np.minimum(a_rows, aj), np.maximum(a_rows, aj)
        keep = lo < hi
        cand_i.append(lo[keep])
        cand_j.append(hi[keep])
    i = np.concatenate(cand_i) if cand_i else np.empty(0, dtype=np.int64)
    j = np.concatenate(cand_j) if cand_j else np.empty(0, dtype=np.int64)
    if len(alone):
        pairs_ij = np.unique(np.stack([i, j], axis=1), axis=0)
        i, j = pairs_ij[:, 0], pairs_ij[:, 1]
    candidates = len(i)
    diff = _different(prep, i, j)
    undetermined = int((diff < 0).sum())
    same = int((diff == 0).sum())
    keep = (diff == 1) | ((diff < 0) if include_undetermined else False)
    i, j, diff = i[keep], j[keep], diff[keep]
    pairs: list[Pair] = []
    if len(i):
        total, comp, avail = _score(prep, i, j, weights)
        hit = np.nonzero(total >= threshold - 1e-9)[0]
        order = hit[np.argsort(-total[hit], kind="stable")]
        rounded = list(
            zip(*(np.round(comp[c][order], 1).tolist() for c in COMPONENTS), strict=True)
        )
        totals = np.round(total[order], 2).tolist()
        missing_code = np.asarray(
            sum((~avail[c][order]).astype(np.int64) << bit for bit, c in enumerate(COMPONENTS))
        )
        missing_of = [
            tuple(c for bit, c in enumerate(COMPONENTS) if code >> bit & 1)
            for code in range(1 << len(COMPONENTS))
        ]
        codes, certain = missing_code.tolist(), (diff[order] == 1).tolist()
        ids = prep.ids
        for k, (ia, jb) in enumerate(zip(i[order].tolist(), j[order].tolist(), strict=True)):
            a, b = ids[ia], ids[jb]
            if b < a:
                a, b = b, a
            pairs.append(
                Pair(
                    a,
                    b,
                    totals[k],
                    dict(zip(COMPONENTS, rounded[k], strict=True)),
                    missing_of[codes[k]],
                    certain[k],
                )
            )
        members = _components(n, i[order], j[order])
    else:
        members = []
    clusters = sorted(
        (sorted(prep.ids[m] for m in group) for group in members), key=lambda c: (-len(c), c[0])
    )
    notes = []
    if undetermined and not include_undetermined:
        notes.append(
            f"기관이 같은지 알 수 없는 후보 {undetermined}쌍은 제외했습니다 "
            "(운영기관·지역 정보가 없는 사업)."
        )
    return DuplicateResult(pairs, clusters, threshold, candidates, undetermined, same, n, notes)


def _components(n: int, i: np.ndarray, j: np.ndarray) -> list[list[int]]:
    """Connected components (of two or more nodes) of the graph with edges (i[k], j[k]).

    Min-label propagation with pointer jumping, vectorised: each round every edge pulls both
    ends to the smaller label, then labels follow their own labels to the root. Same answer as
    ``networkx.connected_components`` without building 10⁵ Python edge tuples.
    """
    if len(i) == 0:
        return []
    label = np.arange(n)
    while True:
        low = np.minimum(label[i], label[j])
        before = label.copy()
        np.minimum.at(label, i, low)
        np.minimum.at(label, j, low)
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(before, label):
            break
    nodes = np.unique(np.concatenate([i, j]))
    groups: dict[int, list[int]] = {}
    for node, root in zip(nodes.tolist(), label[nodes].tolist(), strict=True):
        groups.setdefault(root, []).append(node)
    return list(groups.values())


def _label(program: Program, by: str) -> str:
    if by == "ministry":
        return program.ministry or program.institution or "미상"
    return program.region or "미상"


def overlap_table(
    result: DuplicateResult,
    programs: Iterable[Program] | Mapping[str, Program],
    by: Literal["ministry", "region"] = "ministry",
) -> pd.DataFrame:
    """Square count table of duplicate pairs between ministries (or 시·도).

    Cell (A, B) counts pairs with one program under A and the other under B; the table is
    symmetric and the diagonal counts pairs inside one label (e.g. two institutions of one 시·도).
    ``ministry`` is the 소관 부처 for central programs and the 시·도 for local ones (the notice's
    own grouping), so central–local overlaps show as e.g. 중소벤처기업부 × 경기.
    """
    if by not in ("ministry", "region"):
        raise ValueError("by must be 'ministry' or 'region'")
    by_id = programs if isinstance(programs, Mapping) else {p.program_id: p for p in programs}
    counts: dict[tuple[str, str], int] = {}
    labels: set[str] = set()
    for pair in result.pairs:
        a, b = by_id.get(pair.a_id), by_id.get(pair.b_id)
        if a is None or b is None:
            continue
        la, lb = _label(a, by), _label(b, by)
        labels.update((la, lb))
        counts[(la, lb)] = counts.get((la, lb), 0) + 1
        if la != lb:
            counts[(lb, la)] = counts.get((lb, la), 0) + 1
    order = sorted(labels, key=lambda x: (x == "미상", x))
    frame = pd.DataFrame(0, index=order, columns=order, dtype="int64")
    for (la, lb), c in counts.items():
        frame.loc[la, lb] = c
    frame.index.name = "부처·지자체" if by == "ministry" else "시·도"
    frame.columns.name = frame.index.name
    return frame
