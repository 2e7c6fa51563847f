"""Evaluate the duplicate desk against the hand-labelled, sourced pairs (README figures).

``tests/labelled_pairs.csv`` holds 106 pairs of the embedded 2026 data, each labelled with one of
the five relations or ``none``, with its origin (``published``: a 감사원/국정감사/예정처 finding in
``tests/published_findings.csv``; ``relabelled``: the earlier 42 pairs; ``added``), the reason and
a second, independent look (``tests/labelled_pairs.md`` describes how it was built). A pair is
*predicted* with a relation when :func:`graph.duplicates.find_duplicates` at the threshold
reports it with that relation and a known reach — exactly what ``navigator duplicates`` prints
with ``--relation all``; otherwise its prediction is ``none``.

Run ``python -m tests.dup_eval [THRESHOLD]`` to print the tables the README shows.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graph.duplicates import (
    DEFAULT_RELATIONS,
    DEFAULT_THRESHOLD,
    RELATIONS,
    find_duplicates,
)
from loaders.catalogue import load_embedded
from loaders.model import Program

HERE = Path(__file__).resolve().parent
LABELLED = HERE / "labelled_pairs.csv"
FINDINGS = HERE / "published_findings.csv"
LABELS: tuple[str, ...] = (*RELATIONS, "none")


@dataclass(frozen=True)
class Labelled:
    """One labelled pair and what the desk predicts for it."""

    a: Program
    b: Program
    label: str
    origin: str
    finding: str
    predicted: str


@dataclass(frozen=True)
class Evaluation:
    """Predictions for every labelled pair at one threshold, and the figures derived from them."""

    threshold: float
    pairs: list[Labelled]

    def confusion(self) -> Counter[tuple[str, str]]:
        """(label, predicted) -> count."""
        return Counter((p.label, p.predicted) for p in self.pairs)

    def per_relation(self, relation: str) -> tuple[int, int, int]:
        """(true positives, predicted as ``relation``, labelled ``relation``)."""
        tp = sum(p.label == relation == p.predicted for p in self.pairs)
        predicted = sum(p.predicted == relation for p in self.pairs)
        labelled = sum(p.label == relation for p in self.pairs)
        return tp, predicted, labelled

    def duplicates(self) -> tuple[int, int, int]:
        """Like :meth:`per_relation` for "a duplicate" (overlap, local_copy or sector_variant),
        whatever the relation."""
        dup = set(DEFAULT_RELATIONS)
        tp = sum(p.label in dup and p.predicted in dup for p in self.pairs)
        predicted = sum(p.predicted in dup for p in self.pairs)
        labelled = sum(p.label in dup for p in self.pairs)
        return tp, predicted, labelled

    def published(self) -> tuple[int, int, int]:
        """Published overlaps (origin ``published``, labelled a duplicate): (found as a
        duplicate, found with the labelled relation, how many)."""
        dup = set(DEFAULT_RELATIONS)
        rows = [p for p in self.pairs if p.origin == "published" and p.label in dup]
        return (
            sum(p.predicted in dup for p in rows),
            sum(p.predicted == p.label for p in rows),
            len(rows),
        )

    def table(self) -> str:
        """Markdown: precision and recall per relation, duplicates as a whole, published."""

        def ratio(num: int, den: int) -> str:
            return f"{num / den:.2f} ({num}/{den})" if den else "— (0/0)"

        lines = [
            "| relation | labelled | predicted | precision | recall |",
            "|---|---:|---:|---:|---:|",
        ]
        for relation in RELATIONS:
            tp, predicted, labelled = self.per_relation(relation)
            lines.append(
                f"| `{relation}` | {labelled} | {predicted} | {ratio(tp, predicted)} | "
                f"{ratio(tp, labelled)} |"
            )
        tp, predicted, labelled = self.duplicates()
        lines.append(
            f"| any duplicate (overlap ∪ local_copy ∪ sector_variant) | {labelled} | {predicted} "
            f"| {ratio(tp, predicted)} | {ratio(tp, labelled)} |"
        )
        found, exact, total = self.published()
        lines.append(
            f"| published findings (duplicates) | {total} | {found} | — | {ratio(found, total)}"
            f" (same relation {exact}/{total}) |"
        )
        return "\n".join(lines)


def load_labels(path: Path = LABELLED) -> list[dict[str, str]]:
    """The labelled rows (UTF-8 CSV with provenance columns)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def evaluate(threshold: float = DEFAULT_THRESHOLD) -> Evaluation:
    """Predict every labelled pair with the desk's defaults at ``threshold``."""
    programs = load_embedded().programs
    by_kid = {p.kstartup_id: p for p in programs}
    result = find_duplicates(programs, threshold, relations=RELATIONS)
    predicted = {frozenset((p.a_id, p.b_id)): p.relation for p in result.pairs}
    out = []
    for row in load_labels():
        a, b = by_kid[row["kstartup_id_a"]], by_kid[row["kstartup_id_b"]]
        out.append(
            Labelled(
                a,
                b,
                row["relation"],
                row["origin"],
                row["finding_id"],
                predicted.get(frozenset((a.program_id, b.program_id)), "none"),
            )
        )
    return Evaluation(threshold, out)


AUDIT = HERE / "dup_sample_audit.csv"


def audit_table(path: Path = AUDIT) -> str:
    """Markdown: the seeded sample audit of default pairs (``dup_sample_audit.csv``) per relation —
    how many were judged a duplicate, and how many also had the right relation."""
    rows = load_labels(path)
    lines = [
        "| relation | sampled | a duplicate | relation also right |",
        "|---|---:|---:|---:|",
    ]
    for relation in (*DEFAULT_RELATIONS, "all"):
        part = [r for r in rows if relation in ("all", r["relation"])]
        dup = sum(r["duplicate"] == "yes" for r in part)
        right = sum(r["relation_right"] == "yes" for r in part)
        lines.append(f"| {relation} | {len(part)} | {dup} ({dup / len(part):.2f}) | {right} |")
    return "\n".join(lines)


def relation_counts(threshold: float = DEFAULT_THRESHOLD) -> dict[str, dict[str, int]]:
    """Pairs per relation on the embedded data (certain, and with places unknown)."""
    programs = load_embedded().programs
    return find_duplicates(programs, threshold, relations=RELATIONS).counts


def main(argv: list[str]) -> int:
    threshold = float(argv[0]) if argv else DEFAULT_THRESHOLD
    ev = evaluate(threshold)
    print(f"threshold {threshold:g}, {len(ev.pairs)} labelled pairs\n")
    print(ev.table())
    print("\nconfusion (label → predicted):")
    conf = ev.confusion()
    print("| label \\ predicted | " + " | ".join(LABELS) + " |")
    print("|---|" + "---:|" * len(LABELS))
    for label in LABELS:
        print(f"| {label} | " + " | ".join(str(conf[(label, p)]) for p in LABELS) + " |")
    print("\nsample audit (tests/dup_sample_audit.csv):")
    print(audit_table())
    counts = relation_counts(threshold)
    print("\npairs on the embedded data:", {r: c["certain"] for r, c in counts.items()})
    print("places unknown:", {r: c["uncertain"] for r, c in counts.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
