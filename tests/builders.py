"""Hand-made constraint fixtures shared by the engine tests (eligibility, path)."""

from __future__ import annotations

from loaders.model import Basis, Eligibility, Evidence


def ev(field: str, phrase: str, basis: Basis = "target") -> Evidence:
    """Evidence for a constraint, from the 지원대상 text unless ``basis`` says otherwise."""
    return Evidence(field, basis, phrase)


# "창업 3년 이내": the 초기 band.
WITHIN_3 = Eligibility(
    years_max=3, founder="founded_only",
    evidence=(ev("years", "창업 3년 이내"), ev("founder", "창업 3년 이내")),
)  # fmt: skip
# "3년 초과 7년 이내": the 도약 band.
LEAP = Eligibility(
    years_min=3, years_min_inclusive=False, years_max=7, founder="founded_only",
    evidence=(ev("years", "3년 초과 7년 이내"), ev("founder", "3년 초과 7년 이내")),
)  # fmt: skip
