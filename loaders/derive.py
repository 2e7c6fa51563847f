"""Fields every source derives the same way from a program's own text.

The spreadsheet loader and the K-Startup client both turn name, 지원대상, 사업개요 and 지원내용
into eligibility constraints, growth stages and technology fields; doing it in one place keeps a
program loaded from a file and the same program synced from the API identical.
"""

from __future__ import annotations

from typing import Any

from loaders.eligibility_text import derive_stages, parse_target
from loaders.taxonomy import tag_fields

__all__ = ["derived_fields"]


def derived_fields(
    name: str, *, target: str = "", summary: str = "", content: str = "", exclusion: str = ""
) -> dict[str, Any]:
    """``eligibility``, ``stages`` and ``tech_fields`` for :class:`~loaders.model.Program`.

    The summary (or, lacking one, the content) supplies cues when the target text is silent;
    ``exclusion`` (신청 제외 대상) adds the founder rule it states.
    """
    eligibility = parse_target(target, name=name, summary=summary or content, exclusion=exclusion)
    return {
        "eligibility": eligibility,
        "stages": derive_stages(eligibility, name=name, summary=summary),
        "tech_fields": tag_fields(name, summary, target, content),
    }
