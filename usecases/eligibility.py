"""Judge every program for a profile — the verdicts ``navigator eligible`` prints and every page
shows (사업 찾기, the map, the roadmap), made the same way.

* :func:`judge` — :func:`graph.eligibility.evaluate_all`, then, when the programs' calls are
  given, :func:`graph.calls.apply_call_evidence` (업력 counted on an open call's 공고일, a
  closed call's verdict said as such).
* :func:`judge_on` — that judge with the calls bound, for re-judging with an answer
  (:func:`usecases.finder.open_questions`).
* :func:`check` — the verdicts of a catalogue with the calls used as evidence, as an
  :class:`Eligibility` (counts, rows per verdict, the JSON rows).

>>> from loaders.model import Program
>>> from graph.profile import FirmProfile
>>> progs = [Program("a", 2026, "중앙부처", "중기부", "중기부", "전국", "창업 사업", "사업화")]
>>> check(progs, FirmProfile()).counts()
{'eligible': 0, 'maybe': 1, 'ineligible': 0}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from graph.calls import apply_call_evidence
from graph.eligibility import Verdict, evaluate_all
from graph.profile import FirmProfile
from graph.settle import Judge
from loaders.announcements import AnnouncementSet, JoinResult, join_to_programs
from loaders.model import Program
from loaders.vocab import STATUSES, Status

__all__ = ["Eligibility", "check", "judge", "judge_on"]


def judge(
    programs: Sequence[Program], profile: FirmProfile, joined: JoinResult | None = None
) -> dict[str, Verdict]:
    """Every program's verdict for ``profile``; with ``joined`` (the calls linked to the
    programs) the linked calls are evidence, as on every page."""
    verdicts = evaluate_all(programs, profile)
    if joined is None:
        return verdicts
    return apply_call_evidence(programs, verdicts, joined, profile)


def judge_on(joined: JoinResult | None) -> Judge:
    """:func:`judge` with the calls bound: a :data:`graph.settle.Judge` that weighs the same
    call evidence as the verdicts it re-judges."""
    return partial(judge, joined=joined)


@dataclass(frozen=True)
class Eligibility:
    """The verdicts of a catalogue's programs and the calls they weighed.

    ``calls_label`` says which calls were evidence ("" when none were used).
    """

    programs: tuple[Program, ...]
    verdicts: Mapping[str, Verdict]
    calls_label: str = ""

    def counts(self) -> dict[Status, int]:
        """○/△/× over every verdict."""
        return {s: sum(v.status == s for v in self.verdicts.values()) for s in STATUSES}

    def rows(self, statuses: Iterable[str] = STATUSES) -> list[tuple[Program, Verdict]]:
        """``(program, verdict)`` of the programs with one of ``statuses``, in catalogue order."""
        wanted = set(statuses)
        pairs = ((p, self.verdicts[p.program_id]) for p in self.programs)
        return [(p, v) for p, v in pairs if v.status in wanted]

    def to_dicts(self, statuses: Iterable[str] = STATUSES) -> list[dict[str, object]]:
        """One JSON object a program (the keys ``navigator eligible --json`` prints)."""
        return [
            {
                "program_id": p.program_id,
                "name": p.name,
                "institution": p.institution,
                "status": v.status,
                "reasons": list(v.reasons),
                "failed": list(v.failed),
            }
            for p, v in self.rows(statuses)
        ]


def check(
    programs: Sequence[Program], profile: FirmProfile, calls: AnnouncementSet | None = None
) -> Eligibility:
    """Judge ``programs`` for ``profile``, with ``calls`` (see :func:`usecases.calls.load_calls`)
    linked to them as evidence, or on the notice data alone when ``calls`` is None."""
    if calls is None:
        return Eligibility(tuple(programs), judge(programs, profile))
    joined = join_to_programs(calls.announcements, programs)
    return Eligibility(tuple(programs), judge(programs, profile, joined), calls.label)
